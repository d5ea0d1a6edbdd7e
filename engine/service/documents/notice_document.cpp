#include "engine/service/documents/notice_document.hpp"

#include "engine/domain/ref.hpp"
#include "engine/service/documents/document_page.hpp"
#include "engine/service/documents/notice_basis.hpp"
#include "engine/service/documents/notice_measures.hpp"
#include "engine/time/document_time.hpp"

namespace hazeguard::service {
using nlohmann::json;

namespace {

// The path of the proposal's forecast: a health-advisory episode (O3, dust) lists only the health
// and advocacy measures, no curtailment (domain §4.3; docs/plan-rules.md).
std::string forecast_path(ports::Store& store, ports::ProposalRecord const& p) {
    if (!p.forecast_id) return "full_response";
    auto const f = store.forecasts().find(*p.forecast_id);
    return f ? json::parse(f->assessment).value("pollutant_path", "full_response") : "full_response";
}

/// What one document is about: the levels it names and how.
struct Subject {
    std::string action;
    std::optional<int> from, to;   ///< the level before and the level the action leads to (ranks)
    bool withdrawn = false;        ///< a lift of an issue that was scheduled and never started
    bool dispatch = false;         ///< the adverse-weather stage's 调度令
};

Subject subject_of(plans::Plan const& plan, ports::ProposalRecord const& p, engine::WarningState const& state) {
    Subject s{p.action, state.level, std::nullopt};
    if (!s.from && state.scheduled && state.scheduled->level) {
        s.from = state.scheduled->level;
        s.withdrawn = p.action == "lift";
    }
    if (p.level) s.to = plan.rank(*p.level);
    if (p.action == "extend") s.to = s.from;
    // Leaving the pre-stage for a colour is the colour's issue; entering the pre-stage is its 调度令.
    bool const from_pre = s.from && plan.level_at(*s.from).pre_stage;
    if (p.action == "upgrade" && from_pre) s.action = "issue";
    s.dispatch = s.action == "issue" && s.to && plan.level_at(*s.to).pre_stage;
    return s;
}

plans::DocumentLevelWording const& wording(plans::Plan const& plan, int rank) {
    return *plan.documents.level(plan.level_at(rank).id);
}

/// "重污染天气黄色预警"; the pre-stage by its measures: "不利气象条件应对措施".
std::string subject_cn(plans::Plan const& plan, int rank) {
    auto const& w = wording(plan, rank);
    return plan.level_at(rank).pre_stage ? w.response_cn : "重污染天气" + w.warning_cn;
}

std::string title_cn(plans::Plan const& plan, Subject const& s) {
    auto const& from = s.from ? subject_cn(plan, *s.from) : std::string();
    if (s.action == "issue") return "关于发布" + subject_cn(plan, *s.to) + "的通知";
    if (s.action == "upgrade") return "关于将" + from + "升级为" + wording(plan, *s.to).warning_cn + "的通知";
    if (s.action == "downgrade") return "关于将" + from + "降级为" + wording(plan, *s.to).warning_cn + "的通知";
    if (s.action == "extend") return "关于延长" + from + "的通知";
    return "关于解除" + from + "的通知";
}

std::string season_of(plans::Plan const& plan, engine::Instant t, int offset_minutes) {
    auto const date = engine::format_local_date(t, offset_minutes);
    int const year = std::stoi(date.substr(0, 4));
    int const month = std::stoi(date.substr(5, 2));
    int const first = month >= plan.documents.season_start_month ? year : year - 1;
    return std::to_string(first) + "—" + std::to_string(first + 1);
}

/// ", 至12月16日24时" / "，解除时间另行通知" / "" — the end of an action that states or keeps one.
std::string end_clause(ports::ProposalRecord const& p, engine::WarningState const& state, engine::DocumentTimes& times,
                       std::string const& open_words) {
    if (p.end_at) return "，持续至" + times.end(*p.end_at);
    if (p.open_ended) return "，" + open_words;
    if (state.planned_end) return "，持续至" + times.end(*state.planned_end);
    return "，" + open_words;
}

std::string decision_cn(plans::Plan const& plan, Subject const& s, ports::ProposalRecord const& p,
                        engine::WarningState const& state, engine::DocumentTimes& times) {
    auto const response = [&](int rank) { return wording(plan, rank).response_cn; };
    // Every time is written in its own statement, in reading order (the year goes with the first).
    if (s.dispatch) {
        std::string out = "经研究，决定自" + times.start(p.start_at);
        if (p.end_at) return out + "至" + times.end(*p.end_at) + "实施" + response(*s.to);
        return out + "起实施" + response(*s.to) + "，停止时间另行通知";
    }
    std::string out = plan.documents.approval_cn + "，决定";
    if (s.action == "issue") {
        if (!p.end_at)
            return out + "自" + times.start(p.start_at) + "起发布" + subject_cn(plan, *s.to) + "，启动" + response(*s.to) +
                   "，解除时间另行通知";
        out += "发布" + subject_cn(plan, *s.to) + "，启动" + response(*s.to) + "（" + times.start(p.start_at);
        return out + "至" + times.end(*p.end_at) + "）";
    }
    if (s.action == "upgrade" || s.action == "downgrade") {
        out += "自" + times.start(p.start_at) + "起将" + subject_cn(plan, *s.from) +
               (s.action == "upgrade" ? "升级为" : "降级为") + wording(plan, *s.to).warning_cn + "，" +
               response(*s.from) + "相应调整为" + response(*s.to);
        return out + end_clause(p, state, times, "解除时间另行通知");
    }
    if (s.action == "extend") {
        if (p.end_at)
            return out + "将" + subject_cn(plan, *s.from) + "延长至" + times.end(*p.end_at) + "，继续实施" +
                   response(*s.from);
        return out + "延长" + subject_cn(plan, *s.from) + "，继续实施" + response(*s.from) + "，解除时间另行通知";
    }
    if (s.withdrawn)
        return out + "撤销原定于" + times.start(state.scheduled->start_at) + "起发布的" + subject_cn(plan, *s.from) +
               "，不再启动" + response(*s.from);
    return out + "自" + times.start(p.start_at) + "起解除" + subject_cn(plan, *s.from) + "，终止" + response(*s.from);
}

std::string criterion_cn(plans::Plan const& plan, Subject const& s) {
    if (s.action == "lift") return "解除条件";
    if (s.action == "extend") return wording(plan, *s.from).warning_cn + "启动条件";
    return wording(plan, *s.to).warning_cn + "启动条件";
}

std::string closing_cn(plans::DocumentSettings const& settings, Subject const& s, std::string const& path) {
    if (s.withdrawn) return "请各有关单位及时告知相关企业和单位，不再执行该预警对应的应急措施。";
    if (s.action == "lift") return settings.lift_closing_cn + "。";
    bool const advisory = path == "health_advisory" && !settings.advisory_reporting_cn.empty();
    return (advisory ? settings.advisory_reporting_cn : settings.reporting_cn) + "。";
}

}  // namespace

PublishedNotice publish_notice(ViewContext const& views, ports::Store& store, ports::ProposalRecord const& p,
                               engine::WarningState const& state, Principal const& signer, engine::Instant signed_at) {
    auto const& plan = views.plan;
    auto const& settings = plan.documents;
    auto const s = subject_of(plan, p, state);
    engine::DocumentTimes times(views.offset_minutes);

    // The number, unique in its series and period: assigned here, in the signing transaction.
    std::string const series = s.dispatch ? "dispatch" : "notice";
    std::string const period = s.dispatch ? season_of(plan, signed_at, views.offset_minutes)
                                          : engine::format_local_date(signed_at, views.offset_minutes).substr(0, 4);
    int const serial = store.documents().next_serial(series, period);
    std::string const number_cn = s.dispatch ? "第" + std::to_string(serial) + "号"
                                             : settings.number_prefix_cn + "〔" + period + "〕" + std::to_string(serial) + "号";
    std::string const title = s.dispatch ? plan.city_cn + period + "年" + settings.dispatch_series_cn + "（" + number_cn + "）"
                                         : title_cn(plan, s);

    // Written in reading order: the year goes with the first time mentioned.
    std::string paragraph = notice_basis_cn(views, store, p, criterion_cn(plan, s), s.action == "lift", times) + "。";
    paragraph += decision_cn(plan, s, p, state, times) + "。";
    // Entering a colour ends the pre-stage and its 调度令.
    bool const from_pre = s.from && plan.level_at(*s.from).pre_stage && s.to && !plan.level_at(*s.to).pre_stage;
    if (from_pre)
        if (auto const d = store.documents().latest("dispatch"))
            paragraph += d->body.empty() ? "" : json::parse(d->body).at("title_cn").get<std::string>() + "同时停止执行。";
    auto const path = forecast_path(store, p);
    auto const sections = s.action == "lift" ? json::array() : notice_sections(plan, *s.to, path);
    if (!sections.empty()) paragraph += s.dispatch ? "现将有关要求调度如下：" : "现将有关事项通知如下：";

    std::string const date = engine::document_date_cn(signed_at, views.offset_minutes);
    auto const level_id = [&](std::optional<int> rank) { return rank ? json(plan.level_at(*rank).id) : json(nullptr); };
    json document{
        {"kind", series},
        {"drill", views.drill},
        {"issuer_cn", settings.issuer_cn},
        {"number_cn", number_cn},
        {"number_line_cn", s.dispatch ? json(nullptr) : json(number_cn)},   // a 调度令 carries its number in the title
        {"title_cn", title},
        {"addressees_cn", settings.addressees_cn},
        {"body_cn", json::array({paragraph})},
        {"sections", sections},
        {"closing_cn", closing_cn(settings, s, path)},
        {"date_cn", date},
        {"contact_cn", settings.contact_cn},
        {"copy_to_cn", settings.copy_to_cn.empty() ? json(nullptr) : json(settings.copy_to_cn)},
        {"printed_cn", settings.issuer_cn},
        {"printed_date_cn", date + "印发"},
        {"metadata",
         {{"plan_id", plan.id}, {"plan_version", plan.version}, {"proposal_id", p.id}, {"action", p.action},
          {"level", level_id(s.to)}, {"previous_level", level_id(s.from)}, {"series", series}, {"period", period},
          {"serial", serial}, {"signed_at", views.local(signed_at)}, {"signed_by", signer.name},
          {"authority", signer.authority}}}};
    store.documents().add({0, series, period, serial, engine::to_string(engine::Ref::proposal(p.id)), number_cn, signed_at,
                           document.dump()});
    return {document, notice_text(document)};
}

json document_summary(json const& d) {
    return {{"kind", d.at("kind")}, {"number_cn", d.at("number_cn")}, {"title_cn", d.at("title_cn")},
            {"date_cn", d.at("date_cn")}, {"metadata", d.at("metadata")}};
}

std::string notice_text(json const& document) { return page_text(notice_page(document)); }

}  // namespace hazeguard::service
