#pragma once
/// @file console_episode_routes.hpp
/// @brief The episode pages (docs/console.md): the list, one episode with its timeline and its
/// progress (kept current by a long poll of progress.json that
/// answers when a commit changes it), its orders filtered and as CSV,
/// and the printable documents: the evaluation report and each order.

#include <memory>
#include <vector>

#include "api/app/route_table.hpp"

namespace hazeguard::api {

/// @param watch holds the progress polls until a commit changes the section
std::vector<Route<RouteSpec>> console_episode_routes(service::Service& s, std::shared_ptr<ProgressWatch> watch);

}  // namespace hazeguard::api
