#pragma once
/// @file sqlite_delivery_repository.hpp
/// @brief The delivery port over SQLite (tables subscriptions, outbox, deliveries: migration 0007).

#include "engine/ports/delivery_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteDeliveryRepository final : public ports::DeliveryRepository {
public:
    explicit SqliteDeliveryRepository(StatementCache& statements) : st_(statements) {}
    std::int64_t add_subscription(ports::SubscriptionRecord const& s) override;
    std::vector<ports::SubscriptionRecord> subscriptions(std::optional<std::string> const& topic) override;
    std::optional<ports::SubscriptionRecord> subscription(std::int64_t id) override;
    void update_subscription(ports::SubscriptionRecord const& s) override;
    bool remove_subscription(std::int64_t id, engine::Instant at) override;
    void add_message(std::string const& id, std::string const& topic, std::string const& ref, std::string const& body,
                     engine::Instant created_at, std::optional<engine::Instant> due_at) override;
    std::int64_t add_delivery(std::string const& message_id, std::int64_t subscription_id, engine::Instant next_try) override;
    std::vector<ports::DeliveryRecord> due(engine::Instant now, int limit, ports::Shard shard) override;
    std::optional<ports::DeliveryRecord> delivery(std::int64_t id) override;
    std::vector<ports::DeliveryRecord> deliveries(std::optional<std::string> const& state, int limit) override;
    bool delivered(std::int64_t id, engine::Instant tried_at, int status, engine::Instant delivered_at) override;
    void failed(std::int64_t id, engine::Instant tried_at, std::optional<int> status, std::string const& error,
                std::optional<engine::Instant> next_try) override;
    bool requeue(std::int64_t id, engine::Instant next_try) override;
    ports::MessageProgress progress(std::string const& message_id) override;
    std::vector<ports::DeliveryRecord> deliveries_of(std::string const& message_id) override;
    void add_notice_recipient(std::string const& message_id, ports::NoticeRecipient const& recipient) override;
    bool reach_recipient(std::string const& message_id, std::string const& key, engine::Instant at) override;
    std::vector<ports::NoticeRecipient> notice_recipients(std::string const& message_id) override;
    std::optional<ports::ReachState> reach(std::string const& ref) override;

private:
    StatementCache& st_;
};

}  // namespace hazeguard::storage
