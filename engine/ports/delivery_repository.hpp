#pragma once
/// @file delivery_repository.hpp
/// @brief Port: webhook subscriptions and the transactional outbox (docs/delivery.md). A message
/// is written in the transaction of the change that causes it, with one delivery per subscriber;
/// the dispatcher records every attempt. Times: `next_try`/`tried_at` on the wall clock (real
/// retries), `delivered_at` on the service clock (what the record and the report read).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/ports/shard.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct SubscriptionRecord {
    std::int64_t id = 0;
    std::string name;        ///< who receives: 小店区人民政府, 市交通运输局 …
    std::string topic;       ///< "notices": the warning notices (通知) at each signature;
                             ///< "escalations": plants overdue, reported to their district;
                             ///< "orders": one plant's orders, as they are issued
    std::string url;
    std::string secret;      ///< whsec_…
    std::string created_by;
    engine::Instant created_at = 0;
    std::optional<std::string> district;  ///< escalations of this district only; empty: of every one
    std::optional<std::string> enterprise;  ///< "orders": the plant (credit code) whose orders it receives
    std::optional<std::string> recipient;   ///< "notices", "escalations": the roster recipient whose system it is
};

struct DeliveryRecord {
    std::int64_t id = 0;
    std::string message_id;  ///< stable across retries: the receiver's deduplication key
    std::string topic;
    std::string ref;         ///< what caused it ("proposal:3"), empty for a ping
    std::string body;        ///< the JSON sent, as signed
    std::int64_t subscription_id = 0;
    std::string subscription_name;
    std::string url, secret;
    std::string state;       ///< queued, delivered, dead
    int attempts = 0;
    engine::Instant next_try = 0;                 ///< wall clock
    std::optional<engine::Instant> tried_at;      ///< wall clock, last attempt
    std::optional<int> last_status;               ///< HTTP status of the last attempt; empty: no answer
    std::string last_error;
    std::optional<engine::Instant> delivered_at;  ///< service clock
};

/// @brief One recipient of a notice: a roster recipient ("roster:xiaodian") or a subscriber that
/// stands for no one on the roster ("subscription:4"); reached when any of its channels delivered.
struct NoticeRecipient {
    std::string key, name;
    std::optional<engine::Instant> reached_at;  ///< service clock
};

/// @brief How far one notice has got: its recipients, and how many of them it reached.
struct MessageProgress {
    std::string topic, ref;
    int recipients = 0, delivered = 0;
    std::optional<engine::Instant> due_at;  ///< service clock: the distribution deadline, if any
};

/// @brief How far the messages about one thing (e.g. "order:12") got, the best of them.
struct ReachState {
    std::string state;                            ///< delivered, queued or dead
    std::optional<engine::Instant> delivered_at;  ///< service clock, the first delivery
};

class DeliveryRepository {
public:
    virtual ~DeliveryRepository() = default;
    virtual std::int64_t add_subscription(SubscriptionRecord const& s) = 0;
    /// @brief Subscriptions not removed, oldest first; of one topic when given.
    virtual std::vector<SubscriptionRecord> subscriptions(std::optional<std::string> const& topic) = 0;
    virtual std::optional<SubscriptionRecord> subscription(std::int64_t id) = 0;
    /// @brief Stores a subscription's new name, URL and district (the deliveries still queued go
    /// to the new URL).
    virtual void update_subscription(SubscriptionRecord const& s) = 0;
    /// @brief Removes it (its queued deliveries die with it); false when there is none.
    virtual bool remove_subscription(std::int64_t id, engine::Instant at) = 0;

    virtual void add_message(std::string const& id, std::string const& topic, std::string const& ref,
                             std::string const& body, engine::Instant created_at,
                             std::optional<engine::Instant> due_at) = 0;
    virtual std::int64_t add_delivery(std::string const& message_id, std::int64_t subscription_id,
                                      engine::Instant next_try) = 0;
    /// @brief Queued deliveries of `shard` whose next try is at or before `now` (wall clock),
    /// oldest first.
    virtual std::vector<DeliveryRecord> due(engine::Instant now, int limit, Shard shard) = 0;
    virtual std::optional<DeliveryRecord> delivery(std::int64_t id) = 0;
    /// @brief Newest first; of one state when given.
    virtual std::vector<DeliveryRecord> deliveries(std::optional<std::string> const& state, int limit) = 0;
    /// @brief A queued delivery answered 2xx; false when it was no longer queued (nothing changed).
    virtual bool delivered(std::int64_t id, engine::Instant tried_at, int status, engine::Instant delivered_at) = 0;
    /// @brief A failed attempt; `next_try` empty: the delivery is dead.
    virtual void failed(std::int64_t id, engine::Instant tried_at, std::optional<int> status, std::string const& error,
                        std::optional<engine::Instant> next_try) = 0;
    /// @brief A dead delivery queued again from `next_try`, its attempts counted afresh.
    virtual bool requeue(std::int64_t id, engine::Instant next_try) = 0;
    virtual MessageProgress progress(std::string const& message_id) = 0;
    /// @brief The deliveries of one message (every subscriber), oldest first.
    virtual std::vector<DeliveryRecord> deliveries_of(std::string const& message_id) = 0;

    virtual void add_notice_recipient(std::string const& message_id, NoticeRecipient const& recipient) = 0;
    /// @brief The recipient has the notice from `at` on; false when it had it already (or is not one).
    virtual bool reach_recipient(std::string const& message_id, std::string const& key, engine::Instant at) = 0;
    virtual std::vector<NoticeRecipient> notice_recipients(std::string const& message_id) = 0;
    /// @brief Whether anything about `ref` reached anyone: nullopt when no message was queued.
    virtual std::optional<ReachState> reach(std::string const& ref) = 0;
};

}  // namespace hazeguard::ports
