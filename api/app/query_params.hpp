#pragma once
/// @file query_params.hpp
/// @brief Reading and checking the query parameters of the routes that take some; a bad value is
/// a 400 problem naming `/query/<name>`.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "api/app/route.hpp"
#include "api/http/message.hpp"
#include "engine/service/service.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::api {

/// @brief ?status= of GET /v1/proposals: pending, approved or rejected.
std::optional<std::string> proposal_status(RouteMatch const& m);
/// @brief ?state=queued|delivered|dead of GET /v1/deliveries (else /problems/invalid-query).
std::optional<std::string> delivery_state(RouteMatch const& m);
/// @brief ?state= of GET /v1/sms: queued, sent, delivered, failed, dead or withdrawn (400 otherwise).
std::optional<std::string> sms_state(RouteMatch const& m);
/// @brief Filters and cursor of GET /v1/episodes/{id}/orders.
service::OrderFilter order_filter(RouteMatch const& m);
/// @brief [from, to) of GET /v1/observations: RFC 3339 instants, at most 92 days apart.
std::pair<engine::Instant, engine::Instant> observation_range(RouteMatch const& m);
/// @brief ?NAME=true or ?NAME=false; absent is false.
bool flag(RouteMatch const& m, char const* name);
/// @brief json, html or csv: ?format= first, else the Accept header, else json.
std::string report_format(Request const& r, RouteMatch const& m);
/// @brief ?page= (from 1, default 1) and ?limit= (1–1000, default 1000) of the report's
/// never-acknowledged list.
std::pair<std::size_t, std::size_t> report_page(RouteMatch const& m);

}  // namespace hazeguard::api
