#pragma once
/// @file public_alerts.hpp
/// @brief The public CAP 1.2 feed (docs/cap.md): an Atom feed of the newest alerts and each alert
/// as its own XML document. Public: no token.

#include <string>

#include "api/http/message.hpp"
#include "engine/service/alerts/public_alerts_service.hpp"
#include "plans/plan.hpp"

namespace hazeguard::api {

/// @brief How many alerts the feed lists (newest first); older ones stay readable by identifier.
inline constexpr int kFeedEntries = 50;

/// @brief GET /v1/public/alerts: the Atom feed. `base` is the public URL of the server (no
/// trailing slash); entry links are absolute. `now` stands in for the feed's update time before
/// the first alert.
Response cap_feed_response(service::PublicAlertsService& alerts, plans::Plan const& plan, std::string const& base,
                           engine::Instant now);

/// @brief GET /v1/public/alerts/{identifier}: the alert as published (application/cap+xml), or
/// a 404 problem.
Response cap_alert_response(service::PublicAlertsService& alerts, std::string const& identifier);

}  // namespace hazeguard::api
