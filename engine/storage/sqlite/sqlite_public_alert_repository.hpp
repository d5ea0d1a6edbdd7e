#pragma once
/// @file sqlite_public_alert_repository.hpp
/// @brief The public-alert port over SQLite (table public_alerts, migration 0006).

#include "engine/ports/public_alert_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqlitePublicAlertRepository final : public ports::PublicAlertRepository {
public:
    explicit SqlitePublicAlertRepository(StatementCache& statements) : st_(statements) {}
    void append(ports::PublicAlertRecord const& alert) override;
    std::vector<ports::PublicAlertRecord> last_warning() override;
    int count_sent_at(engine::Instant sent) override;
    std::vector<ports::PublicAlertRecord> recent(int limit) override;
    std::optional<ports::PublicAlertRecord> find(std::string const& identifier) override;

private:
    StatementCache& st_;
};

}  // namespace hazeguard::storage
