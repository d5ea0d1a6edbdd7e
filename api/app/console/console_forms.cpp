// Forms that change something: their command, their times, their refusals in Chinese.
#include "api/app/console/console_forms.hpp"

#include <chrono>
#include <cstdio>
#include <regex>

#include "api/app/console/console_http.hpp"
#include "engine/service/warnings/wording.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

std::string state_name_cn(std::string const& state) {
    if (state == "normal") return "未启动预警";
    if (state == "scheduled") return "预警已批准、尚未生效";
    if (state == "active") return "预警响应中";
    if (state == "change_scheduled") return "已有批准的调整待生效";
    return state;
}

std::string rule_cn(std::string const& rule) {
    if (rule == "lift") return "解除预警须预报自解除时起连续36小时以上不高于启动标准";
    if (rule == "fluctuation") return "预报在相邻两级间频繁波动时应按高级别执行";
    if (rule.find("min_duration") != std::string::npos) return "预警须持续达到预案规定的最短时长";
    if (rule.find("authority") != std::string::npos) return "签发权限不包括此预警级别";
    return "不符合预案规定（" + rule + "）";
}

// One sentence per field, as the form names it.
std::string field_sentence_cn(std::string const& name) {
    static std::map<std::string, std::string> const kWords = {
        {"issued_at", "请填写会商时间。"},
        {"issuer", "请填写会商单位（不超过21个字）。"},
        {"days", "请至少填写一天的预报（连续日期，最多15天）。"},
        {"date", "日期须为连续的日历日期。"},
        {"aqi_low", "AQI下限须为0至500的整数。"},
        {"aqi_high", "AQI上限须为0至500的整数，且不低于下限。"},
        {"aqi_central", "AQI中值须在下限与上限之间。"},
        {"primary_pollutant", "请选择首要污染物。"},
        {"action", "请选择事项。"},
        {"level", "请选择预警级别（延长、解除不选级别）。"},
        {"start_at", "请填写生效时间（延长不填）。"},
        {"end_at", "结束时间须晚于生效时间；解除不填。"},
        {"consultation_note", "请填写会商意见。"},
        {"forecast_id", "所引用的预报不存在。"},
        {"reason", "退回须写明理由。"},
        {"justification", "所选级别与研判结果不一致，请写明理由。"},
        {"note", "说明过长。"},
        {"line_id", "该企业没有这条生产线。"},
        {"status", "请选择生产线的执行状态。"},
        {"meter", "请填写电表编号。"},
        {"kwh", "电量须为不小于0的数字（千瓦时）。"},
    };
    auto const it = kWords.find(name);
    return it == kWords.end() ? "请检查此项。" : it->second;
}

}  // namespace

std::string form_field(Form const& form, std::string const& name) {
    auto const it = form.find(name);
    return it == form.end() ? "" : it->second;
}

std::string new_form_key() { return new_request_id() + new_request_id(); }

service::Command form_command(Context const& c, Form const& form) {
    service::Command cmd{c.principal, std::nullopt,
                         engine::sha256_hex(c.request.method + " " + c.match.path + "\n" + c.request.body)};
    auto const key = form_field(form, "idem");
    if (!key.empty() && key.size() <= 255) cmd.idempotency_key = "form:" + key;
    return cmd;
}

std::string instant_of_local_input(std::string const& typed, std::string const& utc_offset) {
    static std::regex const kLocal(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})");
    if (std::regex_match(typed, kLocal)) return typed + ":00" + utc_offset;
    return typed;
}

std::string local_input_of(json const& rfc3339) {
    if (!rfc3339.is_string()) return "";
    auto const text = rfc3339.get<std::string>();
    return text.size() >= 16 ? text.substr(0, 16) : text;
}

