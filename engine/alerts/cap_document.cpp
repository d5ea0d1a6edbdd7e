// The words of a CAP alert: Chinese as the city's notices write it, English for international
// readers; the values of the CAP enumerations from the plan (docs/cap.md).
#include "engine/alerts/cap_document.hpp"

namespace hazeguard::engine {
using nlohmann::json;

namespace {

struct Words {
    plans::Plan const& plan;
    int offset = 480;
    std::string cn(Instant t) const { return format_local_time_cn(t, offset); }
    std::string iso(Instant t) const { return format_rfc3339(t, offset); }
    plans::Level const& level(int rank) const { return plan.level_at(rank); }
};

int offset_of(plans::Plan const& plan) { return parse_utc_offset(plan.utc_offset).value_or(480); }

/// The period the change is about: the scheduled one when there is one, else the one in force.
AlertPeriod const& main_period(PublicAlert const& a) { return a.periods.back(); }

std::string headline_en(Words const& w, PublicAlert const& a) {
    auto const& area = w.plan.public_alert->area_desc_en;
    if (a.closes) {
        std::string const name = a.ended_level ? w.level(*a.ended_level).name_en : std::string("Heavy-pollution warning");
        return area + ": " + name + (a.type == CapMsgType::cancel ? " withdrawn before it started" : " lifted");
    }
    auto const& p = main_period(a);
    std::string const name = w.level(p.level).name_en;
    if (a.action == "issue") return area + ": " + name + " issued";
    if (a.action == "upgrade") return area + ": warning raised to " + name;
    if (a.action == "downgrade") return area + ": warning lowered to " + name;
    if (a.action == "extend") return area + ": " + name + " extended";
    if (a.action == "lift") return area + ": " + name + " to be lifted";
    if (a.action == "directive_start") return area + ": " + name + " on a regional directive";
    return area + ": " + name;
}

std::string period_cn(Words const& w, AlertPeriod const& p) {
    return w.plan.city_cn + "自" + w.cn(p.onset) + "起执行重污染天气" + w.level(p.level).name_cn +
           (p.expires ? "，至" + w.cn(*p.expires) + "止。" : "，解除时间另行通知。");
}

std::string period_en(Words const& w, AlertPeriod const& p) {
    return w.level(p.level).name_en + " in force from " + w.iso(p.onset) +
           (p.expires ? " until " + w.iso(*p.expires) + "." : " until further notice.");
}

/// The public's measures of a level (health guidance and advocacy), numbered.
std::string instruction_cn(plans::Plan const& plan, int rank) {
    std::string out;
    int n = 0;
    for (auto const& m : plan.public_measures)
        if (m.level == plan.level_at(rank).id && (m.sector == "health" || m.sector == "advocacy")) {
            if (n++) out += "\n";
            out += std::to_string(n) + ". " + m.text_cn;
        }
    return out;
}

json info(Words const& w, plans::AlertLevel const& values, int rank, bool zh) {
    auto const& s = *w.plan.public_alert;
    json i{{"language", zh ? "zh-CN" : "en"},
           {"event", zh ? "重污染天气" : "Heavy air pollution"},
           {"urgency", values.urgency},
           {"severity", values.severity},
           {"certainty", values.certainty},
           {"sender_name", zh ? s.sender_name_cn : s.sender_name_en},
           {"level_id", w.level(rank).id},
           {"area_desc", zh ? s.area_desc_cn : s.area_desc_en},
           {"geocode", s.geocode}};
    if (!s.polygon.empty()) i["polygon"] = s.polygon;
    if (!s.web.empty()) i["web"] = s.web;
    return i;
}

}  // namespace

std::string cap_headline_cn(plans::Plan const& plan, PublicAlert const& a) {
    Words const w{plan, offset_of(plan)};
    std::string const& city = plan.city_cn;
    if (a.closes) {
        std::string const name = a.ended_level ? w.level(*a.ended_level).name_cn : std::string("预警");
        return a.type == CapMsgType::cancel ? city + "撤销尚未生效的重污染天气" + name : city + "解除重污染天气" + name;
    }
    auto const& p = main_period(a);
    std::string const name = w.level(p.level).name_cn;
    if (a.action == "issue") return city + "发布重污染天气" + name;
    if (a.action == "upgrade") return city + "重污染天气预警升级为" + name;
    if (a.action == "downgrade" || a.action == "directive_end") return city + "重污染天气预警调整为" + name;
    if (a.action == "extend") return city + "延长重污染天气" + name;
    if (a.action == "lift") return city + "将于" + w.cn(*p.expires) + "解除重污染天气" + name;
    if (a.action == "directive_start") return city + "按上级预警指令启动重污染天气" + name;
    return city + "重污染天气" + name;
}

json cap_document(plans::Plan const& plan, PublicAlert const& a, CapHeader const& h) {
    auto const& s = *plan.public_alert;
    Words const w{plan, offset_of(plan)};
    json doc{{"identifier", h.identifier},
             {"sender", s.issuer_code},
             {"sent", w.iso(h.sent)},
             {"status", h.exercise ? "Exercise" : "Actual"},
             {"msg_type", cap_msg_type_name(a.type)}};
    if (h.exercise) doc["note"] = "演练信息，非真实预警。Exercise: not a real warning.";
    std::string refs;
    for (auto const& r : a.references) refs += (refs.empty() ? "" : " ") + s.issuer_code + "," + r.identifier + "," + w.iso(r.sent);
    if (!refs.empty()) doc["references"] = refs;
    json infos = json::array();
    std::string const head_cn = cap_headline_cn(plan, a);
    std::string const head_en = headline_en(w, a);
    if (a.closes && a.type == CapMsgType::update && a.ended_level) {
        // The all clear: the ended level, from the lift until the all-clear expires.
        plans::AlertLevel const past{w.level(*a.ended_level).id, "Minor", "Past", "Observed"};
        Instant const until = h.sent + static_cast<Instant>(s.all_clear_hours) * kHour;
        for (bool zh : {true, false}) {
            json i = info(w, past, *a.ended_level, zh);
            i.update({{"response_type", "AllClear"}, {"effective", w.iso(h.sent)}, {"onset", w.iso(h.sent)},
                      {"expires", w.iso(until)}, {"headline", zh ? head_cn : head_en},
                      {"description", zh ? head_cn + "。自" + w.cn(h.sent) + "起，各项应急响应措施停止执行。"
                                         : head_en + " at " + w.iso(h.sent) + "; the emergency measures end."}});
            infos.push_back(std::move(i));
        }
    }
    for (bool zh : {true, false}) {
        for (auto const& p : a.periods) {
            json i = info(w, *s.level(w.level(p.level).id), p.level, zh);
            i.update({{"response_type", p.onset > h.sent ? "Prepare" : "Avoid"},
                      {"effective", w.iso(h.sent)},
                      {"onset", w.iso(p.onset)},
                      {"headline", zh ? head_cn : head_en},
                      {"description", zh ? head_cn + "。" + period_cn(w, p) : head_en + ". " + period_en(w, p)}});
            if (p.expires) i["expires"] = w.iso(*p.expires);
            if (zh) {
                if (auto text = instruction_cn(plan, p.level); !text.empty()) i["instruction"] = text;
            } else {
                i["instruction"] = "Follow the health advice and measures of the Chinese (zh-CN) information.";
            }
            infos.push_back(std::move(i));
        }
    }
    doc["infos"] = std::move(infos);
    return doc;
}

}  // namespace hazeguard::engine
