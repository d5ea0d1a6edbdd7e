#pragma once
/// @file console_routes.hpp
/// @brief The console's pages, served by the same application as the API (docs/console.md): the
/// staff sign-in and sign-out, the status board and its wall view, the embedded assets, and the
/// plant's order page from its one-time link. Pages are HTML; every refusal is a Chinese page.

#include <vector>

#include "api/app/route_table.hpp"

namespace hazeguard::api {

std::vector<Route<RouteSpec>> console_routes(service::Service& s, RouteEnv const& env);

}  // namespace hazeguard::api
