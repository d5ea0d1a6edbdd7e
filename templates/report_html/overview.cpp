// overview_view (declared in sections.hpp): 一、过程概况.
#include <algorithm>

#include "engine/report/charts.hpp"
#include "templates/report_html/chart_data.hpp"
#include "engine/domain/words_cn.hpp"
#include "templates/report_html/format.hpp"
#include "templates/report_html/labels.hpp"
#include "templates/report_html/sections.hpp"

namespace hazeguard::templates::report_html {
namespace {
json daily_rows(plans::Plan const& plan, json const& observations) {
    json const& heavy_dates = items(observations, "heavy_pollution_dates");
    json rows = json::array();
    for (auto const& day : items(observations, "daily")) {
        json const& date = member(day, "date");
        rows.push_back({
            {"date", text(date)},
            {"aqi", text(member(day, "aqi"))},
            {"category_cn", text(member(day, "category_cn"))},
            {"pm25", fixed(member(day, "pm25"), 0)},
            {"primary_pollutant", text(member(day, "primary_pollutant"))},
            {"level_cn", level_name(plan, member(day, "level_in_force"), "未预警")},
            {"heavy", std::find(heavy_dates.begin(), heavy_dates.end(), date) != heavy_dates.end()},
        });
    }
    return rows;
}

json timeline_rows(json const& report) {
    json rows = json::array();
    for (auto const& entry : items(report, "timeline")) {
        // Numbered from 1 in the report (the record's own sequence stays in the JSON).
        rows.push_back({
            {"seq", std::to_string(rows.size() + 1)},
            {"at", local_time(member(entry, "at"))},
            {"kind_cn", timeline_kind_cn(member(entry, "kind"))},
            {"summary_cn", text(member(entry, "summary_cn"))},
            {"actor", engine::actor_cn(text(member(entry, "actor")))},
            {"ref", engine::ref_cn(text(member(entry, "ref")))},
        });
    }
    return rows;
}

/// "244（2026-12-17）"; "—" when there is no peak.
std::string peak_text(json const& peak, std::string const& when) {
    if (peak.is_null()) return kMissing;
    return text(member(peak, "aqi")) + "（" + when + "）";
}
}  // namespace

json overview_view(plans::Plan const& plan, json const& report) {
    json const& observations = member(report, "observations");
    json const& peak_daily = member(observations, "peak_daily");
    json const& peak_hourly = member(observations, "peak_hourly");
    return {
        {"chart_svg", engine::report::forecast_chart(forecast_chart_data(plan, report))},
        {"daily", daily_rows(plan, observations)},
        {"heavy_days", text(member(observations, "heavy_pollution_days"))},
        {"heavy_dates", joined(member(observations, "heavy_pollution_dates"), text)},
        {"heavy_aqi", member(observations, "heavy_pollution_aqi").is_null() ? std::to_string(plan.evaluation.heavy_pollution_aqi)
                                                                             : text(member(observations, "heavy_pollution_aqi"))},
        {"peak_daily", peak_text(peak_daily, text(member(peak_daily, "date")))},
        {"peak_hourly", peak_text(peak_hourly, local_time(member(peak_hourly, "at")))},
        {"missing_dates", joined(member(observations, "missing_dates"), text)},
        {"corrections", text(member(observations, "corrections"))},
        {"timeline", timeline_rows(report)},
    };
}

}  // namespace hazeguard::templates::report_html
