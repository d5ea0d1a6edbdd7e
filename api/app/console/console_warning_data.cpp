// The warning pages' data: forecasts, assessments, proposals, the inbox.
#include "api/app/console/console_warning_data.hpp"

#include <cstdio>

#include "api/app/console/console_data.hpp"
#include "api/app/console/console_view.hpp"
#include "engine/service/warnings/wording.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

// "2026-12-15" → "12月15日".
std::string day_cn(std::string const& date) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(date.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return date;
    return std::to_string(m) + "月" + std::to_string(d) + "日";
}

// The date `n` days after `date` (YYYY-MM-DD).
std::string date_plus(std::string const& date, int n) {
    std::string out = date;
    for (int i = 0; i < n; ++i) out = next_midnight_input(json(out)).substr(0, 10);
    return out;
}

json typed_number(std::string const& text) {
    if (text.empty()) return nullptr;
    std::size_t used = 0;
    try {
        auto const v = std::stoi(text, &used);
        if (used == text.size()) return v;
    } catch (std::exception const&) {
    }
    return text;  // the service refuses it with its field
}

std::string path_cn(std::string const& path) {
    if (path == "full_response") return "颗粒物路径：启动全部应急减排措施";
    if (path == "health_advisory") return "臭氧等路径：仅发布健康防护提示";
    if (path == "none") return "无";
    return path;
}

std::string recommended_action_cn(std::string const& action) {
    if (action == "maintain") return "维持当前级别";
    return service::action_name_cn(action);
}

json level_of(json const& level) {
    return level.is_object() ? json{{"id", level.at("id")}, {"name_cn", level.value("name_cn", "")}} : json(nullptr);
}

json options(json const& values, std::string const& chosen) {
    json out = json::array();
    for (auto const& v : values) out.push_back({{"value", v.at("value")}, {"label", v.at("label")}, {"selected", v.at("value") == chosen}});
    return out;
}

json pollutant_options(std::string const& chosen) {
    json values = json::array();
    for (char const* p : {"PM2.5", "PM10", "O3"}) values.push_back({{"value", p}, {"label", service::pollutant_cn(p)}});
    return options(values, chosen.empty() ? "PM2.5" : chosen);
}

// Sign and return forms, for an approver who did not propose it, while it is pending.
bool may_decide(json const& p, service::Principal const& viewer) {
    return p.at("status") == "pending" && viewer.role == "approver" && p.value("proposer", "") != viewer.name;
}

std::string status_cn(std::string const& status) {
    if (status == "pending") return "待审批";
    if (status == "approved") return "已签发";
    if (status == "rejected") return "已退回";
    return status;
}

json proposal_summary(json const& p, service::Principal const& viewer) {
    return {{"id", p.at("id")},
            {"what_cn", service::action_cn(p.at("action").get<std::string>()) +
                            (p.at("level").is_object() ? p.at("level").value("name_cn", "") : std::string("预警"))},
            {"start_cn", time_cn(p.at("start_at"))},
            {"proposer", p.value("proposer", "")},
            {"status_cn", status_cn(p.at("status").get<std::string>())},
            {"due", {{"at", p.at("approval_due_at")}, {"at_cn", time_cn(p.at("approval_due_at"))}}},
            {"decided_by", p.value("decided_by", json(nullptr))},
            {"decided_cn", time_cn(p.value("decided_at", json(nullptr)))},
            {"may_decide", may_decide(p, viewer)},
            {"own", p.value("proposer", "") == viewer.name},
            {"idem_approve", new_form_key()},
            {"idem_reject", new_form_key()}};
}

}  // namespace

