// GET /v1/episodes/{id}/report (and its paged never-acknowledged list) and `hazeguard report`: the
// episode's record through ports::EvaluationRepository (one read snapshot on a connection of its
// own) into an EvaluationInput, then the pure report.
#include "engine/service/reports/reports_service.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "engine/domain/ref.hpp"
#include "engine/report/evaluation_report.hpp"
#include "engine/service/error.hpp"
#include "engine/service/forecasts/forecast_codec.hpp"
#include "templates/report_html.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;
using engine::Ref;
namespace report = engine::report;

namespace {

/// Observations this many days after the warning ended still belong to the report.
constexpr Instant kTrailingDays = 2;

/// What the timeline points at, and when proposals were distributed and took effect.
struct TimelineFacts {
    std::set<std::int64_t> forecasts, proposals, directives;
    std::unordered_map<std::int64_t, Instant> distributed, effective;
};

/// What the report needs of a plant: its daily baselines, read from its stored list entry (written
/// and checked at import, so trusted) without reading the rest of it: lines, measures and
/// contacts are dropped as they are parsed, which matters with 100,000 plants.
struct PlantBaseline {
    engine::Pollutants t_per_day;
    std::optional<double> kwh_per_day;
};

PlantBaseline stored_baseline(std::string const& entry) {
    static constexpr std::string_view kKept[] = {"baseline_t_per_year", "operating_days", "baseline_kwh_per_day"};
    auto const keep = [](int depth, json::parse_event_t event, json& parsed) {
        if (depth != 1 || event != json::parse_event_t::key) return true;
        auto const& key = parsed.get_ref<std::string const&>();
        return std::find(std::begin(kKept), std::end(kKept), key) != std::end(kKept);
    };
    auto const v = json::parse(entry, keep);
    engine::Enterprise plant;
    plant.operating_days = v.value("operating_days", plant.operating_days);
    if (auto const it = v.find("baseline_t_per_year"); it != v.end())
        for (auto const& [p, t] : it->items()) plant.baseline_t_per_year[p] = t.get<double>();
    PlantBaseline out{plant.baseline_t_per_day(), std::nullopt};
    if (auto const it = v.find("baseline_kwh_per_day"); it != v.end()) out.kwh_per_day = it->get<double>();
    return out;
}

std::optional<Ref> ref_of(std::string const& text, Ref::Kind kind) {
    auto const ref = engine::parse_ref(text);
    return ref && ref->is(kind) ? ref : std::nullopt;
}

TimelineFacts read_timeline(std::vector<ports::TimelineRow> rows, report::EvaluationInput& in) {
    TimelineFacts facts;
    for (auto& row : rows) {
        auto& t = row.entry;
        if (auto const ref = engine::parse_ref(t.ref)) {
            if (ref->is(Ref::Kind::forecast)) facts.forecasts.insert(ref->id);
            if (ref->is(Ref::Kind::proposal)) facts.proposals.insert(ref->id);
            if (ref->is(Ref::Kind::directive)) facts.directives.insert(ref->id);
        }
        if (auto const p = ref_of(t.ref, Ref::Kind::proposal); p && t.kind == "distribution")
            facts.distributed.emplace(p->id, t.at);
        if (t.kind == "transition") {
            auto const detail = json::parse(row.detail);
            auto const cause = detail.value("cause", t.ref);
            if (auto const p = ref_of(cause, Ref::Kind::proposal)) facts.effective.emplace(p->id, t.at);
            if (in.levels.size() && !in.levels.back().to) in.levels.back().to = t.at;
            if (detail.contains("to") && detail.at("to").is_string())
                in.levels.push_back({detail.at("to").get<std::string>(), t.at, std::nullopt, cause});
        }
        in.timeline.push_back(std::move(t));
    }
    return facts;
}

report::ProposalRecord proposal_record(std::int64_t id, ports::ProposalRecord const& row, TimelineFacts const& facts) {
    report::ProposalRecord p;
    p.id = id;
    p.action = row.action;
    p.level = row.level.value_or("");
    p.status = row.status;
    p.consulted_at = row.consulted_at;
    p.created_at = row.created_at;
    p.form_due_at = row.form_due_at;
    p.approval_due_at = row.approval_due_at;
    if (p.status == "approved") p.signed_at = row.decided_at;
    p.distribution_due_at = row.distribution_due_at;
    p.start_at = row.start_at;
    if (auto it = facts.distributed.find(id); it != facts.distributed.end()) p.distributed_at = it->second;
    if (auto it = facts.effective.find(id); it != facts.effective.end()) p.effective_at = it->second;
    auto const checks = json::parse(row.checks);
    if (auto const d = checks.find("deviation"); d != checks.end()) {
        p.deviates = true;
        p.recommended_level = d->at("recommended_level").is_null() ? "" : d->at("recommended_level").get<std::string>();
        p.justification = d->value("justification", "");
    }
    return p;
}

// What the batch's transition did: issue, upgrade, downgrade or lift (termination notices).
std::string batch_kind(plans::Plan const& plan, ports::BatchRecord const& b) {
    if (b.kind == "termination") return "lift";
    if (!b.previous_level) return "issue";
    auto const to = plan.rank(b.level.value_or("")), from = plan.rank(*b.previous_level);
    return to && from && *to < *from ? "downgrade" : "upgrade";
}

report::OrderBatchRecord batch_record(plans::Plan const& plan, ports::BatchRecord const& b) {
    return {b.id, batch_kind(plan, b), b.level.value_or(""), b.issued_at, b.effective_from, b.ack_due_at,
            b.execution_due_at, static_cast<int>(b.count), static_cast<int>(b.terminations),
            {{"SO2", b.planned[0]}, {"NOx", b.planned[1]}, {"PM", b.planned[2]}, {"VOCs", b.planned[3]}}};
}

}  // namespace

