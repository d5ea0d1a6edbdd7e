#include "engine/report/charts.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "engine/report/charts_svg.hpp"

namespace hazeguard::engine::report {
namespace {
using svg::Point;

constexpr char const* kObservedColour = "#1a2f5a";
constexpr char const* kForecastColour = "#0b7a75";
constexpr char const* kHourlyColour = "#7f97bd";
constexpr std::size_t kMaxDayLabels = 15;

class DayScale {
public:
    DayScale(std::size_t days, int aqi_max)
        : width_(kPlotArea.width() / static_cast<double>(std::max<std::size_t>(days, 1))), aqi_max_(aqi_max) {}
    double column_left(std::size_t day) const { return kPlotArea.left + static_cast<double>(day) * width_; }
    double column_width() const { return width_; }
    double day_x(std::size_t day) const { return column_left(day) + width_ / 2; }
    double hour_x(std::size_t day, double hour) const { return column_left(day) + (hour + 0.5) / 24 * width_; }
    double aqi_y(double aqi) const { return kPlotArea.bottom - aqi / aqi_max_ * kPlotArea.height(); }

private:
    double width_;
    double aqi_max_;
};

void draw_level_bands(svg::Writer& out, std::vector<ForecastChartDay> const& days, DayScale const& scale) {
    out.open_group("class=\"level-bands\"");
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (!days[i].level) continue;
        out.rect(scale.column_left(i), kPlotArea.top, scale.column_width(), kPlotArea.height(),
                 "class=\"band\" data-level=\"" + svg::xml_escape(days[i].level->id) + "\" data-date=\"" +
                     svg::xml_escape(days[i].date) + "\" fill=\"" + level_colour(*days[i].level) + "\" fill-opacity=\"0.28\"");
    }
    out.close_group();
}

void draw_day_axis(svg::Writer& out, std::vector<ForecastChartDay> const& days, DayScale const& scale) {
    std::size_t const label_every = (days.size() + kMaxDayLabels - 1) / kMaxDayLabels;
    std::string const grid = std::string("stroke=\"") + svg::kGridColour + "\" stroke-width=\"1\"";
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (i > 0) out.line({scale.column_left(i), kPlotArea.top}, {scale.column_left(i), kPlotArea.bottom}, grid);
        if (i % label_every != 0) continue;
        std::string const& date = days[i].date;
        svg::draw_bottom_label(out, scale.day_x(i), date.size() >= 10 ? date.substr(5, 5) : date);
    }
}

void draw_category_guides(svg::Writer& out, std::vector<plans::AqiCategory> const& categories, int aqi_max,
                          DayScale const& scale) {
    out.open_group("class=\"category-guides\"");
    int lower = 0;
    for (auto const& category : categories) {
        if (lower >= aqi_max) break;
        int const upper = std::min(category.max.value_or(aqi_max), aqi_max);
        if (category.max && *category.max < aqi_max) {
            out.line({kPlotArea.left, scale.aqi_y(upper)}, {kPlotArea.right, scale.aqi_y(upper)},
                     "stroke=\"#8c8c8c\" stroke-width=\"0.8\" stroke-dasharray=\"3 3\"");
        }
        out.text({kPlotArea.right + 6, scale.aqi_y((lower + upper) / 2.0) + 4}, category.name_cn,
                 "fill=\"#555555\" font-size=\"11\"");
        lower = upper;
    }
    out.close_group();
}

void draw_aqi_ticks(svg::Writer& out, std::vector<plans::AqiCategory> const& categories, int aqi_max, DayScale const& scale) {
    svg::draw_left_label(out, scale.aqi_y(0), "0");
    for (auto const& category : categories) {
        if (category.max && *category.max < aqi_max) svg::draw_left_label(out, scale.aqi_y(*category.max), std::to_string(*category.max));
    }
    svg::draw_left_label(out, scale.aqi_y(aqi_max), std::to_string(aqi_max));
}

std::optional<std::size_t> day_index(std::vector<ForecastChartDay> const& days, std::string const& date) {
    auto const it = std::find_if(days.begin(), days.end(), [&](auto const& day) { return day.date == date; });
    if (it == days.end()) return std::nullopt;
    return static_cast<std::size_t>(it - days.begin());
}

/// A line through the hours, broken where an hour is missing.
void draw_hourly(svg::Writer& out, ForecastChartData const& data, DayScale const& scale) {
    std::string const style = std::string("class=\"hourly\" stroke=\"") + kHourlyColour + "\" stroke-width=\"1\"";
    std::vector<Point> run;
    std::optional<double> previous;  // hours since the first day's midnight
    for (auto const& hour : data.hours) {
        auto const day = day_index(data.days, hour.date);
        if (!day) continue;
        double const since_start = static_cast<double>(*day) * 24 + hour.hour;
        if (previous && since_start - *previous > 1.5) {
            out.polyline(run, style);
            run.clear();
        }
        run.emplace_back(scale.hour_x(*day, hour.hour), scale.aqi_y(hour.aqi));
        previous = since_start;
    }
    out.polyline(run, style);
}

