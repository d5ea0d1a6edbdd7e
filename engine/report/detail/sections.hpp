#pragma once
/// @file sections.hpp
/// @brief The members of the evaluation report, one function (and one source file) each. The rules
/// behind every member are in docs/report-format.md.

#include "engine/report/detail/report_context.hpp"

namespace hazeguard::engine::report::detail {

struct OrderDigest;

/// @brief "episode": identity, rule set, peak level and the window the report covers.
json episode_section(ReportContext const& ctx);
/// @brief "timeline": the episode's timeline rows by time, then seq.
json timeline_section(ReportContext const& ctx);
/// @brief "observations": daily and hourly AQI, heavy-pollution days, peaks, missing dates.
json observations_section(ReportContext const& ctx);
/// @brief "timeliness": approval steps per proposal, onset checks, directive lags.
json timeliness_section(ReportContext const& ctx);
/// @brief "forecast_performance": the forecast used for each observed day, scored.
json forecast_section(ReportContext const& ctx);
/// @brief "level_appropriateness": justified level against level in force, day by day.
json levels_section(ReportContext const& ctx);
/// @brief "orders": acknowledgement and execution per batch, totals, breakdowns, latency.
json orders_section(ReportContext const& ctx, OrderDigest const& digest);
/// @brief "reductions": required against planned per batch, electricity check per plant.
json reductions_section(ReportContext const& ctx, OrderDigest const& digest);
/// @brief "findings": what went wrong, read from the other members of `report`, each with
/// evidence pointers into it.
json findings_section(ReportContext const& ctx, json const& report);

}  // namespace hazeguard::engine::report::detail
