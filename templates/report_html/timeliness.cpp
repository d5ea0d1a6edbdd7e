// timeliness_view (declared in sections.hpp): 二、时效性.
#include <array>
#include <utility>

#include "engine/domain/words_cn.hpp"
#include "templates/report_html/format.hpp"
#include "templates/report_html/labels.hpp"
#include "templates/report_html/sections.hpp"

namespace hazeguard::templates::report_html {
namespace {
/// The time-limited steps of a proposal: JSON member and how the table names it.
constexpr std::array<std::pair<char const*, char const*>, 3> kSteps{{
    {"form", "填报审批单（会商结束起）"},
    {"signature", "签发（审批单起）"},
    {"distribution", "分发（签发起）"},
}};

json proposal_rows(plans::Plan const& plan, json const& proposals) {
    json rows = json::array();
    for (auto const& p : proposals) {
        json const& effective = member(p, "effective");
        rows.push_back({
            {"ref", engine::ref_cn(text(member(p, "ref")))},
            {"action_cn", action_cn(member(p, "action"))},
            {"level_cn", level_name(plan, member(p, "level"), kMissing)},
            {"status_cn", proposal_status_cn(member(p, "status"))},
            {"consulted_at", local_time(member(p, "consulted_at"))},
            {"requested_at", local_time(member(effective, "requested_at"))},
            {"effective_at", local_time(member(effective, "at"))},
        });
    }
    return rows;
}

json step_rows(json const& proposals) {
    json rows = json::array();
    for (auto const& p : proposals) {
        for (auto const& [key, step_cn] : kSteps) {
            json const& step = member(p, key);
            if (step.is_null()) continue;
            json const& on_time = member(step, "on_time");
            rows.push_back({
                {"ref", engine::ref_cn(text(member(p, "ref")))},
                {"step_cn", step_cn},
                {"at", local_time(member(step, "at"))},
                {"due_at", local_time(member(step, "due_at"))},
                {"hours", fixed(member(step, "hours"), 1)},
                {"limit_hours", text(member(step, "limit_hours"))},
                {"verdict_cn", on_time_cn(on_time)},
                {"tone", tone_of_outcome(on_time)},
            });
        }
    }
    return rows;
}

/// "提前 8.0 小时" for a positive lead (ahead), "滞后 3.0 小时" for a negative one.
std::string ahead_text(json const& hours_ahead) {
    if (!hours_ahead.is_number()) return kMissing;
    double const hours = hours_ahead.get<double>();
    if (hours == 0) return "同时";
    return (hours > 0 ? "提前 " : "滞后 ") + fixed(json(hours > 0 ? hours : -hours), 1) + " 小时";
}

json onset_rows(plans::Plan const& plan, json const& onset) {
    json rows = json::array();
    for (auto const& check : onset) {
        json const& warned_first = member(check, "warned_first");
        rows.push_back({
            {"aqi_above", text(member(check, "aqi_above"))},
            {"level_cn", level_name(plan, member(check, "level"))},
            {"first_hour_above", local_time(member(check, "first_hour_above"), "未出现")},
            {"level_start", local_time(member(check, "level_start"), "未启动")},
            {"lead", ahead_text(member(check, "lead_hours"))},
            {"verdict_cn", warned_first.is_boolean() ? (warned_first.get<bool>() ? "预警先于污染" : "预警晚于污染") : "无法比较"},
            {"tone", tone_of_outcome(warned_first)},
        });
    }
    return rows;
}

json directive_rows(plans::Plan const& plan, json const& directives) {
    json rows = json::array();
    for (auto const& d : directives) {
        json const& lag_hours = member(d, "lag_hours");
        rows.push_back({
            {"ref", engine::ref_cn(text(member(d, "ref")))},
            {"reference", text(member(d, "reference"))},
            {"issuer", engine::directive_issuer_cn(text(member(d, "issuer")))},
            {"level_cn", level_name(plan, member(d, "level"))},
            {"recorded_at", local_time(member(d, "recorded_at"))},
            {"start_at", local_time(member(d, "start_at"))},
            {"end_at", local_time(member(d, "end_at"), "未定")},
            {"local_start_at", local_time(member(d, "local_start_at"), "未自行启动")},
            {"lag", lag_hours.is_number() ? ahead_text(json(-lag_hours.get<double>())) : std::string(kMissing)},
            {"tone", lag_hours.is_number() ? tone_of_outcome(json(lag_hours.get<double>() <= 0)) : std::string("bad")},
        });
    }
    return rows;
}
}  // namespace

json timeliness_view(plans::Plan const& plan, json const& report) {
    json const& timeliness = member(report, "timeliness");
    json const& proposals = items(timeliness, "proposals");
    json const& directives = items(timeliness, "directives");
    return {
        {"proposals", proposal_rows(plan, proposals)},
        {"steps", step_rows(proposals)},
        {"onset", onset_rows(plan, items(timeliness, "onset"))},
        {"directives", directive_rows(plan, directives)},
        {"has_directives", !directives.empty()},
        {"limits", {{"form", std::to_string(plan.time_limits.approval_form_hours)},
                    {"signature", std::to_string(plan.time_limits.signature_hours)},
                    {"distribution", std::to_string(plan.time_limits.distribution_hours)}}},
    };
}

}  // namespace hazeguard::templates::report_html
