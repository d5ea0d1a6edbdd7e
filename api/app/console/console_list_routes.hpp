#pragma once
/// @file console_list_routes.hpp
/// @brief The list pages (/lists): the version in force, the check and the import of a list file,
/// the versions and what changed between two (docs/console.md).

#include <vector>

#include "api/app/route_table.hpp"

namespace hazeguard::api {

std::vector<Route<RouteSpec>> console_list_routes(service::Service& s);

}  // namespace hazeguard::api
