#include "api/resources/warnings/warning_json.hpp"

#include "engine/service/documents/notice_document.hpp"
#include "engine/service/forecasts/forecast_codec.hpp"
#include "engine/service/lists/level_reductions.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {
json text_or_null(std::optional<std::string> const& t) { return t ? json(*t) : json(nullptr); }
json id_or_null(std::optional<std::int64_t> const& id) { return id ? json(*id) : json(nullptr); }

json tally_json(service::ProgressTally const& t) {
    return {{"total", t.total},         {"sent", t.sent},
            {"acknowledged", t.acknowledged}, {"executed", t.executed},
            {"ack_overdue", t.ack_overdue},   {"execution_overdue", t.execution_overdue},
            {"acknowledged_late", t.acknowledged_late}};
}

json tallies_json(std::map<std::string, service::ProgressTally> const& m) {
    json j = json::object();
    for (auto const& [k, v] : m) j[k] = tally_json(v);
    return j;
}

json batch_json(ViewContext const& views, ports::BatchRecord const& b) {
    return {{"id", b.id},
            {"kind", b.kind},
            {"level", text_or_null(b.level)},
            {"previous_level", text_or_null(b.previous_level)},
            {"cause", b.cause},
            {"issued_at", views.local(b.issued_at)},
            {"effective_from", views.local(b.effective_from)},
            {"ack_due_at", views.local_or_null(b.ack_due_at)},
            {"execution_due_at", views.local_or_null(b.execution_due_at)},
            {"orders", b.count},
            {"terminations", b.terminations},
            {"planned_reductions_t_per_day",
             {{"SO2", b.planned[0]}, {"NOx", b.planned[1]}, {"PM", b.planned[2]}, {"VOCs", b.planned[3]}}},
            {"list_version", b.list_version}};
}

json episode_summary_json(ViewContext const& views, ports::EpisodeRecord const& e) {
    return {{"id", e.id},
            {"opened_at", views.local(e.opened_at)},
            {"closed_at", views.local_or_null(e.closed_at)},
            {"plan_version", e.plan_version},
            {"rule_set", e.rule_set},
            {"drill", e.drill},
            {"peak_level", views.level(views.plan.rank(e.peak_level))},
            {"list_version", id_or_null(e.list_version)}};
}

json observed_values_json(ports::ObservedValues const& v) {
    return {{"aqi", v.aqi}, {"pm25", v.pm25 ? json(*v.pm25) : json(nullptr)}, {"primary_pollutant", v.primary}};
}
}  // namespace

json forecast_json(ViewContext const& views, service::ForecastSheet const& f) {
    json out = service::forecast_to_json(f.forecast);
    out["issued_at"] = views.local(f.forecast.issued_at);
    out["consulted_at"] = views.local(f.forecast.consulted_at.value_or(f.forecast.issued_at));
    out["id"] = f.id;
    out["assessment"] = json::parse(f.record.assessment);
    out["created_by"] = f.record.created_by;
    out["plan_version"] = f.record.plan_version;
    out["drill"] = views.drill;
    return out;
}

json proposal_json(ViewContext const& views, service::ProposalSheet const& sheet) {
    auto const& p = sheet.proposal;
    return json{{"id", p.id},
                {"action", p.action},
                {"level", p.level && !p.level->empty() ? views.level(views.plan.rank(*p.level)) : json(nullptr)},
                {"start_at", views.local(p.start_at)},
                {"end_at", views.local_or_null(p.end_at)},
                {"open_ended", p.open_ended},
                {"consultation_note", p.note},
                {"consulted_at", views.local(p.consulted_at)},
                {"forecast_id", id_or_null(p.forecast_id)},
                {"directive_id", id_or_null(p.directive_id)},
                {"proposer", p.proposer},
                {"created_at", views.local(p.created_at)},
                {"form_due_at", views.local(p.form_due_at)},
                {"form_late", p.created_at > p.form_due_at},
                {"approval_due_at", views.local(p.approval_due_at)},
                {"checks", json::parse(p.checks)},
                {"status", p.status},
                {"decided_by", text_or_null(p.decided_by)},
                {"decided_authority", text_or_null(p.decided_authority)},
                {"decided_at", views.local_or_null(p.decided_at)},
                {"decision_note", text_or_null(p.decision_note)},
                {"approval_late", p.approval_late ? json(*p.approval_late) : json(nullptr)},
                {"distribution_due_at", views.local_or_null(p.distribution_due_at)},
                {"notice_cn", text_or_null(p.notice)},
                {"document", sheet.document ? service::document_summary(json::parse(*sheet.document)) : json(nullptr)},
                {"episode_id", id_or_null(p.episode_id)},
                {"drill", views.drill}};
}

json proposals_json(ViewContext const& views, std::vector<service::ProposalSheet> const& items) {
    json out = json::array();
    for (auto const& p : items) {
        auto v = proposal_json(views, p);
        v.erase("notice_cn");
        out.push_back(std::move(v));
    }
    return {{"items", out}};
}

json directive_json(ViewContext const& views, ports::DirectiveRecord const& d) {
    return json{{"id", d.id},
                {"issuer", d.issuer},
                {"level", d.level},
                {"level_name_cn", views.plan.level_at(*views.plan.rank(d.level)).name_cn},
                {"start_at", views.local(d.start_at)},
                {"end_at", views.local_or_null(d.end_at)},
                {"reference", d.reference},
                {"note", d.note},
                {"recorded_by", d.recorded_by},
                {"recorded_at", views.local(d.created_at)},
                {"status", d.status},
                {"started_at", views.local_or_null(d.started_at)},
                {"ended_at", views.local_or_null(d.ended_at)},
                {"drill", views.drill}};
}

