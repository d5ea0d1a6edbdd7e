#pragma once
/// @file sqlite_evaluation_repository.hpp
/// @brief ports::EvaluationRepository over SQLite (episodes, episode_timeline, proposals,
/// directives, orders with their batches, plants and levels, observations).

#include "engine/ports/evaluation_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteEvaluationRepository final : public ports::EvaluationRepository {
public:
    explicit SqliteEvaluationRepository(StatementCache& statements) : st_(statements) {}
    std::vector<ports::TimelineRow> timeline(std::int64_t episode) override;
    std::optional<engine::report::DirectiveRecord> directive(std::int64_t id) override;
    std::vector<std::pair<std::int64_t, engine::Instant>> superseded(std::int64_t episode) override;
    void orders(std::int64_t episode, std::string const& plan_version, bool unacknowledged_only,
                std::function<void(ports::EvaluationOrder&)> const& each) override;
    std::vector<ports::ObservationRow> observations(engine::Instant from, engine::Instant to) override;

private:
    StatementCache& st_;
};

}  // namespace hazeguard::storage
