#pragma once
/// @file sms_service.hpp
/// @brief Text messages to the plants' mobile phones (docs/delivery.md "SMS"): queued with the
/// order in its transaction (one per mobile contact), reminders at the acknowledgement deadline,
/// sent one at a time by the dispatcher through the operator's gateway with retries, settled by
/// the gateway's receipts; a reply "1" acknowledges the order of the newest message to that phone.
/// Without a configured gateway nothing is queued: no record says a message went out.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/ports/transactions.hpp"
#include "engine/service/clock.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/orders/orders_service.hpp"
#include "engine/service/view_context.hpp"
#include "plans/roster.hpp"

namespace hazeguard::service {

/// @brief One message for the gateway: who, which approved template, its variables.
struct SmsMessage {
    std::int64_t id = 0;          ///< the gateway's OutId: receipts name it
    std::string phone;
    std::string template_kind;    ///< order, termination, cancellation, reminder
    nlohmann::json params;
    std::string text_cn;
};

/// @brief The gateway's answer: accepted (with its id), or refused/unanswered and why.
struct SmsResult {
    bool accepted = false;
    std::string biz_id;
    std::string error;
};

/// @brief Sends one message and waits for the gateway's answer (api/delivery/sms_gateway.hpp in
/// the server; a fake in the tests).
using SmsSender = std::function<SmsResult(SmsMessage const&)>;

/// @brief One delivery receipt pushed by the gateway (Alibaba SmsReport), read by the api.
struct SmsReceipt {
    std::int64_t id = 0;      ///< the OutId: our message's id
    std::string phone;
    bool delivered = false;
    std::string error_code;
};

/// @brief One reply pushed by the gateway (Alibaba SmsUp), read by the api; `sequence_id` tells
/// a reply pushed again from a new one.
struct SmsInboundReply {
    std::string phone, content, sequence_id;
};

/// @brief How many receipts settled a message.
struct SettledReceipts {
    int settled = 0;
};

/// @brief What became of each reply: acknowledged, already_acknowledged, no_open_order,
/// not_understood, or duplicate (pushed again: nothing changed, no order named).
struct ReplyOutcome {
    std::string phone, outcome;
    std::optional<std::int64_t> order_id;
};

class SmsService {
public:
    /// @param key the server's secret, from which the inbound endpoints' path secret is derived
    SmsService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views, Clock const& clock,
               OrdersService& orders, std::string const& key);

    /// @brief Set once before serving, when a gateway is configured: messages are queued from
    /// then on, their links made absolute with `public_url`.
    void enable(std::string public_url) {
        public_url_ = std::move(public_url);
        enabled_ = true;
    }
    bool enabled() const { return enabled_; }
    /// @brief The secret path segment of the gateway's pushes: /v1/inbound/sms/{token}/receipts
    /// and /replies, which the operator enters in the gateway's console (serve prints them).
    std::string const& inbound_token() const { return inbound_token_; }
    /// @brief Constant-time comparison with inbound_token().
    bool inbound_token_valid(std::string const& token) const;

    /// @brief In the issuing transaction: a message per mobile contact of each plant of `batch`.
    /// Returns how many (0 without a gateway).
    std::int64_t enqueue_batch(Tx& tx, std::int64_t batch) const;
    /// @brief At the acknowledgement deadline: a reminder per mobile contact of each plant still
    /// silent. Returns how many (0 without a gateway).
    std::int64_t enqueue_reminders(Tx& tx, std::int64_t batch) const;
    /// @brief In the cause's transaction: a `kind` text (notice, escalation) with `params` to each
    /// mobile contact of a roster recipient; a notice's texts count for its `message_id`'s
    /// distribution. Returns how many (0 without a gateway or mobile numbers).
    std::int64_t enqueue_roster_texts(Tx& tx, plans::RosterRecipient const& recipient, std::string const& kind,
                                      nlohmann::json const& params, std::string const& ref,
                                      std::optional<std::string> const& message_id) const;

    /// @brief Sends up to `limit` messages of `shard` due at `wall_now`, one after the other
    /// (withdrawing those whose order was acknowledged — a reminder — or replaced meanwhile),
    /// stopping at the first the gateway does not accept (the rest keep their turn); the attempts
    /// are recorded together in one transaction after the sends. Returns how many were attempted.
    int dispatch_due(SmsSender const& send, int limit, engine::Instant wall_now, ports::Shard shard = {});

    /// @brief The gateway's delivery receipts. Unknown or repeated ones are ignored; answers how
    /// many settled.
    void receipts(Command const& c, std::vector<SmsReceipt> receipts, Answer<SettledReceipts> answer);
    /// @brief Replies: "1" acknowledges the order of the newest message to that phone (channel
    /// "sms"). Each reply is kept with what became of it; a repeated one (same phone and sequence
    /// id) changes nothing.
    void replies(Command const& c, std::vector<SmsInboundReply> replies, Answer<std::vector<ReplyOutcome>> answer);

    /// @brief The newest 500 messages (admin), of one state (queued, sent, delivered, failed,
    /// dead) when given.
    std::vector<ports::SmsRecord> messages(std::optional<std::string> const& state);
    /// @brief A dead message tried again now, its attempts counted afresh; delivery_not_dead
    /// otherwise.
    void retry(Command const& c, std::int64_t id, Answer<ports::SmsRecord> answer);

private:
    SmsMessage compose(ports::Store& store, ports::SmsRecord const& sms, ports::OrderRecord const& order) const;
    /// Why a queued text about an order is no longer to be sent at `now`, if so.
    std::optional<std::string> moot(std::optional<ports::OrderRecord> const& order, ports::SmsRecord const& sms,
                                    engine::Instant now) const;
    /// The text of a queued message, or why it is not to be sent.
    std::variant<SmsMessage, std::string> prepare(ports::Store& store, ports::SmsRecord const& sms) const;
    std::string reply_outcome(Tx& tx, std::string const& phone, std::optional<std::int64_t>& order_id) const;
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
    Clock const& clock_;
    OrdersService& orders_;
    std::string inbound_token_;
    std::string public_url_;
    bool enabled_ = false;
};

}  // namespace hazeguard::service