json forecast_form_data(service::Service& s, Form const& typed, json const& errors) {
    auto const now = console_data::status(s).at("now");
    std::string const today = now.get<std::string>().substr(0, 10);
    bool const fresh = typed.empty();
    json rows = json::array();
    for (int i = 0; i < kForecastFormDays; ++i) {
        auto const p = "d" + std::to_string(i) + "_";
        auto const e = [&](char const* field) {
            auto const key = "days." + std::to_string(i) + "." + field;
            return errors.contains(key) ? errors.at(key) : json(nullptr);
        };
        rows.push_back({{"i", i}, {"n", i + 1},
                        {"date", fresh ? date_plus(today, i) : form_field(typed, p + "date")},
                        {"low", form_field(typed, p + "low")}, {"central", form_field(typed, p + "central")},
                        {"high", form_field(typed, p + "high")},
                        {"pollutants", pollutant_options(form_field(typed, p + "pollutant"))},
                        {"err_date", e("date")}, {"err_low", e("aqi_low")}, {"err_central", e("aqi_central")},
                        {"err_high", e("aqi_high")}, {"err_pollutant", e("primary_pollutant")}});
    }
    json issuers = json::array();
    for (char const* i : {"joint", "city", "province", "CNEMC"}) issuers.push_back({{"value", i}, {"label", service::forecast_issuer_cn(i)}});
    return {{"rows", rows},
            {"issued_at", fresh ? local_input_of(now) : form_field(typed, "issued_at")},
            {"issuers", options(issuers, fresh ? "joint" : form_field(typed, "issuer"))},
            {"idem", fresh ? new_form_key() : form_field(typed, "idem")},
            {"errors", errors.empty() ? json(nullptr) : errors},
            {"err_issued_at", errors.value("issued_at", json(nullptr))},
            {"err_days", errors.value("days", json(nullptr))}};
}

json forecast_body(service::Service& s, Form const& form, std::vector<int>& rows) {
    auto const offset = s.plan().utc_offset;
    json body{{"issuer", form_field(form, "issuer")}, {"days", json::array()}};
    if (!form_field(form, "issued_at").empty()) body["issued_at"] = instant_of_local_input(form_field(form, "issued_at"), offset);
    for (int i = 0; i < kForecastFormDays; ++i) {
        auto const p = "d" + std::to_string(i) + "_";
        auto const low = typed_number(form_field(form, p + "low")), high = typed_number(form_field(form, p + "high")),
                   central = typed_number(form_field(form, p + "central"));
        if (low.is_null() && high.is_null() && central.is_null()) continue;
        json day{{"date", form_field(form, p + "date")}, {"primary_pollutant", form_field(form, p + "pollutant")}};
        if (!low.is_null()) day["aqi_low"] = low;
        if (!high.is_null()) day["aqi_high"] = high;
        if (!central.is_null()) day["aqi_central"] = central;
        body["days"].push_back(day);
        rows.push_back(i);
    }
    return body;
}

json form_row_errors(json const& errors, std::vector<int> const& rows) {
    json out = json::object();
    for (auto const& [key, text] : errors.items()) {
        int index = -1;
        char field[64] = {};
        if (std::sscanf(key.c_str(), "days.%d.%63s", &index, field) == 2 && index >= 0 &&
            index < static_cast<int>(rows.size()))
            out["days." + std::to_string(rows[static_cast<std::size_t>(index)]) + "." + field] = text;
        else
            out[key] = text;
    }
    return out;
}

json assessment_data(json const& f) {
    auto const& a = f.at("assessment");
    json conditions = json::array();
    if (a.at("fired").is_object())
        for (auto const& c : a.at("fired").at("conditions")) {
            std::string dates;
            for (auto const& d : c.at("dates")) dates += (dates.empty() ? "" : "、") + day_cn(d.get<std::string>());
            conditions.push_back("日均AQI＞" + std::to_string(c.at("aqi_above").get<int>()) + "持续" +
                                 std::to_string(c.at("days").get<int>()) + "天（" + dates + "）");
        }
    std::string pollutants;
    for (auto const& p : a.at("primary_pollutants")) pollutants += (pollutants.empty() ? "" : "、") + service::pollutant_cn(p.get<std::string>());
    json days = json::array();
    for (auto const& d : f.at("days"))
        days.push_back({{"date_cn", day_cn(d.at("date").get<std::string>())}, {"low", d.at("aqi_low")},
                        {"central", d.at("aqi_central")}, {"high", d.at("aqi_high")},
                        {"pollutant_cn", service::pollutant_cn(d.at("primary_pollutant").get<std::string>())}});
    json active = nullptr;
    if (a.at("active").is_object()) {
        auto const& x = a.at("active");
        active = {{"level_cn", x.at("level").value("name_cn", "")},
                  {"evaluated_cn", time_cn(x.at("evaluated_from"))},
                  {"action_cn", recommended_action_cn(x.at("recommended_action").get<std::string>())},
                  {"fluctuation_cn", x.at("fluctuation").value("explanation_cn", "")},
                  {"lift_cn", x.at("lift").value("explanation_cn", "")}};
    }
    return {{"id", f.at("id")},
            {"issued_cn", time_cn(f.at("issued_at"))},
            {"issuer_cn", service::forecast_issuer_cn(f.value("issuer", ""))},
            {"created_by", f.value("created_by", "")},
            {"days", days},
            {"level", level_of(a.at("recommended_level"))},
            {"rule_set_cn", a.at("rule_set").value("title_cn", "")},
            {"value_cn", a.value("forecast_value", "") == "high" ? "预报区间上限" : "预报中值"},
            {"conditions", conditions},
            {"has_conditions", !conditions.empty()},
            {"path_cn", path_cn(a.value("pollutant_path", ""))},
            {"pollutants_cn", pollutants},
            {"explanation_cn", a.value("explanation_cn", "")},
            {"active", active}};
}

