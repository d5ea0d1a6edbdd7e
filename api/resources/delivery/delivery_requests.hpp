#pragma once
/// @file delivery_requests.hpp
/// @brief Delivery's request bodies read into the services' typed requests, every fault with its
/// JSON pointer (422): subscriptions, the SMS gateway's pushes, the roster document.

#include <vector>

#include <nlohmann/json.hpp>

#include "engine/service/delivery/delivery_service.hpp"
#include "engine/service/delivery/sms_service.hpp"
#include "engine/service/principal.hpp"
#include "plans/plan.hpp"
#include "plans/roster.hpp"

namespace hazeguard::api {

/// @brief POST /v1/subscriptions: {"name", "topic": "notices" | "escalations" | "orders", "url",
/// "district"?, "enterprise"?, "recipient"?}. A district must be the plan's and is for
/// escalations only; an enterprise (`who`) subscribes to its own orders only, an admin names the
/// plant of an orders subscription; an orders subscription names no recipient.
service::SubscriptionRequest read_subscription(nlohmann::json const& body, service::Principal const& who,
                                               plans::Plan const& plan);
/// @brief PUT /v1/subscriptions/{id}: {"name"?, "url"?, "district"?, "recipient"?}; null clears
/// a district or a recipient.
service::SubscriptionChange read_subscription_change(nlohmann::json const& body, plans::Plan const& plan);

/// @brief The gateway's delivery receipts (Alibaba SmsReport: [{out_id, phone_number, success,
/// err_code, report_time}], or one object). Items that are not objects or name no message of
/// ours (out_id not a number) are left out.
std::vector<service::SmsReceipt> read_sms_receipts(nlohmann::json const& body);
/// @brief Replies (Alibaba SmsUp: [{phone_number, content, sequence_id, send_time}], or one
/// object). Items without a phone number are left out; without a sequence id, the send time and
/// the content tell a repeated push.
std::vector<service::SmsInboundReply> read_sms_replies(nlohmann::json const& body);

/// @brief A roster document (docs/roster-format.md) checked against the plan's districts; a
/// validation Error with every fault and its pointer.
plans::Roster read_roster(nlohmann::json const& document, plans::Plan const& plan);

}  // namespace hazeguard::api
