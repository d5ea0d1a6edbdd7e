#pragma once
/// @file console_episode_routes.hpp
/// @brief The episode pages (docs/console.md): the list, one episode with its timeline and its
/// progress (kept current by a one-second poll of progress.json), its orders filtered and as CSV,
/// and the printable documents: the evaluation report and each order.

#include <vector>

#include "api/app/route_table.hpp"

namespace hazeguard::api {

std::vector<Route<RouteSpec>> console_episode_routes(service::Service& s);

}  // namespace hazeguard::api