json directives_json(ViewContext const& views, std::vector<ports::DirectiveRecord> const& items) {
    json out = json::array();
    for (auto const& d : items) out.push_back(directive_json(views, d));
    return {{"items", out}};
}

json status_json(ViewContext const& views, service::WarningStatus const& status) {
    auto const& s = status.state;
    json directives = json::array();
    for (auto const& d : s.directives) directives.push_back({{"id", d.id}, {"level", views.level(d.level)}});
    json next = json::array();
    for (auto const& t : status.next) next.push_back({{"kind", t.kind}, {"ref", t.ref}, {"due_at", views.local(t.due_at)}});
    json scheduled = nullptr;
    if (s.scheduled) {
        auto const& advance = status.scheduled_batch;
        scheduled = {{"action", s.scheduled->action}, {"level", views.level(s.scheduled->level)},
                     {"start_at", views.local(s.scheduled->start_at)}, {"cause", s.scheduled->cause},
                     {"episode_id", advance ? json(advance->episode) : json(nullptr)},
                     {"batch_id", advance ? json(advance->id) : json(nullptr)}};
    }
    auto const& plan = views.plan;
    return json{{"now", views.local(status.now)},
                {"drill", views.drill},
                {"plan", {{"id", plan.id}, {"version", plan.version}, {"rule_set", plan.default_rule_set}}},
                {"state", std::string(engine::phase_name(s.phase))},
                {"level", views.level(s.level)},
                {"local_level", views.level(s.local_level)},
                {"directives_in_force", directives},
                {"since", views.local_or_null(s.level_since)},
                {"planned_end", views.local_or_null(s.planned_end)},
                {"open_ended", s.level.has_value() && !s.planned_end},
                {"episode_id", id_or_null(s.episode)},
                {"scheduled", scheduled},
                {"pending_proposals", status.pending_proposals},
                {"next", next}};
}

json episodes_json(ViewContext const& views, std::vector<ports::EpisodeRecord> const& items) {
    json out = json::array();
    for (auto const& e : items) out.push_back(episode_summary_json(views, e));
    return {{"items", out}};
}

json episode_json(ViewContext const& views, service::EpisodeSheet const& e) {
    json out = episode_summary_json(views, e.episode);
    out["timeline"] = json::array();
    for (auto const& t : e.timeline)
        out["timeline"].push_back({{"seq", t.id},
                                   {"ref", t.ref},
                                   {"at", views.local(t.at)},
                                   {"kind", t.kind},
                                   {"actor", t.actor},
                                   {"summary_cn", t.summary_cn},
                                   {"detail", json::parse(t.detail)},
                                   {"plan_version", t.plan_version}});
    return out;
}

json progress_json(ViewContext const& views, service::EpisodeProgress const& p) {
    json out{{"episode_id", p.episode}, {"now", views.local(p.now)}, {"batches", json::array()}, {"current_batch", nullptr}};
    for (auto const& b : p.batches) out["batches"].push_back(batch_json(views, b));
    if (p.batches.empty()) return out;
    auto const& current = p.batches.back();
    out["current_batch"] = current.id;
    out["counts"] = tally_json(p.counts);
    // Beside "not acknowledged" (counts.sent): the orders no channel has delivered yet (a text
    // message without its receipt, a webhook not answered, or a plant with no channel at all).
    out["delivery"] = {{"reached", p.reached}, {"not_yet_delivered", p.counts.total - p.reached}};
    out["by_district"] = tallies_json(p.by_district);
    out["by_industry"] = tallies_json(p.by_industry);
    out["by_grade"] = tallies_json(p.by_grade);
    out["escalations"] = json::array();
    for (auto const& e : p.escalations)
        out["escalations"].push_back({{"district", e.district}, {"kind", e.kind}, {"count", e.count}, {"at", views.local(e.at)}});
    if (current.level)
        out["reduction_plan"] =
            service::reduction_summary(views.plan, current.list_version, *current.level, current.count, current.planned);
    return out;
}

json observation_receipt_json(ViewContext const& views, service::ObservationReceipt const& r) {
    json changes = json::array();
    for (auto const& c : r.changes) {
        bool const hourly = c.observation.granularity == "hour";
        changes.push_back({{"granularity", c.observation.granularity},
                           {hourly ? "at" : "date", hourly ? views.local(c.observation.at)
                                                           : engine::format_local_date(c.observation.at, views.offset_minutes)},
                           {"revision", c.revision},
                           {"previous", observed_values_json(c.previous)},
                           {"current", observed_values_json(c.observation.values)}});
    }
    return {{"received", r.received}, {"created", r.created}, {"replaced", r.replaced},
            {"unchanged", r.unchanged}, {"changes", changes}};
}

json observations_json(ViewContext const& views, service::ObservationRange const& range) {
    json out{{"from", views.local(range.from)}, {"to", views.local(range.to)}, {"hourly", json::array()},
             {"daily", json::array()}};
    for (auto const& o : range.observations) {
        auto const& r = o.record;
        bool const hourly = r.granularity == "hour";
        json row = observed_values_json(r.values);
        if (hourly) row["at"] = views.local(r.at);
        else row["date"] = engine::format_local_date(r.at, views.offset_minutes);
        row["source"] = r.source;
        row["revision"] = r.revision;
        row["recorded_at"] = views.local(r.recorded_at);
        row["recorded_by"] = r.recorded_by;
        row["history"] = json::array();
        for (auto const& h : o.history)
            row["history"].push_back({{"revision", h.revision},
                                      {"values", json::parse(h.previous)},
                                      {"replaced_at", views.local(h.changed_at)},
                                      {"replaced_by", h.changed_by},
                                      {"replaced_by_source", h.source}});
        out[hourly ? "hourly" : "daily"].push_back(std::move(row));
    }
    return out;
}

}  // namespace hazeguard::api
