#pragma once
/// @file sections.hpp
/// @brief The Mustache data of each part of the HTML evaluation report, built from the report
/// JSON (docs/report-format.md). Every value is a display string (see format.hpp); the member
/// names are documented in templates/README.md.

#include <cstddef>

#include <nlohmann/json.hpp>

#include "plans/plan.hpp"

namespace hazeguard::templates::report_html {

using nlohmann::json;

/// @brief Title block: drill marking, city, episode facts (`header`).
json header_view(plans::Plan const& plan, json const& report);

/// @brief 一、过程概况: chart, daily table, heavy-pollution days, peaks, timeline (`overview`).
json overview_view(plans::Plan const& plan, json const& report);

/// @brief 二、时效性: proposals, time-limit steps, onset checks, directives (`timeliness`).
json timeliness_view(plans::Plan const& plan, json const& report);

/// @brief 三、预报效果: per-day and per-lead tables, totals (`forecast`).
json forecast_view(json const& report);

/// @brief 四、预警级别适当性: day-by-day verdicts (`levels`).
json levels_view(plans::Plan const& plan, json const& report);

/// @brief The never-acknowledged list shows at most this many rows; the rest are in the CSV.
inline constexpr std::size_t kNeverAcknowledgedRowsShown = 200;

/// @brief 五、企业指令与签收: chart, batches, latency, groups, never acknowledged (`orders`).
json orders_view(plans::Plan const& plan, json const& report);

/// @brief 六、减排: required against planned per batch and pollutant, electricity (`reductions`).
json reductions_view(plans::Plan const& plan, json const& report);

/// @brief 七、发现的问题: findings with their evidence resolved to sections (`findings`).
json findings_view(json const& report);

/// @brief The closing 问题与建议: {summary_cn, recommendations[{index, text_cn}], has_recommendations}.
json conclusions_view(json const& report);

}  // namespace hazeguard::templates::report_html
