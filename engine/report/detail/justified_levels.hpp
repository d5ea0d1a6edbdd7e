#pragma once
/// @file justified_levels.hpp
/// @brief The retrospective rule check: which level the observed daily AQI series justified.

#include <optional>
#include <vector>

#include "engine/report/detail/report_context.hpp"

namespace hazeguard::engine::report::detail {

/// @brief For each day of ctx.daily, the rank of the highest level of ctx.rules that the observed
/// series justifies on that day (nullopt for none; pre-stage levels included).
///
/// A run of a condition {aqi_above, days} is a maximal stretch of calendar-consecutive observed
/// days with AQI > aqi_above (a missing day ends it); it qualifies when it is at least `days` long.
/// A day is justified at a rule's level when, for one of its any_of groups, every condition of the
/// group has a qualifying run inside one maximal stretch of days above the group's lowest
/// threshold, and the day lies in a qualifying run of one of the group's conditions there.
std::vector<std::optional<int>> justified_ranks(ReportContext const& ctx);

}  // namespace hazeguard::engine::report::detail
