#pragma once
/// @file sms_text.hpp
/// @brief What an order's text message says (docs/delivery.md "SMS"): the variables sent to the
/// gateway's approved template, and the same text rendered for the record. Short on purpose: the
/// wording without the link fits one SMS (70 characters with the signature). Pure.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/time/timestamp.hpp"

namespace hazeguard::engine {

/// @brief The facts of the order a message is about.
struct SmsOrderFacts {
    /// order (an order), termination (its end), cancellation (withdrawn before it took effect),
    /// reminder (still not acknowledged)
    std::string kind;
    std::int64_t order_id = 0;
    std::string level_cn;              ///< the level's short name (黄色预警); empty for a termination
    Instant effective_from = 0;
    std::optional<Instant> ack_due;
    std::string link;                  ///< the order's one-time link, absolute
    int offset_minutes = 480;
};

struct SmsContent {
    std::string template_kind;   ///< which approved template: order, termination, cancellation, reminder
    nlohmann::json params;       ///< its variables (Alibaba ${name} style): code, level, start, due, link
    std::string text_cn;         ///< the message as the plant reads it (without the gateway's 【签名】)
};

SmsContent sms_content(SmsOrderFacts const& facts);

/// @brief What a warning notice decides, for the roster's text message.
struct NoticeDecision {
    std::string action;         ///< issue, upgrade, downgrade, extend, lift, directive
    std::string from_level_cn;  ///< the level in force before (upgrade, downgrade, lift)
    std::string to_level_cn;    ///< the level it brings (issue, upgrade, downgrade, extend, directive)
    Instant start = 0;
    std::optional<Instant> end;
    int offset_minutes = 480;
};

/// @brief One sentence: "定于12月15日0时起启动黄色预警（Ⅲ级响应）", "定于12月16日0时起由黄色预警
///升级为橙色预警（Ⅱ级响应）", "橙色预警（Ⅱ级响应）延长至12月18日0时", "定于…起解除橙色预警（Ⅱ级响应）".
std::string notice_decision_cn(NoticeDecision const& d);

/// @brief A roster recipient's text: template `notice` ({decision}) or `escalation` ({district,
/// count, what, due}), its text rendered from the variables fixed when it was queued.
SmsContent roster_sms_content(std::string const& kind, nlohmann::json const& params);

/// @brief "12月15日0时" / "12月15日0时30分": the plan's local time, as short as an SMS wants it.
std::string short_time_cn(Instant t, int offset_minutes);

/// @brief A reply that acknowledges: "1" (also full-width "１"), blanks around it ignored.
bool is_acknowledging_reply(std::string const& content);

}  // namespace hazeguard::engine
