#pragma once
/// @file resource_routes.hpp
/// @brief Each resource's routes (api/resources/<resource>/): the handlers that read a request,
/// call one application service and present its result. route_table() joins them.

#include "api/resources/route_kit.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::api::routes {

/// @brief Forecasts, proposals, directives, episodes (with progress and report), observations.
Table warning_routes(service::Service& s);
/// @brief The orders and their one-time links.
Table order_routes(service::Service& s);
/// @brief The emission-reduction list: imports, the current version, a plant's entry.
Table list_routes(service::Service& s);
/// @brief Subscriptions, deliveries, text messages (and the SMS gateway's pushes), notices, the roster.
Table delivery_routes(service::Service& s);
/// @brief Tokens, /metrics and the public CAP feed.
Table admin_routes(service::Service& s, RouteEnv const& env);

}  // namespace hazeguard::api::routes