using DailyValue = std::optional<int> ForecastChartDay::*;

/// A line through one daily series, broken at missing days; returns the points.
std::vector<Point> draw_daily_series(svg::Writer& out, std::vector<ForecastChartDay> const& days, DayScale const& scale,
                                     DailyValue value, std::string const& style) {
    std::vector<Point> all, run;
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (!(days[i].*value)) {
            out.polyline(run, style);
            run.clear();
            continue;
        }
        run.emplace_back(scale.day_x(i), scale.aqi_y(*(days[i].*value)));
        all.push_back(run.back());
    }
    out.polyline(run, style);
    return all;
}

void draw_forecast(svg::Writer& out, std::vector<ForecastChartDay> const& days, DayScale const& scale) {
    std::string const colour = kForecastColour;
    out.open_group("class=\"forecast\"");
    auto const points = draw_daily_series(out, days, scale, &ForecastChartDay::forecast_aqi,
                                          "stroke=\"" + colour + "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"");
    for (auto const& point : points) out.circle(point, 2.5, "fill=\"#ffffff\" stroke=\"" + colour + "\" stroke-width=\"1.5\"");
    out.close_group();
}

void draw_observed(svg::Writer& out, std::vector<ForecastChartDay> const& days, DayScale const& scale) {
    std::string const colour = kObservedColour;
    out.open_group("class=\"observed\"");
    draw_daily_series(out, days, scale, &ForecastChartDay::observed_aqi, "stroke=\"" + colour + "\" stroke-width=\"2.2\"");
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (!days[i].observed_aqi) continue;
        Point const at{scale.day_x(i), scale.aqi_y(*days[i].observed_aqi)};
        out.circle(at, 3.5, "fill=\"" + colour + "\"");
        out.text({at.first, at.second - 8}, std::to_string(*days[i].observed_aqi),
                 "text-anchor=\"middle\" font-size=\"10\" font-weight=\"bold\" fill=\"" + colour + "\"");
    }
    out.close_group();
}

std::vector<svg::LegendItem> forecast_legend(ForecastChartData const& data) {
    std::vector<svg::LegendItem> items{{svg::Symbol::line_with_dot, kObservedColour, "实测日均AQI"},
                                       {svg::Symbol::dashed_line, kForecastColour, "预报AQI"}};
    if (!data.hours.empty()) items.push_back({svg::Symbol::thin_line, kHourlyColour, "实测小时AQI"});
    std::vector<plans::Level> shown;
    for (auto const& day : data.days) {
        if (!day.level) continue;
        bool const seen = std::any_of(shown.begin(), shown.end(), [&](auto const& level) { return level.id == day.level->id; });
        if (!seen) shown.push_back(*day.level);
    }
    if (!shown.empty()) items.push_back({svg::Symbol::none, "", "预警级别："});
    for (auto const& level : shown) items.push_back({svg::Symbol::swatch, level_colour(level), level.name_cn});
    return items;
}

}  // namespace

std::string level_colour(plans::Level const& level) {
    if (level.pre_stage) return "#bdbdbd";
    if (level.id == "yellow") return "#f5d000";
    if (level.id == "orange") return "#ff8c1a";
    if (level.id == "red") return "#e0292b";
    if (level.id == "blue") return "#3a7bd5";
    return "#b8c4d0";
}

int aqi_axis_max(ForecastChartData const& data) {
    int axis_max = 50;
    for (auto const& category : data.categories) axis_max = std::max(axis_max, category.max.value_or(0));
    auto const raise = [&](int value) { axis_max = std::max(axis_max, (value + 49) / 50 * 50); };
    for (auto const& day : data.days) {
        raise(day.observed_aqi.value_or(0));
        raise(day.forecast_aqi.value_or(0));
    }
    for (auto const& hour : data.hours) raise(hour.aqi);
    return axis_max;
}

std::string forecast_chart(ForecastChartData const& data) {
    int const axis_max = aqi_axis_max(data);
    DayScale const scale(data.days.size(), axis_max);
    svg::Writer out("实测与预报空气质量指数（AQI）及预警级别");
    draw_level_bands(out, data.days, scale);
    draw_day_axis(out, data.days, scale);
    draw_category_guides(out, data.categories, axis_max, scale);
    svg::draw_frame(out);
    draw_aqi_ticks(out, data.categories, axis_max, scale);
    svg::draw_vertical_title(out, "AQI");
    draw_hourly(out, data, scale);
    draw_forecast(out, data.days, scale);
    draw_observed(out, data.days, scale);
    svg::draw_legend(out, forecast_legend(data));
    return std::move(out).finish();
}

}  // namespace hazeguard::engine::report