RefusalCn refusal_cn(service::Error const& e) {
    using service::Errc;
    auto const extra = [&](char const* name) { return e.extra.is_object() ? e.extra.value(name, std::string()) : std::string(); };
    switch (e.code) {
        case Errc::self_approval:
            return {403, "不能审批本人呈报的审批单", "呈报人不能签发或退回自己呈报的审批单，请由其他有权限的领导审批。"};
        case Errc::insufficient_authority:
            return {403, "签发权限不足", "您的签发权限不包括此预警级别，请报请有权限的领导签发。"};
        case Errc::invalid_transition:
            return {409, "当前状态下不能办理",
                    "当前" + state_name_cn(extra("state")) + "，不能" + service::action_name_cn(extra("action")) + "。请刷新态势后重新研判。"};
        case Errc::plan_rule_violation:
            return {409, "不符合预案规定", rule_cn(extra("rule")) + "。请根据最新会商预报重新研判。"};
        case Errc::proposal_not_pending:
            return {409, "审批单已办结", "此审批单已签发或退回，无需再次办理。"};
        case Errc::directive_not_active:
            return {409, "区域指令已结束", "此区域指令已结束或已撤销，无需再次解除。"};
        case Errc::not_found: return {404, "无法办理", "链接无效或页面不存在，请核对后重试。"};
        case Errc::link_expired: return {410, "链接已过期", "此链接已过期。请联系值班室获取指令。"};
        case Errc::order_superseded: return {409, "指令已被替代", "本指令已被新的指令替代，请按最新指令办理。"};
        case Errc::not_an_order: return {409, "无需报告", "解除通知无需报告执行情况。"};
        case Errc::order_not_acknowledged: return {409, "尚未签收", "请先签收指令，再报告执行情况。"};
        case Errc::idempotency_key_reused:
            return {422, "提交未被接受", "此表单已提交过不同的内容。请刷新页面后重新填写。"};
        case Errc::storage_busy:
        case Errc::reports_busy:
        case Errc::storage_unavailable: return {503, "系统暂时无法处理", "请稍后再试。如仍有问题，请联系系统管理员。"};
        default: break;
    }
    std::string problems;  // a fault found while the command ran (e.g. a line the plant does not have)
    auto const faults = field_errors_cn(e.errors);
    for (auto const& [field, sentence] : faults.items()) problems += sentence.get<std::string>();
    return {422, "无法办理", "提交的内容有误，请返回检查后重试。" + problems};
}

json field_errors_cn(std::vector<service::FieldError> const& errors) {
    json out = json::object();
    for (auto const& e : errors) {
        std::string key = e.pointer.empty() ? "form" : e.pointer.substr(1);
        for (auto& ch : key)
            if (ch == '/') ch = '.';
        auto const last = key.substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1);
        if (!out.contains(key)) out[key] = field_sentence_cn(last);
    }
    return out;
}

Response refusal_page(Responder const& respond, std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (service::Error const& e) {
        auto const r = refusal_cn(e);
        return error_page(r.status, r.heading, r.text);
    } catch (...) {
    }
    auto const r = respond.to_response(error);  // a page as it is; anything else logged as the API would
    if (r.content_type.rfind("text/html", 0) == 0 || r.status == 303) return r;
    if (r.status >= 500) return error_page(r.status, "系统错误", "系统暂时无法处理，请稍后再试。如仍有问题，请联系值班室。");
    return error_page(r.status, "无法办理", "请求未被接受，请返回检查后重试。");
}

RouteHandler console_page(RouteHandler f) {
    return [f = std::move(f)](Context const& c, Responder const& respond) {
        try {
            f(c, respond);
        } catch (...) {
            respond(refusal_page(respond, std::current_exception()));
        }
    };
}

Response document_response(std::string html) {
    Response r = page_response(200, std::move(html));
    r.headers.set("Content-Security-Policy",
                  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; "
                  "frame-ancestors 'none'; base-uri 'none'");
    return r;
}

std::string next_midnight_input(json const& rfc3339) {
    if (!rfc3339.is_string() || rfc3339.get<std::string>().size() < 10) return "";
    auto const text = rfc3339.get<std::string>();
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(text.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return "";
    using namespace std::chrono;
    year_month_day const next{sys_days{year{y} / month{m} / day{d}} + days{1}};
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT00:00", static_cast<int>(next.year()), static_cast<unsigned>(next.month()),
                  static_cast<unsigned>(next.day()));
    return out;
}

}  // namespace hazeguard::api
