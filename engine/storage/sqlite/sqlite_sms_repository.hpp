#pragma once
/// @file sqlite_sms_repository.hpp
/// @brief The SMS port over SQLite (tables sms, sms_replies: migration 0009). The messages of a
/// batch are queued set-wise from the plants' stored list entries (JSON1 json_each).

#include "engine/ports/sms_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteSmsRepository final : public ports::SmsRepository {
public:
    explicit SqliteSmsRepository(StatementCache& statements) : st_(statements) {}
    std::int64_t queue_batch(std::int64_t batch, std::string const& kind, engine::Instant wall_now) override;
    std::int64_t queue_reminders(std::int64_t batch, engine::Instant wall_now) override;
    std::int64_t queue_text(ports::RosterText const& text, engine::Instant wall_now) override;
    std::vector<ports::SmsRecord> of_message(std::string const& message_id) override;
    std::vector<ports::SmsRecord> due(engine::Instant wall_now, int limit, ports::Shard shard) override;
    std::optional<ports::SmsRecord> find(std::int64_t id) override;
    std::vector<ports::SmsRecord> of_order(std::int64_t order_id) override;
    std::vector<ports::SmsRecord> newest(std::optional<std::string> const& state, int limit) override;
    bool requeue(std::int64_t id, engine::Instant next_try) override;
    void sent(std::int64_t id, engine::Instant tried_at, std::string const& biz_id, engine::Instant sent_at) override;
    void withdraw(std::int64_t id, std::string const& why) override;
    void failed(std::int64_t id, engine::Instant tried_at, std::string const& error,
                std::optional<engine::Instant> next_try) override;
    bool receipt(std::int64_t id, std::string const& phone, bool delivered, std::string const& code,
                 engine::Instant at) override;
    std::optional<std::int64_t> newest_order_to(std::string const& phone) override;
    std::string contact_of(std::string const& phone) override;
    bool has_reply(std::string const& phone, std::string const& sequence_id) override;
    bool add_reply(ports::SmsReply const& reply) override;

private:
    std::int64_t queue(std::int64_t batch, std::string const& kind, bool unacknowledged_only, engine::Instant wall_now);
    StatementCache& st_;
};

}  // namespace hazeguard::storage
