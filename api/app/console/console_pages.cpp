// The console pages' data from the services' views.
#include "api/app/console/console_pages.hpp"

#include <map>

#include "api/app/console/console_data.hpp"
#include "api/app/console/console_forms.hpp"
#include "api/app/console/console_view.hpp"
#include "engine/domain/words_cn.hpp"
#include "engine/service/warnings/wording.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

std::string word(std::map<std::string, std::string> const& words, std::string const& code) {
    auto const it = words.find(code);
    return it == words.end() ? code : it->second;
}

std::string state_cn(std::string const& state) {
    return word({{"normal", "未启动预警"}, {"scheduled", "预警已批准，待生效"}, {"active", "预警响应中"},
                 {"change_scheduled", "预警响应中，已批准调整"}},
                state);
}

std::string timer_cn(std::string const& kind) {
    return word({{"start", "预警生效"}, {"end", "预警计划结束"}, {"approval_due", "审批时限届满"},
                 {"directive_start", "区域指令生效"}, {"directive_end", "区域指令结束"},
                 {"ack_pre_reminder", "签收提醒"}, {"ack_due", "企业签收时限"}, {"ack_escalation", "未签收上报"},
                 {"execution_due", "执行情况报告时限"}},
                kind);
}

// "proposal:3" → "审批单第3号": what a timer is about, as the duty room names it.
std::string ref_cn(std::string const& ref) {
    auto const colon = ref.find(':');
    if (colon == std::string::npos) return ref;
    auto const kind = ref.substr(0, colon), id = ref.substr(colon + 1);
    if (kind == "proposal") return "审批单第" + id + "号";
    if (kind == "batch") return "第" + id + "批企业指令";
    if (kind == "directive") return "区域指令第" + id + "号";
    return ref;
}

std::string level_name(json const& level) {
    return level.is_object() ? level.value("name_cn", "") : "";
}

// What to fix in the acknowledgement form, as the plant reads it.
std::string field_problem_cn(std::string const& pointer) {
    return word({{"/by", "请填写签收人姓名（不超过100个字）。"},
                 {"/phone", "请填写签收人的联系电话（7至20位数字，可含“+”“-”和空格）。"},
                 {"/note", "备注不超过2000个字。"}},
                pointer);
}

// A time for a template section: null (a false section) when there is none.
json when(json const& rfc3339) {
    auto const text = time_cn(rfc3339);
    return text.empty() ? json(nullptr) : json(text);
}

// A deadline shown as "12月15日0时" with a countdown the script keeps current.
json deadline(json const& rfc3339) { return {{"at", rfc3339}, {"at_cn", time_cn(rfc3339)}}; }

// Why the level is what it is: the latest signed proposal, and a directive's floor.
json reason(service::Service& s, json const& status) {
    json out = json::array();
    auto const approved = console_data::proposals(s, std::string("approved")).at("items");
    json const* latest = nullptr;
    for (auto const& p : approved)
        if (!latest || p.at("id").get<std::int64_t>() > latest->at("id").get<std::int64_t>()) latest = &p;
    if (latest && !status.at("level").is_null())
        out.push_back(service::action_cn(latest->at("action").get<std::string>()) + level_name(latest->at("level")) +
                      "：审批单第" + std::to_string(latest->at("id").get<std::int64_t>()) + "号，" +
                      latest->value("decided_by", std::string()) + "于" + time_cn(latest->at("decided_at")) +
                      "签发；会商意见：" + latest->value("consultation_note", std::string()));
    for (auto const& d : status.at("directives_in_force"))
        out.push_back(ref_cn(d.at("id").get<std::string>()) + "要求不低于" +
                      level_name(d.at("level")) + "；本地研判：" +
                      (status.at("local_level").is_null() ? std::string("未达预警条件") : level_name(status.at("local_level"))));
    return out;
}

}  // namespace

// The plants of the episode in force that no channel has reached yet and those overdue, each
// linking to the episode page filtered to them; null without a batch of orders.
json board_orders(service::Service& s, json const& episode) {
    if (!episode.is_number_integer()) return nullptr;
    auto const p = console_data::progress(s, episode.get<std::int64_t>());
    if (p.at("current_batch").is_null()) return nullptr;
    auto const& counts = p.at("counts");
    return {{"episode", episode},
            {"total", counts.at("total")},
            {"not_reached", p.at("delivery").at("not_yet_delivered")},
            {"ack_overdue", counts.at("ack_overdue")},
            {"execution_overdue", counts.at("execution_overdue")}};
}

