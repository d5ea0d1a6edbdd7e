#pragma once
/// @file chart_data.hpp
/// @brief The report JSON as the inputs of the SVG charts (engine/report/charts.hpp).

#include <vector>

#include <nlohmann/json.hpp>

#include "engine/report/charts.hpp"
#include "plans/plan.hpp"

namespace hazeguard::templates::report_html {

/// @brief One day per date of observations.daily, observations.missing_dates and
/// forecast_performance.days, in date order: observed AQI and level in force from
/// observations.daily, the forecast from forecast_performance.days; hours from
/// observations.hourly; categories from plan.evaluation.
engine::report::ForecastChartData forecast_chart_data(plans::Plan const& plan, nlohmann::json const& report);

/// @brief One curve per orders.ack_curve entry with at least one point that has a share,
/// labelled "<ref> <kind>·<level name>" from the batch with the same ref.
std::vector<engine::report::AckCurve> ack_curves(plans::Plan const& plan, nlohmann::json const& report);

}  // namespace hazeguard::templates::report_html
