// header_view (declared in sections.hpp).
#include "templates/report_html/format.hpp"
#include "templates/report_html/labels.hpp"
#include "templates/report_html/sections.hpp"

#include "engine/report/charts.hpp"
#include "engine/time/document_time.hpp"

namespace hazeguard::templates::report_html {

namespace {
/// "2026年12月20日": the report's date line, the day its episode closed (or its window ends).
std::string document_date(plans::Plan const& plan, json const& rfc3339) {
    auto const at = rfc3339.is_string() ? engine::parse_rfc3339(rfc3339.get<std::string>()) : std::nullopt;
    if (!at) return "";
    return engine::document_date_cn(*at, engine::parse_utc_offset(plan.utc_offset).value_or(480));
}
}  // namespace

json header_view(plans::Plan const& plan, json const& report) {
    json const& episode = member(report, "episode");
    json const& window = member(episode, "window");
    auto const peak = plan_level(plan, member(episode, "peak_level"));
    return {
        {"drill", member(episode, "drill") == true},
        {"city_cn", plan.city_cn},
        {"issuer_cn", plan.documents.issuer_cn},
        {"date_cn", document_date(plan, member(episode, "closed_at").is_string() ? member(episode, "closed_at")
                                                                                   : member(window, "to"))},
        {"plan_name_cn", plan.name_cn},
        {"episode_id", text(member(episode, "id"))},
        {"plan_version", text(member(episode, "plan_version"))},
        {"rule_set", rule_set_title(plan, member(episode, "rule_set"))},
        {"list_version", text(member(episode, "list_version"))},
        {"opened_at", local_time(member(episode, "opened_at"))},
        {"closed_at", local_time(member(episode, "closed_at"), "未结束")},
        {"window_from", local_time(member(window, "from"))},
        {"window_to", local_time(member(window, "to"))},
        {"peak_level_cn", member(episode, "peak_level_cn").is_string() ? text(member(episode, "peak_level_cn"))
                                                                       : level_name(plan, member(episode, "peak_level"))},
        {"peak_level_colour", peak ? engine::report::level_colour(*peak) : std::string("transparent")},
        {"format", text(member(report, "format"))},
    };
}

}  // namespace hazeguard::templates::report_html