json proposal_defaults(service::Service& s, json const& f) {
    auto const& a = f.at("assessment");
    bool const in_force = !console_data::status(s).at("level").is_null();
    std::string action = "issue";
    std::string level = a.at("recommended_level").is_object() ? a.at("recommended_level").value("id", "") : "";
    if (in_force && a.at("active").is_object()) {
        action = a.at("active").value("recommended_action", "extend");
        if (action == "maintain") action = "extend";
    }
    if (action == "extend" || action == "lift") level.clear();
    return {{"action", action}, {"level", level}, {"start_at", action == "extend" ? "" : next_midnight_input(f.at("issued_at"))},
            {"end_at", ""}, {"consultation_note", service::forecast_issuer_cn(f.value("issuer", "")) + "：" + a.value("explanation_cn", "")},
            {"forecast_id", std::to_string(f.at("id").get<std::int64_t>())}};
}

json propose_form_data(service::Service& s, json const& values, json const& errors) {
    json actions = json::array();
    for (char const* a : {"issue", "upgrade", "downgrade", "extend", "lift"})
        actions.push_back({{"value", a}, {"label", service::action_name_cn(a)}});
    json levels = json::array({{{"value", ""}, {"label", "（延长、解除不选）"}}});
    auto const choices = console_data::plan_choices(s);
    for (auto const& l : choices.at("levels")) levels.push_back({{"value", l.at("id")}, {"label", l.at("name_cn")}});
    auto const v = [&](char const* name) { return values.value(name, std::string()); };
    return {{"actions", options(actions, v("action"))}, {"levels", options(levels, v("level"))},
            {"start_at", v("start_at")}, {"end_at", v("end_at")}, {"consultation_note", v("consultation_note")},
            {"forecast_id", v("forecast_id")}, {"justification", v("justification")}, {"idem", values.value("idem", new_form_key())},
            {"errors", errors.empty() ? json(nullptr) : errors}};
}

json proposal_values(Form const& form) {
    json out = json::object();
    for (char const* name : {"action", "level", "start_at", "end_at", "consultation_note", "forecast_id", "justification", "idem"})
        out[name] = form_field(form, name);
    return out;
}

json proposal_body(service::Service& s, Form const& form) {
    auto const offset = s.plan().utc_offset;
    auto const action = form_field(form, "action");
    json body{{"action", action}, {"consultation_note", form_field(form, "consultation_note")}};
    if (action != "extend" && action != "lift") body["level"] = form_field(form, "level");
    if (action != "extend") body["start_at"] = instant_of_local_input(form_field(form, "start_at"), offset);
    auto const end = form_field(form, "end_at");
    if (action == "extend") body["end_at"] = end.empty() ? json(nullptr) : json(instant_of_local_input(end, offset));
    else if (action != "lift" && !end.empty()) body["end_at"] = instant_of_local_input(end, offset);
    if (auto const f = typed_number(form_field(form, "forecast_id")); !f.is_null()) body["forecast_id"] = f;
    if (!form_field(form, "justification").empty()) body["justification"] = form_field(form, "justification");
    if (body.at("consultation_note") == "") body.erase("consultation_note");
    if (body.contains("start_at") && body.at("start_at") == "") body.erase("start_at");
    return body;
}

