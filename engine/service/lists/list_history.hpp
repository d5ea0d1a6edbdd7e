#pragma once
/// @file list_history.hpp
/// @brief The list's versions and what changed between two: plants added, removed, and changed
/// with the entry's fields that differ, a page at a time in credit-code order.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/ports/list_repository.hpp"

namespace hazeguard::service {

/// @brief One page of the changes from version `from` to version `to`: the plants whose credit
/// code sorts after `after` ("" = from the first), at most `limit` of them.
struct ListChangesQuery {
    std::int64_t from = 0, to = 0;
    std::string after;
    int limit = 100;
};

/// @brief A field of a plant's entry that differs ("grade", "measures", …); `before` and `after`
/// are given for single values (text, numbers), null for lists and maps (lines, measures, …) and
/// for a field one side does not have.
struct FieldChange {
    std::string field;
    nlohmann::json before, after;
};

/// @brief A plant that differs: "added", "removed" or "changed" (then with its fields).
struct PlantChange {
    std::string credit_code, name, kind;
    std::vector<FieldChange> fields;
};

/// @brief A page of changes; `counts` on the first page only (no `after`): they read both lists
/// whole; `next_after` is the cursor of the next page when there may be one.
struct ListChanges {
    ports::ListVersion from, to;
    std::optional<ports::ListChangeCounts> counts;
    std::vector<PlantChange> changes;
    std::optional<std::string> next_after;
};

/// @brief A differing plant as the page shows it (its entries parsed, their top-level fields
/// compared).
PlantChange plant_change(ports::ListChangeRow const& row);

}  // namespace hazeguard::service
