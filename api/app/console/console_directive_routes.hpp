#pragma once
/// @file console_directive_routes.hpp
/// @brief The directive page (docs/console.md): the regional directives, a form to record one and
/// a button to lift (or, before its start, cancel) one — for duty officers and admins.

#include <vector>

#include "api/app/route_table.hpp"

namespace hazeguard::api {

std::vector<Route<RouteSpec>> console_directive_routes(service::Service& s);

}  // namespace hazeguard::api