// The planned reductions of the proposed level against the plan's target (checks.reduction_plan).
json reduction_rows(json const& checks) {
    json rows = json::array();
    if (!checks.contains("reduction_plan") || !checks.at("reduction_plan").is_object()) return rows;
    auto const pollutants = checks.at("reduction_plan").value("pollutants", json::object());
    for (auto const& [pollutant, r] : pollutants.items()) {
        if (!r.is_object()) continue;
        char planned[32], share[32], target[32];
        std::snprintf(planned, sizeof planned, "%.1f", r.value("planned_t_per_day", 0.0));
        std::snprintf(share, sizeof share, "%.1f%%", r.value("planned_percent", 0.0));
        std::snprintf(target, sizeof target, "%.0f%%", r.value("target_percent", 0.0));
        rows.push_back({{"pollutant", pollutant}, {"planned", planned}, {"share", share}, {"target", target},
                        {"meets_cn", r.value("meets_target", false) ? "达到" : "未达到"}});
    }
    return rows;
}

json proposal_page_data(service::Service& s, std::int64_t id, service::Principal const& viewer, json const& reject_errors) {
    auto const p = console_data::proposal(s, id);
    json data = proposal_summary(p, viewer);
    json checks = json::array();
    auto const check = [&](char const* name) {  // a check the proposal recorded, {} when none
        auto const& all = p.at("checks");
        return all.is_object() && all.contains(name) && all.at(name).is_object() ? all.at(name) : json::object();
    };
    for (char const* name : {"fluctuation", "lift"})
        if (!check(name).empty()) checks.push_back(check(name).value("explanation_cn", ""));
    if (!check("deviation").empty())
        checks.push_back("所选级别与研判结果不一致，理由：" + check("deviation").value("justification", std::string()));
    if (check("advance_notice").value("short", false))
        checks.push_back("提前发布时间不足预案要求的" + std::to_string(check("advance_notice").value("required_hours", 0)) + "小时");
    auto const reductions = reduction_rows(p.at("checks"));
    data.update({{"end_cn", p.at("end_at").is_null() ? json(p.at("action") == "lift" ? "" : "解除时间另行通知") : json(time_cn(p.at("end_at")) + "结束")},
                 {"note", p.value("consultation_note", "")},
                 {"created_cn", time_cn(p.at("created_at"))},
                 {"forecast_id", p.at("forecast_id")},
                 {"checks", checks},
                 {"has_checks", !checks.empty()},
                 {"reductions", reductions},
                 {"has_reductions", !reductions.empty()},
                 {"reduction_warnings", check("reduction_plan").value("warnings", json::array())},
                 {"pending", p.at("status") == "pending"},
                 {"approved", p.at("status") == "approved"},
                 {"rejected", p.at("status") == "rejected"},
                 {"decision_note", p.value("decision_note", json(nullptr))},
                 {"document", p.at("document").is_object() ? json{{"number_cn", p.at("document").value("number_cn", "")},
                                                                  {"title_cn", p.at("document").value("title_cn", "")}} : json(nullptr)},
                 {"episode_id", p.at("episode_id")},
                 {"reject_errors", reject_errors.empty() ? json(nullptr) : reject_errors}});
    return data;
}

json inbox_data(service::Service& s, service::Principal const& viewer) {
    json pending = json::array(), decided = json::array();
    auto const waiting = console_data::proposals(s, std::string("pending")), latest = console_data::proposals(s, std::nullopt);
    for (auto const& p : waiting.at("items")) pending.push_back(proposal_summary(p, viewer));
    for (auto const& p : latest.at("items"))
        if (p.at("status") != "pending" && decided.size() < 20) decided.push_back(proposal_summary(p, viewer));
    return {{"pending", pending}, {"has_pending", !pending.empty()}, {"decided", decided}, {"has_decided", !decided.empty()},
            {"approver", viewer.role == "approver"}, {"duty", viewer.role == "duty_officer"}};
}

}  // namespace hazeguard::api