json board_data(service::Service& s) {
    auto const status = console_data::status(s);
    json board{{"drill", status.at("drill")},
               {"now_cn", time_cn(status.at("now"))},
               {"state_cn", state_cn(status.at("state").get<std::string>())},
               {"level", status.at("level").is_null() ? json(nullptr) : json{{"id", status.at("level").at("id")}, {"name_cn", level_name(status.at("level"))}}},
               {"since_cn", when(status.at("since"))},
               {"planned_end_cn", when(status.at("planned_end"))},
               {"open_ended", status.at("open_ended")},
               {"reasons", reason(s, status)},
               {"scheduled", nullptr},
               {"episode_id", status.value("episode_id", json(nullptr))}};
    if (auto const& next = status.at("scheduled"); !next.is_null())
        board["scheduled"] = {{"action_cn", service::action_cn(next.at("action").get<std::string>())},
                              {"level_cn", level_name(next.at("level"))}, {"start", deadline(next.at("start_at"))}};
    json pending = json::array();
    auto const waiting = console_data::proposals(s, std::string("pending"));
    for (auto const& p : waiting.at("items"))
        pending.push_back({{"id", p.at("id")}, {"action_cn", service::action_cn(p.at("action").get<std::string>())},
                           {"level_cn", level_name(p.at("level"))}, {"proposer", p.at("proposer")},
                           {"start_cn", time_cn(p.at("start_at"))}, {"due", deadline(p.at("approval_due_at"))}});
    board["pending"] = pending;
    json directives = json::array();
    auto const all_directives = console_data::directives(s);
    for (auto const& d : all_directives.at("items"))
        if (d.at("status") == "in_force")
            directives.push_back({{"issuer", engine::directive_issuer_cn(d.at("issuer").get<std::string>())}, {"level_cn", d.at("level_name_cn")}, {"reference", d.at("reference")},
                                  {"start_cn", time_cn(d.at("start_at"))}, {"end_cn", when(d.at("end_at"))}});
    board["directives"] = directives;
    json timers = json::array();
    for (auto const& t : status.at("next"))
        timers.push_back({{"what_cn", timer_cn(t.at("kind").get<std::string>())}, {"ref", ref_cn(t.at("ref").get<std::string>())}, {"due", deadline(t.at("due_at"))}});
    board["timers"] = timers;
    board["orders"] = board_orders(s, board.at("episode_id"));
    for (auto const* list : {"reasons", "pending", "directives", "timers"}) board[std::string("has_") + list] = !board.at(list).empty();
    return board;
}

json order_page_data(json const& order, std::string const& code, std::vector<service::FieldError> const& errors,
                     json const& form) {
    bool const superseded = !order.at("superseded_by").is_null();
    bool const acknowledged = !order.at("acknowledgement").is_null();
    json measures = json::array();
    if (order.contains("content") && order.at("content").is_object())
        for (auto const& m : order.at("content").value("measures", json::array()))
        {
            std::string lines;
            for (auto const& line : m.value("lines", json::array())) lines += (lines.empty() ? "" : "、") + line.get<std::string>();
            measures.push_back({{"text", m.value("text", "")}, {"lines_cn", lines}, {"has_lines", !lines.empty()}});
        }
    json field_errors = json::object();
    for (auto const& e : errors) field_errors[e.pointer.empty() ? "form" : e.pointer.substr(1)] = field_problem_cn(e.pointer);
    json const deadlines = order.at("deadlines").is_object() ? order.at("deadlines") : json::object();
    return {{"code", code},
            {"idem", new_form_key()},
            {"id", order.at("id")},
            {"termination", order.at("kind") == "termination"},
            {"enterprise", order.at("enterprise").value("name", "")},
            {"level_cn", order.at("level").is_null() ? json(nullptr) : json(level_name(order.at("level")))},
            {"effective_cn", time_cn(order.at("effective_from"))},
            {"ack_due_cn", when(deadlines.value("ack_due_at", json(nullptr)))},
            {"execution_due_cn", when(deadlines.value("execution_due_at", json(nullptr)))},
            {"measures", measures},
            {"has_measures", !measures.empty()},
            {"text_cn", order.value("text_cn", "")},
            {"superseded", superseded},
            {"current_link", superseded && order.contains("current_link") ? json("/o/" + order.at("current_link").get<std::string>().substr(10)) : json(nullptr)},
            {"acknowledged", acknowledged},
            {"acknowledgement", acknowledged ? json{{"by", order.at("acknowledgement").value("by", "")}, {"at_cn", time_cn(order.at("acknowledgement").value("at", json(nullptr)))}} : json(nullptr)},
            {"can_acknowledge", !superseded && !acknowledged && order.at("kind") == "order"},
            {"errors", field_errors.empty() ? json(nullptr) : field_errors},
            {"form", {{"by", form.value("by", "")}, {"phone", form.value("phone", "")}, {"note", form.value("note", "")}}}};
}

}  // namespace hazeguard::api
