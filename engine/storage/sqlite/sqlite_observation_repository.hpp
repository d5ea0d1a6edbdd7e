#pragma once
/// @file sqlite_observation_repository.hpp
/// @brief ports::ObservationRepository over SQLite (tables observations, observation_changes).

#include "engine/ports/observation_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteObservationRepository final : public ports::ObservationRepository {
public:
    explicit SqliteObservationRepository(StatementCache& statements) : st_(statements) {}
    std::optional<ports::ObservationRecord> find(std::string const& granularity, engine::Instant at) override;
    void put(ports::ObservationRecord const& record) override;
    void add_change(ports::ObservationChange const& change) override;
    std::vector<ports::ObservationRecord> between(engine::Instant from, engine::Instant to) override;
    std::vector<ports::ObservationChange> changes(std::string const& granularity, engine::Instant at) override;

private:
    StatementCache& st_;
};

}  // namespace hazeguard::storage
