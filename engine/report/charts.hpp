#pragma once
/// @file charts.hpp
/// @brief The evaluation report's charts as inline SVG: hand-written, no scripts, every text
/// XML-escaped. Each chart has the fixed viewBox 0 0 720 320 and width 100 %, so it scales to the
/// width of an A4 page; it carries role="img" and a <title>.

#include <optional>
#include <string>
#include <vector>

#include "plans/plan.hpp"

namespace hazeguard::engine::report {

/// @brief The viewBox of every chart.
inline constexpr double kChartWidth = 720;
inline constexpr double kChartHeight = 320;

/// @brief The data area inside the viewBox (legend above it, axis labels around it).
struct PlotArea {
    double left = 0, top = 0, right = 0, bottom = 0;
    double width() const { return right - left; }
    double height() const { return bottom - top; }
};
inline constexpr PlotArea kPlotArea{60, 52, 660, 280};

/// @brief Fill colour of a warning level: yellow #f5d000, orange #ff8c1a, red #e0292b, blue
/// #3a7bd5 by id; grey #bdbdbd for a pre-stage; #b8c4d0 for any other id.
std::string level_colour(plans::Level const& level);

/// @brief One day of the forecast chart.
struct ForecastChartDay {
    std::string date;                    ///< local "YYYY-MM-DD"
    std::optional<int> observed_aqi;     ///< daily AQI observed
    std::optional<int> forecast_aqi;     ///< daily AQI forecast
    std::optional<plans::Level> level;   ///< the level in force that day, drawn as a background band
};

/// @brief One observed hour, placed on the day with the same date (hours of other dates are left out).
struct ForecastChartHour {
    std::string date;                    ///< local "YYYY-MM-DD"
    double hour = 0;                     ///< local start of the hour, 0 ≤ hour < 24
    int aqi = 0;
};

/// @brief What the forecast chart shows.
struct ForecastChartData {
    std::vector<ForecastChartDay> days;              ///< in date order
    std::vector<ForecastChartHour> hours;            ///< in time order; may be empty
    std::vector<plans::AqiCategory> categories;      ///< lowest first (plan.evaluation.aqi_categories)
};

/// @brief Upper end of the forecast chart's AQI axis: the highest finite category bound (300 for
/// HJ 633), raised to the next multiple of 50 at or above the highest value shown.
int aqi_axis_max(ForecastChartData const& data);

/// @brief Daily observed AQI (line and dots, value labels), daily forecast AQI (dashed), hourly
/// observed AQI (thin line), guide lines at the category bounds with their names, and the level in
/// force as a coloured band behind each day. Day i of n spans the columns
/// [left + i·w, left + (i+1)·w) with w = kPlotArea.width() / n; a daily value sits at the column's
/// centre, an hour h at left + (i + (h + 0.5) / 24)·w; AQI a sits at
/// bottom − a / aqi_axis_max · kPlotArea.height(). Dates are labelled MM-DD.
std::string forecast_chart(ForecastChartData const& data);

/// @brief One point of a cumulative acknowledgement curve.
struct AckCurvePoint {
    double minutes = 0;   ///< since the batch was issued
    double share = 0;     ///< acknowledged so far, 0..1
};

/// @brief One batch's curve.
struct AckCurve {
    std::string label_cn;                ///< legend text, e.g. "batch:1 黄色预警（Ⅲ级响应）"
    std::vector<AckCurvePoint> points;   ///< in time order
};

/// @brief Right end of the acknowledgement chart's hour axis: the smallest multiple of the tick
/// step (0.5, 1, 2, 3, 4, 6, 12, 24 or 48 h, the first giving at most 12 ticks) at or above both twice
/// the deadline and the latest point.
double ack_axis_max_hours(std::vector<AckCurve> const& curves, double deadline_hours);

/// @brief Share acknowledged (0–100 %) against hours since issue, one stepped line per batch, with
/// a vertical marker at the acknowledgement deadline. Hour t sits at
/// left + t / ack_axis_max_hours · kPlotArea.width(); share s at bottom − s · kPlotArea.height().
std::string ack_curve_chart(std::vector<AckCurve> const& curves, double deadline_hours);

}  // namespace hazeguard::engine::report
