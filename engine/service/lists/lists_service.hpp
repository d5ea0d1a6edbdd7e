#pragma once
/// @file lists_service.hpp
/// @brief The emission-reduction list (应急减排清单): all-or-nothing imports, one version each,
/// read back whole or per plant; what every plant must do per level, worked out once per (list
/// version, plan version); a level's planned city-wide cuts against the plan's targets.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/enterprises/enterprise.hpp"
#include "engine/ports/transactions.hpp"
#include "engine/service/command.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/lists/list_history.hpp"
#include "engine/service/lists/prepared_list.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

/// @brief The current list: its version, each level's planned totals (the levels the plan sets
/// reduction targets for) and its plants counted by district, grade and industry.
struct ListSheet {
    ports::ListVersion version;
    std::map<std::string, ports::LevelTotals> levels;
    std::map<std::string, std::int64_t> by_district, by_grade, by_industry;
};

/// @brief What a list import did: a dry run (the list's count and digest only), a new version,
/// or none because the list is the current version already (`unchanged`); a valid list's warnings.
struct ListImport {
    bool dry_run = false;
    bool unchanged = false;
    ports::ListVersion version;
    std::vector<engine::ListProblem> warnings;
};

/// @brief A plant's entry as stored (the list's JSON of one enterprise) and its list version.
struct EnterpriseEntry {
    std::string entry;
    std::int64_t list_version = 0;
};

class ListsService {
public:
    /// @param runner and @param transactions must outlive the service.
    ListsService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views)
        : runner_(runner), transactions_(transactions), views_(views) {}

    /// @brief Imports a list: reads and validates it (Error malformed_json, invalid_list with every
    /// problem; prepared_list.hpp), then answers with the new version once on disk, or with the
    /// current one (`unchanged`) when it holds the same list. A document in memory is read whole
    /// first; a JSON stream is stored while it is read (its job runs on the writer thread while
    /// this thread reads: write jobs must not run inline), and its refusal comes through the
    /// answer. A dry run writes nothing: it answers before import_list() returns. `progress` (may
    /// be empty, must be thread-safe) hears how far the reading and the storing (on the writer
    /// thread) have come.
    void import_list(Command const& c, ListDocument const& document, bool dry_run, std::string const& source,
                     ImportProgressFn progress, Answer<ListImport> answer);
    /// @brief The same for a document in memory (format "json" or "csv"), without progress.
    void import_list(Command const& c, std::string const& text, std::string const& format, bool dry_run,
                     std::string const& source, Answer<ListImport> answer);
    /// @brief The current version with its per-level plans and counts by district, grade and
    /// industry; not_found before the first import.
    ListSheet current_list();
    /// @brief A plant's entry on the current list, by credit code; not_found when it is not on it.
    EnterpriseEntry enterprise(std::string const& credit_code);
    /// @brief Every imported version, the newest first.
    std::vector<ports::ListVersion> versions();
    /// @brief A page of what changed from `query.from` to `query.to` (list_history.hpp); not_found
    /// when either version does not exist.
    ListChanges changes(ListChangesQuery const& query);
    /// @brief Whether a list was ever imported.
    bool has_list();

    // In `store`: a write job's (inside another service's command) or a read's.
    /// @brief The newest list version, if any.
    std::optional<std::int64_t> current_list_version(ports::Store& store) const;
    /// @brief Works out what every plant of `list_version` must do per level under the running plan,
    /// unless that was done already. Needs a write job's store.
    void ensure_levels(ports::Store& store, std::int64_t list_version) const;
    /// @brief The planned cuts at `level` of the plants of `list_version` (see reduction_summary()).
    nlohmann::json reduction_plan(ports::Store& store, std::optional<std::int64_t> list_version,
                                  std::string const& level) const;
    /// @brief `planned` t/day (SO2, NOx, PM, VOCs) by `enterprises` plants against the plan's targets
    /// for `level` (level_reductions.hpp); reads nothing.
    nlohmann::json reduction_summary(std::optional<std::int64_t> list_version, std::string const& level,
                                     std::int64_t enterprises, std::array<double, 4> const& planned) const;

private:
    void import_streamed(Command const& c, ListDocument const& document, std::string const& source,
                         ImportProgressFn progress, Answer<ListImport> answer);
    /// Version `latest` when it holds the list of digest `sha256`.
    std::optional<ports::ListVersion> same_list(ports::Store& store, std::optional<std::int64_t> latest,
                                                std::string const& sha256) const;
    /// The timeline row of a stored version, and the result.
    ListImport recorded(Tx& tx, std::int64_t version, std::int64_t count, std::string const& sha256,
                        std::string const& who, std::vector<engine::ListProblem> warnings) const;
    /// A version as stored; not_found without it.
    ports::ListVersion stored_version(ports::Store& store, std::int64_t version) const;
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
};

}  // namespace hazeguard::service
