#include "engine/delivery/sms_text.hpp"

namespace hazeguard::engine {

std::string short_time_cn(Instant t, int offset_minutes) {
    std::string const d = format_rfc3339(t, offset_minutes);  // YYYY-MM-DDThh:mm:ss±hh:mm
    int const minute = std::stoi(d.substr(14, 2));
    return std::to_string(std::stoi(d.substr(5, 2))) + "月" + std::to_string(std::stoi(d.substr(8, 2))) + "日" +
           std::to_string(std::stoi(d.substr(11, 2))) + "时" + (minute ? std::to_string(minute) + "分" : "");
}

SmsContent sms_content(SmsOrderFacts const& f) {
    std::string const code = std::to_string(f.order_id);
    std::string const start = short_time_cn(f.effective_from, f.offset_minutes);
    std::string const due = f.ack_due ? short_time_cn(*f.ack_due, f.offset_minutes) : std::string();
    SmsContent c;
    c.template_kind = f.kind;
    c.params = {{"code", code}, {"level", f.level_cn}, {"start", start}, {"due", due}, {"link", f.link}};
    std::string const ack = due.empty() ? "回复1确认。" : "请于" + due + "前回复1确认。";
    if (f.kind == "order")
        c.text_cn = "你单位" + f.level_cn + "减排指令（第" + code + "号）自" + start + "起执行，" + ack + "详情：" + f.link;
    else if (f.kind == "termination")
        c.text_cn = "你单位减排指令自" + start + "起终止（第" + code + "号通知），" + ack + "详情：" + f.link;
    else if (f.kind == "cancellation")
        c.text_cn = "原定执行的减排指令撤销，不再执行（第" + code + "号通知），" + ack + "详情：" + f.link;
    else
        c.text_cn = "提醒：你单位减排指令（第" + code + "号）尚未确认，" + ack + "详情：" + f.link;
    return c;
}

namespace {
/// "黄色预警（Ⅲ级响应）" → "黄色预警": the level named where another one follows.
std::string without_response(std::string const& level_cn) {
    auto const at = level_cn.find("（");
    return at == std::string::npos ? level_cn : level_cn.substr(0, at);
}
}  // namespace

std::string notice_decision_cn(NoticeDecision const& d) {
    std::string const start = "定于" + short_time_cn(d.start, d.offset_minutes) + "起";
    if (d.action == "upgrade" || d.action == "downgrade")
        return start + "由" + without_response(d.from_level_cn) + (d.action == "upgrade" ? "升级为" : "降级为") + d.to_level_cn;
    if (d.action == "extend")
        return d.to_level_cn + (d.end ? "延长至" + short_time_cn(*d.end, d.offset_minutes) : "延长，解除时间另行通知");
    if (d.action == "lift") return start + "解除" + d.from_level_cn;
    if (d.action == "directive") return "根据区域预警指令，" + start + "启动" + d.to_level_cn;
    return start + "启动" + d.to_level_cn;
}

SmsContent roster_sms_content(std::string const& kind, nlohmann::json const& params) {
    auto const get = [&](char const* key) { return params.contains(key) && params[key].is_string() ? params[key].get<std::string>() : std::string(); };
    SmsContent c{kind, params, {}};
    if (kind == "notice")
        c.text_cn = "重污染天气应急通知：" + get("decision") + "，请按预案要求落实相应措施。";
    else
        c.text_cn = get("district") + "有" + get("count") + "家企业" + get("what") + "（截至" + get("due") + "），请督促落实。";
    return c;
}

bool is_acknowledging_reply(std::string const& content) {
    std::string s = content;
    auto const blank = [](std::string const& x, std::size_t i) {
        return x[i] == ' ' || x[i] == '\t' || x[i] == '\r' || x[i] == '\n';
    };
    while (!s.empty() && blank(s, 0)) s.erase(0, 1);
    while (!s.empty() && blank(s, s.size() - 1)) s.pop_back();
    return s == "1" || s == "\xEF\xBC\x91";  // U+FF11 FULLWIDTH DIGIT ONE
}

}  // namespace hazeguard::engine
