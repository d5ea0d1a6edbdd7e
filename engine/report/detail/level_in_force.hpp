#pragma once
/// @file level_in_force.hpp
/// @brief Which level was in force on a local day.

#include <optional>

#include "engine/report/detail/report_context.hpp"

namespace hazeguard::engine::report::detail {

/// @brief Rank of the highest known level in force at any instant of the local day
/// [day_start, day_start + 24 h), periods being half-open [from, to): a period ending exactly at
/// midnight does not reach the next day. A pre-stage level counts like any other here. nullopt
/// when no period overlaps the day.
std::optional<int> level_in_force(ReportContext const& ctx, Instant day_start);

}  // namespace hazeguard::engine::report::detail
