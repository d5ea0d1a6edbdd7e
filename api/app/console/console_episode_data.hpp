#pragma once
/// @file console_episode_data.hpp
/// @brief The data of the episode pages: the list of episodes, one episode's timeline, its
/// progress by district × industry × grade (tables with bars), its orders filtered, and the CSV
/// of those orders.

#include <string>

#include <nlohmann/json.hpp>

#include "api/app/route.hpp"
#include "engine/service/orders/orders_service.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::api {

/// @brief The filters of an episode's order listing from the page's query (unknown values ignored).
service::OrderFilter episode_filter(RouteMatch const& match);

nlohmann::json episodes_data(service::Service& s);

/// @brief The progress section's data (counts, delivery, the three tables with their bars).
nlohmann::json progress_data(service::Service& s, std::int64_t episode);

/// @brief The episode page: header, timeline, progress (rendered by the caller), filters and one
/// page of orders.
nlohmann::json episode_data(service::Service& s, std::int64_t episode, RouteMatch const& match);

/// @brief Every order of the filter (all pages) as CSV, UTF-8 with a BOM for spreadsheet programs.
std::string orders_csv(service::Service& s, std::int64_t episode, service::OrderFilter filter);

}  // namespace hazeguard::api
