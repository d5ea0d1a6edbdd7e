#pragma once
/// @file level_reductions.hpp
/// @brief Pure: what a plant must cut at every level of the plan, and a level's planned city-wide
/// cuts against the plan's reduction targets.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/enterprises/enterprise.hpp"
#include "engine/ports/list_repository.hpp"
#include "plans/plan.hpp"

namespace hazeguard::service {

/// @brief The per-level rows of plant `id` (engine::select_order at each level of the plan); a level
/// where the plant has nothing to do has no row.
std::vector<ports::EnterpriseLevel> level_reductions(plans::Plan const& plan, std::int64_t id,
                                                     engine::Enterprise const& enterprise);

/// @brief {"level", "list_version", "enterprises", "pollutants": {SO2, NOx, PM, VOCs: planned,
/// baseline, percent, target, meets_target}, "warnings": [...]} for `planned` t/day (SO2, NOx, PM,
/// VOCs) by `enterprises` plants. Without a list version it warns that nothing can be planned.
nlohmann::json reduction_summary(plans::Plan const& plan, std::optional<std::int64_t> list_version,
                                 std::string const& level, std::int64_t enterprises,
                                 std::array<double, 4> const& planned);

}  // namespace hazeguard::service
