// forecast_view (declared in sections.hpp): 三、预报效果.
#include "templates/report_html/format.hpp"
#include "templates/report_html/labels.hpp"
#include "templates/report_html/sections.hpp"

namespace hazeguard::templates::report_html {
namespace {
json day_rows(json const& days) {
    json rows = json::array();
    for (auto const& day : days) {
        json const& hit = member(day, "hit");
        rows.push_back({
            {"date", text(member(day, "date"))},
            {"lead_days", text(member(day, "lead_days"))},
            {"forecast", text(member(day, "forecast"))},
            {"observed", text(member(day, "observed"))},
            {"error", signed_fixed(member(day, "error"), 0)},
            {"category_forecast_cn", text(member(day, "category_forecast_cn"))},
            {"category_observed_cn", text(member(day, "category_observed_cn"))},
            {"hit_cn", text(hit)},
            {"within_one_cn", text(member(day, "within_one"))},
            {"tone", tone_of_outcome(hit)},
        });
    }
    return rows;
}

/// Which forecast value was scored: the central value or the upper bound of the range.
std::string forecast_value_cn(json const& value) {
    if (value == "central") return "预报中值";
    if (value == "high") return "预报区间上限";
    return text(value);
}

json lead_rows(json const& by_lead) {
    json rows = json::array();
    for (auto const& lead : by_lead) {
        rows.push_back({
            {"lead_days", text(member(lead, "lead_days"))},
            {"count", text(member(lead, "count"))},
            {"bias", signed_fixed(member(lead, "bias"), 1)},
            {"mae", fixed(member(lead, "mae"), 1)},
            {"hits", text(member(lead, "hits"))},
            {"hit_rate", percent(member(lead, "hit_rate"))},
            {"within_one", text(member(lead, "within_one"))},
            {"within_one_rate", percent(member(lead, "within_one_rate"))},
        });
    }
    return rows;
}
}  // namespace

json forecast_view(json const& report) {
    json const& performance = member(report, "forecast_performance");
    return {
        {"days", day_rows(items(performance, "days"))},
        {"by_lead", lead_rows(items(performance, "by_lead"))},
        {"days_scored", text(member(performance, "days_scored"))},
        {"hits", text(member(performance, "hits"))},
        {"hit_rate", percent(member(performance, "hit_rate"))},
        {"within_one", text(member(performance, "within_one"))},
        {"within_one_rate", percent(member(performance, "within_one_rate"))},
        {"value_cn", forecast_value_cn(member(performance, "forecast_value"))},
        {"bias", signed_fixed(member(performance, "bias"), 1)},
        {"mae", fixed(member(performance, "mae"), 1)},
    };
}

}  // namespace hazeguard::templates::report_html
