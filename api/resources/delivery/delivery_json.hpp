#pragma once
/// @file delivery_json.hpp
/// @brief Delivery's JSON views: subscriptions, webhook deliveries, text messages, a notice's
/// distribution, the roster, and the answers to the SMS gateway's pushes. Pure functions of
/// the services' results.

#include <vector>

#include <nlohmann/json.hpp>

#include "engine/service/delivery/delivery_service.hpp"
#include "engine/service/delivery/sms_service.hpp"
#include "engine/service/roster/roster_service.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::api {

/// @brief A subscription (never its secret).
nlohmann::json subscription_json(service::ViewContext const& views, ports::SubscriptionRecord const& s);
/// @brief {"items": [subscription]}.
nlohmann::json subscriptions_json(service::ViewContext const& views, std::vector<ports::SubscriptionRecord> const& items);
/// @brief A new subscription with its secret, shown only here: the receiver verifies signatures with it.
nlohmann::json new_subscription_json(service::ViewContext const& views, ports::SubscriptionRecord const& s);
nlohmann::json removed_subscription_json(service::RemovedSubscription const& r);
nlohmann::json ping_json(service::QueuedPing const& p);

/// @brief One webhook delivery (wall-clock attempt times in +08:00, the delivery in the plan's offset).
nlohmann::json delivery_json(service::ViewContext const& views, ports::DeliveryRecord const& d);
/// @brief {"items": [delivery]}.
nlohmann::json deliveries_json(service::ViewContext const& views, std::vector<ports::DeliveryRecord> const& items);
/// @brief A notice's recipients with their reach, its webhook deliveries and its texts.
nlohmann::json notice_json(service::ViewContext const& views, service::NoticeDistribution const& n);

/// @brief One text message.
nlohmann::json sms_json(service::ViewContext const& views, ports::SmsRecord const& s);
/// @brief {"items": [text message]}.
nlohmann::json sms_list_json(service::ViewContext const& views, std::vector<ports::SmsRecord> const& items);
/// @brief The answers the gateway expects: {"code": 0, "msg": "成功", …}.
nlohmann::json receipts_json(service::SettledReceipts const& r);
nlohmann::json replies_json(std::vector<service::ReplyOutcome> const& outcomes);

/// @brief A roster version with the roster it holds (and `unchanged: true` when an import found
/// it in force already).
nlohmann::json roster_json(service::ViewContext const& views, service::RosterSheet const& r);

}  // namespace hazeguard::api
