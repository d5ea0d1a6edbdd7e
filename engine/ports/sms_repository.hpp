#pragma once
/// @file sms_repository.hpp
/// @brief Port: text messages to the plants' mobile phones and the roster's contacts
/// (docs/delivery.md "SMS"). One row per (order, phone) or (notice or escalation, recipient, phone):
/// queued in the transaction that issues the order, signs the notice or falls due as a reminder,
/// sent by the dispatcher through the gateway, then delivered or failed as the gateway's receipt
/// says. Replies ("1") and receipts are kept as they came. Times: `next_try`/`tried_at` on the wall
/// clock; `sent_at`, `delivered_at`, `received_at` on the service clock.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/ports/shard.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct SmsRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> order_id;  ///< the order it is about (kinds order, reminder)
    /// order (an order or termination notice), reminder, notice (a warning notice, to a roster
    /// recipient), escalation (overdue plants, to a district's recipient)
    std::string kind;
    std::string phone, contact;
    /// queued, sent, delivered, failed (receipt), dead (never accepted), withdrawn (not sent: its
    /// order was acknowledged or replaced first; last_error says which)
    std::string state;
    int attempts = 0;
    engine::Instant next_try = 0;
    std::optional<engine::Instant> tried_at, sent_at, delivered_at;
    std::string last_error;    ///< the gateway's code or the connection's error; the receipt's on failed
    std::optional<std::string> biz_id;
    std::optional<std::string> ref;         ///< notice, escalation: its cause ("proposal:3", "batch:2")
    std::optional<std::string> recipient;   ///< notice, escalation: the roster recipient's id
    std::optional<std::string> message_id;  ///< notice: the outbox message whose distribution it counts for
    std::optional<std::string> params;      ///< notice, escalation: the template's variables (JSON), fixed when queued
};

/// @brief A text to one roster contact, its variables composed when queued.
struct RosterText {
    std::string kind;  ///< notice, escalation
    std::string phone, contact;
    std::string ref, recipient;
    std::optional<std::string> message_id;
    std::string params;  ///< JSON object
};

/// @brief An inbound reply as it came, and what became of it.
struct SmsReply {
    std::string phone, content, sequence_id;
    engine::Instant received_at = 0;
    std::string outcome;        ///< acknowledged, already_acknowledged, no_open_order, not_understood, duplicate
    std::optional<std::int64_t> order_id;
};

class SmsRepository {
public:
    virtual ~SmsRepository() = default;
    /// @brief One `kind` message per mobile contact (11 digits, 1[3-9]…) of each order of `batch`
    /// whose plant has one, set-wise; returns how many.
    virtual std::int64_t queue_batch(std::int64_t batch, std::string const& kind, engine::Instant wall_now) = 0;
    /// @brief Reminders to the mobile contacts of the orders of `batch` still not acknowledged.
    virtual std::int64_t queue_reminders(std::int64_t batch, engine::Instant wall_now) = 0;
    /// @brief One text to a roster contact; returns its id.
    virtual std::int64_t queue_text(RosterText const& text, engine::Instant wall_now) = 0;
    /// @brief The texts of a notice's message (all states), oldest first.
    virtual std::vector<SmsRecord> of_message(std::string const& message_id) = 0;
    /// @brief Queued messages of `shard` due at `wall_now`, oldest first.
    virtual std::vector<SmsRecord> due(engine::Instant wall_now, int limit, Shard shard) = 0;
    virtual std::optional<SmsRecord> find(std::int64_t id) = 0;
    /// @brief The newest messages of an order (all states).
    virtual std::vector<SmsRecord> of_order(std::int64_t order_id) = 0;
    /// @brief The newest `limit` messages, of one state when given.
    virtual std::vector<SmsRecord> newest(std::optional<std::string> const& state, int limit) = 0;
    /// @brief A dead message queued again from `next_try`, its attempts counted afresh; false when
    /// it is not dead.
    virtual bool requeue(std::int64_t id, engine::Instant next_try) = 0;
    virtual void sent(std::int64_t id, engine::Instant tried_at, std::string const& biz_id, engine::Instant sent_at) = 0;
    /// @brief A queued message not to be sent after all, and why.
    virtual void withdraw(std::int64_t id, std::string const& why) = 0;
    /// @brief A refused or unanswered send; `next_try` empty: dead.
    virtual void failed(std::int64_t id, engine::Instant tried_at, std::string const& error,
                        std::optional<engine::Instant> next_try) = 0;
    /// @brief The receipt of a message the gateway took (sent, or still queued when the receipt
    /// overtook the dispatcher's record of the send); false when it is unknown or was already
    /// settled (receipts repeat).
    virtual bool receipt(std::int64_t id, std::string const& phone, bool delivered, std::string const& code,
                         engine::Instant at) = 0;
    /// @brief The order of the newest message about an order sent to `phone` (kind order or reminder).
    virtual std::optional<std::int64_t> newest_order_to(std::string const& phone) = 0;
    /// @brief The contact's name behind `phone` in the newest message to it.
    virtual std::string contact_of(std::string const& phone) = 0;
    /// @brief The gateway pushed this reply before (same phone and sequence id).
    virtual bool has_reply(std::string const& phone, std::string const& sequence_id) = 0;
    /// @brief Keeps a reply; false when the same (phone, sequence id) came before.
    virtual bool add_reply(SmsReply const& reply) = 0;
};

}  // namespace hazeguard::ports