// Reads the episode into `in` on one snapshot, all but its orders, then hands its orders to
// `orders` by order id (a report need not hold them: 100,000 records cost more than the report).
void ReportsService::read_episode(std::int64_t episode, bool unacknowledged_only, report::EvaluationInput& in,
                                  OrderConsumer const& orders) {
    transactions_.read_alone([&](ports::Store& store) {
        auto& records = store.evaluation();
        auto const e = store.episodes().find(episode);
        if (!e) not_found("episode " + std::to_string(episode));
        in.episode_id = episode;
        in.opened_at = e->opened_at;
        in.closed_at = e->closed_at;
        in.plan_version = e->plan_version;
        in.rule_set = e->rule_set;
        in.drill = e->drill;
        in.peak_level = e->peak_level;
        in.list_version = e->list_version;
        auto facts = read_timeline(records.timeline(episode), in);
        for (auto const id : facts.proposals) {
            auto const row = store.proposals().find(id);
            if (!row) continue;
            if (row->forecast_id) facts.forecasts.insert(*row->forecast_id);
            if (row->directive_id) facts.directives.insert(*row->directive_id);
            in.proposals.push_back(proposal_record(id, *row, facts));
        }
        for (auto const id : facts.forecasts)
            if (auto const f = store.forecasts().find(id))
                in.forecasts.push_back({id, forecast_from_json(json::parse(f->body), views_.offset_minutes)});
        std::sort(in.forecasts.begin(), in.forecasts.end(), [](auto const& a, auto const& b) {
            return std::tie(a.forecast.issued_at, a.id) < std::tie(b.forecast.issued_at, b.id);
        });
        for (auto const id : facts.directives)
            if (auto d = records.directive(id)) in.directives.push_back(std::move(*d));
        for (auto const& b : store.progress().batches(episode)) in.batches.push_back(batch_record(views_.plan, b));
        Instant first = in.opened_at;
        Instant last = in.closed_at.value_or(in.opened_at);
        for (auto const& t : in.timeline) {
            first = std::min(first, t.at);
            if (!in.closed_at) last = std::max(last, t.at);
        }
        int const offset = views_.offset_minutes;
        Instant const from = engine::local_midnight(first, offset);
        Instant const end_day = engine::local_midnight(last - 1, offset) + engine::kDay;  // midnight at or after `last`
        for (auto& o : records.observations(from, end_day + kTrailingDays * engine::kDay)) {
            if (o.hourly) in.hourly.push_back({o.at, o.aqi, o.pm25, std::move(o.primary_pollutant)});
            else
                in.daily.push_back({engine::format_local_date(o.at, offset), o.at, o.aqi, o.pm25,
                                    std::move(o.primary_pollutant)});
            if (o.revision > 1) ++in.observation_corrections;
        }
        orders.begin(in);
        std::unordered_map<std::int64_t, Instant> superseded_at;
        for (auto const& [id, at] : records.superseded(episode)) superseded_at.emplace(id, at);
        records.orders(episode, in.plan_version, unacknowledged_only, [&](ports::EvaluationOrder& row) {
            auto& o = row.record;
            if (auto it = superseded_at.find(o.order_id); it != superseded_at.end()) o.superseded_at = it->second;
            if (row.enterprise_entry) {
                auto baseline = stored_baseline(*row.enterprise_entry);
                o.baseline_t_per_day = std::move(baseline.t_per_day);
                o.baseline_kwh_per_day = baseline.kwh_per_day;
            }
            orders.add(o);
        });
    });
}

report::EvaluationInput ReportsService::evaluation_input(std::int64_t episode, bool unacknowledged_only) {
    report::EvaluationInput in;
    read_episode(episode, unacknowledged_only, in,
                 {[](report::EvaluationInput&) {}, [&in](report::OrderRecord& o) { in.orders.push_back(std::move(o)); }});
    return in;
}

template <class Builder, class Finish>
auto ReportsService::built(std::int64_t episode, Finish finish) {
    report::EvaluationInput in;
    std::optional<Builder> builder;
    read_episode(episode, false, in,
                 {[&](report::EvaluationInput& all_but_orders) { builder.emplace(views_.plan, all_but_orders); },
                  [&](report::OrderRecord& o) { builder->add(o); }});
    return finish(*builder);
}

json ReportsService::episode_report(std::int64_t episode) {
    return built<report::ReportBuilder>(episode, [](report::ReportBuilder const& b) { return b.build(); });
}

json ReportsService::never_acknowledged(std::int64_t episode, std::size_t page, std::size_t limit) {
    return report::never_acknowledged_page(views_.plan, evaluation_input(episode, true), (page - 1) * limit, limit);
}

std::string ReportsService::episode_report_html(std::int64_t episode) {
    return templates::render_report_html(views_.plan, episode_report(episode));
}

std::string ReportsService::episode_report_csv(std::int64_t episode) {
    return built<report::CsvBuilder>(episode, [](report::CsvBuilder& b) { return b.take(); });
}

}  // namespace hazeguard::service
