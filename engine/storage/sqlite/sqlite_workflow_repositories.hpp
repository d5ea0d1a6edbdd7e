#pragma once
/// @file sqlite_workflow_repositories.hpp
/// @brief The warning workflow's ports over SQLite: proposals, directives, episodes, timers.

#include "engine/ports/directive_repository.hpp"
#include "engine/ports/episode_repository.hpp"
#include "engine/ports/proposal_repository.hpp"
#include "engine/ports/timer_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteProposalRepository final : public ports::ProposalRepository {
public:
    explicit SqliteProposalRepository(StatementCache& statements) : st_(statements) {}
    std::int64_t add(ports::ProposalRecord const& p) override;
    std::optional<ports::ProposalRecord> find(std::int64_t id) override;
    std::vector<std::int64_t> ids(std::optional<std::string> const& status, int limit) override;
    std::int64_t count_pending() override;
    void decide(std::int64_t id, ports::ProposalDecision const& d) override;
    void join_episode(std::int64_t id, std::int64_t episode) override;

private:
    StatementCache& st_;
};

class SqliteDirectiveRepository final : public ports::DirectiveRepository {
public:
    explicit SqliteDirectiveRepository(StatementCache& statements) : st_(statements) {}
    std::int64_t add(ports::DirectiveRecord const& d) override;
    std::optional<ports::DirectiveRecord> find(std::int64_t id) override;
    std::vector<std::int64_t> ids(int limit) override;
    void started(std::int64_t id, engine::Instant at) override;
    void ended(std::int64_t id, engine::Instant at) override;
    void cancelled(std::int64_t id) override;
    void set_end(std::int64_t id, engine::Instant end_at) override;

private:
    StatementCache& st_;
};

class SqliteEpisodeRepository final : public ports::EpisodeRepository {
public:
    explicit SqliteEpisodeRepository(StatementCache& statements) : st_(statements) {}
    void open(ports::EpisodeRecord const& e) override;
    void reopen(std::int64_t id) override;
    void close(std::int64_t id, engine::Instant at) override;
    void set_peak_level(std::int64_t id, std::string const& level) override;
    std::optional<ports::EpisodeRecord> find(std::int64_t id) override;
    std::vector<ports::EpisodeRecord> recent(int limit) override;
    std::vector<engine::TimelineRecord> timeline(std::int64_t id) override;
    void adopt(std::int64_t id, std::string const& ref) override;

private:
    StatementCache& st_;
};

class SqliteTimerRepository final : public ports::TimerRepository {
public:
    explicit SqliteTimerRepository(StatementCache& statements) : st_(statements) {}
    std::int64_t add(std::string const& kind, std::string const& ref, engine::Instant due,
                     engine::Instant created_at) override;
    void cancel(std::string const& kind, std::string const& ref, engine::Instant at) override;
    void cancel(std::int64_t id, engine::Instant at) override;
    std::vector<ports::TimerRecord> pending(std::string const& kind) override;
    std::vector<ports::TimerRecord> next(int limit) override;
    std::int64_t count_pending() override;
    std::optional<ports::TimerRecord> first_due(engine::Instant until) override;
    void fired(std::int64_t id, engine::Instant at) override;

private:
    StatementCache& st_;
};

}  // namespace hazeguard::storage
