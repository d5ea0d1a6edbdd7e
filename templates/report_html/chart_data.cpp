#include "templates/report_html/chart_data.hpp"

#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <string>

#include "templates/report_html/format.hpp"
#include "templates/report_html/labels.hpp"

namespace hazeguard::templates::report_html {
namespace {
using engine::report::ForecastChartDay;

std::optional<int> aqi_of(json const& value) {
    if (!value.is_number()) return std::nullopt;
    return static_cast<int>(std::lround(value.get<double>()));
}

/// "2026-12-14T05:30:00+08:00" → date "2026-12-14", hour 5.5; false for anything else.
bool split_local_time(json const& at, std::string& date, double& hour) {
    if (!at.is_string()) return false;
    std::string const& value = at.get_ref<std::string const&>();
    auto const digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(value[i])) != 0; };
    if (value.size() < 16 || value[10] != 'T' || !digit(11) || !digit(12) || !digit(14) || !digit(15)) return false;
    date = value.substr(0, 10);
    hour = std::stoi(value.substr(11, 2)) + std::stoi(value.substr(14, 2)) / 60.0;
    return true;
}

/// The chart day of `date`, created on first use.
ForecastChartDay& day_of(std::map<std::string, ForecastChartDay>& days, json const& date) {
    auto& day = days[text(date)];
    day.date = text(date);
    return day;
}
}  // namespace

engine::report::ForecastChartData forecast_chart_data(plans::Plan const& plan, json const& report) {
    json const& observations = member(report, "observations");
    std::map<std::string, ForecastChartDay> days;
    for (auto const& date : items(observations, "missing_dates")) day_of(days, date);
    for (auto const& row : items(observations, "daily")) {
        auto& day = day_of(days, member(row, "date"));
        day.observed_aqi = aqi_of(member(row, "aqi"));
        day.level = plan_level(plan, member(row, "level_in_force"));
    }
    for (auto const& row : items(member(report, "forecast_performance"), "days")) {
        day_of(days, member(row, "date")).forecast_aqi = aqi_of(member(row, "forecast"));
    }

    engine::report::ForecastChartData data;
    for (auto& [date, day] : days) data.days.push_back(std::move(day));
    for (auto const& row : items(observations, "hourly")) {
        engine::report::ForecastChartHour hour;
        auto const aqi = aqi_of(member(row, "aqi"));
        if (!aqi || !split_local_time(member(row, "at"), hour.date, hour.hour)) continue;
        hour.aqi = *aqi;
        data.hours.push_back(std::move(hour));
    }
    data.categories = plan.evaluation.aqi_categories;
    return data;
}

std::vector<engine::report::AckCurve> ack_curves(plans::Plan const& plan, json const& report) {
    json const& orders = member(report, "orders");
    std::vector<engine::report::AckCurve> curves;
    for (auto const& entry : items(orders, "ack_curve")) {
        json const& ref = member(entry, "ref");
        engine::report::AckCurve curve{text(ref), {}};
        for (auto const& batch : items(orders, "batches")) {
            if (member(batch, "ref") != ref) continue;
            curve.label_cn += " " + action_cn(member(batch, "kind")) + "·" + level_name(plan, member(batch, "level"));
        }
        for (auto const& point : items(entry, "points")) {
            json const& minutes = member(point, "minutes");
            json const& share = member(point, "share");
            if (!minutes.is_number() || !share.is_number()) continue;
            curve.points.push_back({minutes.get<double>(), share.get<double>()});
        }
        if (!curve.points.empty()) curves.push_back(std::move(curve));
    }
    return curves;
}

}  // namespace hazeguard::templates::report_html
