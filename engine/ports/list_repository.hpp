#pragma once
/// @file list_repository.hpp
/// @brief Port: the emission-reduction list (应急减排清单) — its versions, every plant's dimensions
/// and full entry, and what each plant must do per level (worked out once per list version and plan
/// version). Rows only: what a plant must do is the lists service's to work out. Bulk writes take a
/// whole batch per call, so an implementation can run them as one prepared statement in a loop.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

/// @brief One imported version of the list.
struct ListVersion {
    std::int64_t version = 0;
    engine::Instant imported_at = 0;   ///< the service clock
    std::string imported_by;
    std::string source;
    std::int64_t count = 0;            ///< plants on the list
    std::string sha256;                ///< of the canonical list JSON
};

/// @brief One plant of a list version: the dimensions progress groups by and its full entry.
struct EnterpriseRow {
    std::int64_t id = 0;   ///< 1, 2, ... in list order, within its version
    std::string credit_code, name, district, industry, grade;
    std::string body;      ///< the list entry, JSON text
};

/// @brief A plant's stored entry (JSON text) by its id in the list version.
struct EnterpriseEntry {
    std::int64_t id = 0;
    std::string body;
};

/// @brief What one plant must do at one level, with its daily reductions.
struct EnterpriseLevel {
    std::int64_t enterprise_id = 0;
    std::string level;                    ///< plan level id
    std::string source;                   ///< where the measures come from (engine::select_order)
    std::array<double, 4> reductions{};   ///< t/day of SO2, NOx, PM, VOCs
};

/// @brief The planned reductions of every plant with measures at one level, summed.
struct LevelTotals {
    std::int64_t enterprises = 0;
    std::array<double, 4> reductions{};   ///< t/day of SO2, NOx, PM, VOCs
};

/// @brief A plant that differs between two versions, by credit code: its entry (JSON text) on
/// each; no `before` when it was added, no `after` when it was removed.
struct ListChangeRow {
    std::string credit_code;
    std::optional<std::string> before, after;
};

/// @brief How many plants two versions' lists differ by.
struct ListChangeCounts {
    std::int64_t added = 0, removed = 0, changed = 0;
};

/// @brief The dimensions a list version is counted by.
enum class ListDimension { district, grade, industry };

class ListRepository {
public:
    virtual ~ListRepository() = default;
    /// @brief The newest version, if a list was ever imported.
    virtual std::optional<std::int64_t> latest_version() = 0;
    virtual std::optional<ListVersion> version(std::int64_t version) = 0;
    virtual void add_version(ListVersion const& version) = 0;
    /// @brief Every version, the newest first.
    virtual std::vector<ListVersion> versions() = 0;
    /// @brief Up to `limit` plants that differ between versions `from` and `to` (added, removed,
    /// or with another entry), credit codes above `after`, ascending by credit code (one page).
    virtual std::vector<ListChangeRow> changes(std::int64_t from, std::int64_t to, std::string const& after,
                                               int limit) = 0;
    /// @brief The number of plants added, removed and changed from version `from` to `to`.
    virtual ListChangeCounts change_counts(std::int64_t from, std::int64_t to) = 0;
    /// @brief Sets the count and digest of a version added before its plants were all read.
    virtual void finish_version(std::int64_t version, std::int64_t count, std::string const& sha256) = 0;
    /// @brief Stores a batch of plants of `version` (dimensions and entries).
    virtual void add_enterprises(std::int64_t version, std::span<EnterpriseRow const> rows) = 0;
    /// @brief The entry of the plant with this credit code on `version`.
    virtual std::optional<std::string> enterprise_entry(std::int64_t version, std::string const& credit_code) = 0;
    /// @brief Plants of `version` per value of `dimension`, ascending by value.
    virtual std::vector<std::pair<std::string, std::int64_t>> count_by(std::int64_t version,
                                                                       ListDimension dimension) = 0;
    /// @brief Up to `limit` entries of `version` with ids above `after`, ascending by id (one page).
    virtual std::vector<EnterpriseEntry> entries(std::int64_t version, std::int64_t after, int limit) = 0;
    /// @brief Whether the per-level rows of (`version`, `plan_version`) were worked out.
    virtual bool has_levels(std::int64_t version, std::string const& plan_version) = 0;
    /// @brief Stores a batch of per-level rows of (`version`, `plan_version`).
    virtual void add_levels(std::int64_t version, std::string const& plan_version,
                            std::span<EnterpriseLevel const> rows) = 0;
    virtual LevelTotals level_totals(std::int64_t version, std::string const& plan_version,
                                     std::string const& level) = 0;
};

}  // namespace hazeguard::ports
