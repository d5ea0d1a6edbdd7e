#pragma once
/// @file sqlite_list_repository.hpp
/// @brief ports::ListRepository over SQLite (tables lists, enterprises, enterprise_bodies,
/// enterprise_levels). Batches are one prepared statement stepped per row, in the caller's
/// transaction.

#include "engine/ports/list_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteListRepository final : public ports::ListRepository {
public:
    explicit SqliteListRepository(StatementCache& statements) : st_(statements) {}
    std::optional<std::int64_t> latest_version() override;
    std::optional<ports::ListVersion> version(std::int64_t version) override;
    void add_version(ports::ListVersion const& version) override;
    std::vector<ports::ListVersion> versions() override;
    std::vector<ports::ListChangeRow> changes(std::int64_t from, std::int64_t to, std::string const& after,
                                              int limit) override;
    ports::ListChangeCounts change_counts(std::int64_t from, std::int64_t to) override;
    void finish_version(std::int64_t version, std::int64_t count, std::string const& sha256) override;
    void add_enterprises(std::int64_t version, std::span<ports::EnterpriseRow const> rows) override;
    std::optional<std::string> enterprise_entry(std::int64_t version, std::string const& credit_code) override;
    std::vector<std::pair<std::string, std::int64_t>> count_by(std::int64_t version,
                                                               ports::ListDimension dimension) override;
    std::vector<ports::EnterpriseEntry> entries(std::int64_t version, std::int64_t after, int limit) override;
    bool has_levels(std::int64_t version, std::string const& plan_version) override;
    void add_levels(std::int64_t version, std::string const& plan_version,
                    std::span<ports::EnterpriseLevel const> rows) override;
    ports::LevelTotals level_totals(std::int64_t version, std::string const& plan_version,
                                    std::string const& level) override;

private:
    StatementCache& st_;
};

}  // namespace hazeguard::storage
