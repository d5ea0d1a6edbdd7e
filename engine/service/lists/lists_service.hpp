#pragma once
/// @file lists_service.hpp
/// @brief The emission-reduction list (应急减排清单): all-or-nothing imports, one version each,
/// read back whole or per plant; what every plant must do per level, worked out once per (list
/// version, plan version); a level's planned city-wide cuts against the plan's targets.

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/enterprises/enterprise.hpp"
#include "engine/ports/transactions.hpp"
#include "engine/service/command.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

class ListsService {
public:
    /// @param runner and @param transactions must outlive the service.
    ListsService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views)
        : runner_(runner), transactions_(transactions), views_(views) {}

    /// @brief Imports a list (format "json" or "csv"): validates at once (Error malformed_json,
    /// invalid_list with every problem), then answers 201 with the new version once on disk, or 200
    /// with the current one when it holds the same list. A dry run writes nothing: `done` answers
    /// before import_list() returns.
    void import_list(Command const& c, std::string const& text, std::string const& format, bool dry_run,
                     std::string const& source, Completion done);
    /// @brief The current version with its per-level plans and counts by district, grade and
    /// industry; not_found before the first import.
    nlohmann::json current_list();
    /// @brief A plant's entry on the current list, by credit code; not_found when it is not on it.
    nlohmann::json enterprise(std::string const& credit_code);
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
    /// Stores `version`, its plants in batches and their per-level rows.
    void store_list(ports::Store& store, engine::EnterpriseList const& list, ports::ListVersion const& version) const;
    nlohmann::json list_view(ports::Store& store, std::int64_t version, bool with_levels) const;
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
};

}  // namespace hazeguard::service
