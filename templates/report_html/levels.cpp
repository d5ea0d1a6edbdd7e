// levels_view (declared in sections.hpp): 四、预警级别适当性.
#include <utility>

#include "templates/report_html/format.hpp"
#include "templates/report_html/labels.hpp"
#include "templates/report_html/sections.hpp"

namespace hazeguard::templates::report_html {
namespace {
/// The level a day (or run of days) justified, the level in force, and the verdict.
json verdict_row(plans::Plan const& plan, json const& row) {
    json const& verdict = member(row, "verdict");
    return {
        {"justified_cn", level_name(plan, member(row, "justified"), "无需预警")},
        {"in_force_cn", level_name(plan, member(row, "in_force"), "未预警")},
        {"verdict_cn", verdict_cn(verdict)},
        {"tone", tone_of_verdict(verdict)},
    };
}
}  // namespace

json levels_view(plans::Plan const& plan, json const& report) {
    json const& appropriateness = member(report, "level_appropriateness");
    json days = json::array();
    for (auto const& day : items(appropriateness, "days")) {
        json row = verdict_row(plan, day);
        row["date"] = text(member(day, "date"));
        row["observed"] = text(member(day, "observed"));
        days.push_back(std::move(row));
    }
    json runs = json::array();
    for (auto const& run : items(appropriateness, "runs")) {
        json row = verdict_row(plan, run);
        row["from"] = text(member(run, "from"));
        row["to"] = text(member(run, "to"));
        row["days"] = text(member(run, "days"));
        runs.push_back(std::move(row));
    }
    return {
        {"rule_set", rule_set_title(plan, member(appropriateness, "rule_set"))},
        {"days", days},
        {"runs", runs},
        {"under_days", text(member(appropriateness, "under_warned_days"))},
        {"over_days", text(member(appropriateness, "over_warned_days"))},
    };
}

}  // namespace hazeguard::templates::report_html
