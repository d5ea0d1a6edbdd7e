// GET /v1/episodes/{id}/report: gathers what hazeguard recorded about one episode into an
// EvaluationInput (read-only), then hands it to the pure report functions (engine/report/).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "engine/report/evaluation_report.hpp"
#include "engine/service/forecasts/forecast_codec.hpp"
#include "engine/service/error.hpp"
#include "engine/service/service.hpp"
#include "templates/report_html.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;
namespace report = engine::report;

namespace {

/// Observations this many days after the warning ended still belong to the report.
constexpr Instant kTrailingDays = 2;

std::optional<Instant> opt(SQLite::Column const& c) {
    return c.isNull() ? std::nullopt : std::optional<Instant>(c.getInt64());
}

std::int64_t ref_id(std::string const& ref) { return std::stoll(ref.substr(ref.find(':') + 1)); }

}  // namespace

// What the batch's transition did: issue, upgrade, downgrade or lift (termination notices).
std::string Service::batch_kind(SQLite::Statement& q) const {
    if (q.getColumn(1).getString() == "termination") return "lift";
    if (q.getColumn(13).isNull()) return "issue";
    auto const to = plan_.rank(q.getColumn(2).getString()), from = plan_.rank(q.getColumn(13).getString());
    return to && from && *to < *from ? "downgrade" : "upgrade";
}

report::EvaluationInput Service::evaluation_input(std::int64_t episode) {
    report::EvaluationInput in;
    auto& db = conn();
    {
        SQLite::Statement q(db, "SELECT opened_at, closed_at, plan_version, rule_set, drill, peak_level, list_version "
                                "FROM episodes WHERE id = ?");
        q.bind(1, episode);
        if (!q.executeStep()) not_found("episode " + std::to_string(episode));
        in.episode_id = episode;
        in.opened_at = q.getColumn(0).getInt64();
        in.closed_at = opt(q.getColumn(1));
        in.plan_version = q.getColumn(2).getString();
        in.rule_set = q.getColumn(3).getString();
        in.drill = q.getColumn(4).getInt() == 1;
        in.peak_level = q.getColumn(5).getString();
        if (!q.getColumn(6).isNull()) in.list_version = q.getColumn(6).getInt64();
    }
    std::set<std::int64_t> forecast_ids, proposal_ids, directive_ids;
    std::unordered_map<std::int64_t, Instant> distributed, effective;
    {
        SQLite::Statement q(db, "SELECT id, at, kind, ref, actor, summary_cn, detail FROM episode_timeline WHERE episode = ? "
                                "ORDER BY at, id");
        q.bind(1, episode);
        while (q.executeStep()) {
            report::TimelineEntry t{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                                    q.getColumn(3).getString(), q.getColumn(4).getString(),
                                    q.getColumn(5).getString()};
            if (t.ref.rfind("forecast:", 0) == 0) forecast_ids.insert(ref_id(t.ref));
            if (t.ref.rfind("proposal:", 0) == 0) proposal_ids.insert(ref_id(t.ref));
            if (t.ref.rfind("directive:", 0) == 0) directive_ids.insert(ref_id(t.ref));
            if (t.kind == "distribution") distributed.emplace(ref_id(t.ref), t.at);
            if (t.kind == "transition") {
                auto const detail = json::parse(q.getColumn(6).getString());
                auto const cause = detail.value("cause", t.ref);
                if (cause.rfind("proposal:", 0) == 0) effective.emplace(ref_id(cause), t.at);
                if (in.levels.size() && !in.levels.back().to) in.levels.back().to = t.at;
                if (detail.contains("to") && detail.at("to").is_string())
                    in.levels.push_back({detail.at("to").get<std::string>(), t.at, std::nullopt, cause});
            }
            in.timeline.push_back(std::move(t));
        }
    }
    for (auto const id : proposal_ids) {
        SQLite::Statement q(db, "SELECT action, level, status, consulted_at, created_at, form_due_at, approval_due_at, "
                                "decided_at, distribution_due_at, start_at, forecast_id, directive_id FROM proposals "
                                "WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep()) continue;
        report::ProposalRecord p;
        p.id = id;
        p.action = q.getColumn(0).getString();
        p.level = q.getColumn(1).isNull() ? "" : q.getColumn(1).getString();
        p.status = q.getColumn(2).getString();
        p.consulted_at = q.getColumn(3).getInt64();
        p.created_at = q.getColumn(4).getInt64();
        p.form_due_at = q.getColumn(5).getInt64();
        p.approval_due_at = q.getColumn(6).getInt64();
        if (p.status == "approved") p.signed_at = opt(q.getColumn(7));
        p.distribution_due_at = opt(q.getColumn(8));
        p.start_at = q.getColumn(9).getInt64();
        if (auto it = distributed.find(id); it != distributed.end()) p.distributed_at = it->second;
        if (auto it = effective.find(id); it != effective.end()) p.effective_at = it->second;
        if (!q.getColumn(10).isNull()) forecast_ids.insert(q.getColumn(10).getInt64());
        if (!q.getColumn(11).isNull()) directive_ids.insert(q.getColumn(11).getInt64());
        in.proposals.push_back(std::move(p));
    }
    for (auto const id : forecast_ids) {
        SQLite::Statement q(db, "SELECT body FROM forecasts WHERE id = ?");
        q.bind(1, id);
        if (q.executeStep())
            in.forecasts.push_back({id, forecast_from_json(json::parse(q.getColumn(0).getString()), offset_minutes_)});
    }
    std::sort(in.forecasts.begin(), in.forecasts.end(), [](auto const& a, auto const& b) {
        return std::tie(a.forecast.issued_at, a.id) < std::tie(b.forecast.issued_at, b.id);
    });
    for (auto const id : directive_ids) {
        SQLite::Statement q(db, "SELECT issuer, level, reference, created_at, start_at, end_at FROM directives "
                                "WHERE id = ?");
        q.bind(1, id);
        if (q.executeStep())
            in.directives.push_back({id, q.getColumn(0).getString(), q.getColumn(1).getString(),
                                     q.getColumn(2).getString(), q.getColumn(3).getInt64(), q.getColumn(4).getInt64(),
                                     opt(q.getColumn(5))});
    }
    {
        SQLite::Statement q(db, "SELECT id, kind, level, issued_at, effective_from, ack_due_at, execution_due_at, "
                                "count, terminations, so2, nox, pm, vocs, previous_level FROM order_batches "
                                "WHERE episode_id = ? ORDER BY id");
        q.bind(1, episode);
        while (q.executeStep())
            in.batches.push_back({q.getColumn(0).getInt64(), batch_kind(q), 
                                  q.getColumn(2).isNull() ? "" : q.getColumn(2).getString(), q.getColumn(3).getInt64(),
                                  q.getColumn(4).getInt64(), opt(q.getColumn(5)), opt(q.getColumn(6)),
                                  q.getColumn(7).getInt(), q.getColumn(8).getInt(),
                                  {{"SO2", q.getColumn(9).getDouble()}, {"NOx", q.getColumn(10).getDouble()},
                                   {"PM", q.getColumn(11).getDouble()}, {"VOCs", q.getColumn(12).getDouble()}}});
    }
    std::unordered_map<std::int64_t, Instant> superseded_at;
    {
        SQLite::Statement q(db, "SELECT o.supersedes, b.issued_at FROM orders o JOIN order_batches b ON b.id = o.batch_id "
                                "WHERE b.episode_id = ? AND o.supersedes IS NOT NULL");
        q.bind(1, episode);
        while (q.executeStep()) superseded_at.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
    }
    {
        SQLite::Statement q(
            db, "SELECT o.id, o.batch_id, o.kind, e.credit_code, e.name, e.district, e.industry, e.grade, b.level, "
                "b.issued_at, b.ack_due_at, o.ack_at, b.execution_due_at, o.executed_at, o.reminded_at, o.escalated_at, "
                "l.so2, l.nox, l.pm, l.vocs, b.list_version, o.enterprise_id, "
                "(SELECT sum(json_extract(r.value, '$.kwh')) FROM json_each(o.execution, '$.electricity') r) "
                "FROM order_batches b JOIN orders o ON o.batch_id = b.id "
                "JOIN enterprises e ON e.list_version = b.list_version AND e.id = o.enterprise_id "
                "LEFT JOIN enterprise_levels l ON l.list_version = b.list_version AND l.plan_version = ? "
                "AND l.level = b.level AND l.enterprise_id = o.enterprise_id "
                "WHERE b.episode_id = ? ORDER BY o.batch_id, o.id");
        q.bind(1, in.plan_version);
        q.bind(2, episode);
        SQLite::Statement body(db, "SELECT body FROM enterprise_bodies WHERE list_version = ? AND id = ?");
        while (q.executeStep()) {
            report::OrderRecord o;
            o.order_id = q.getColumn(0).getInt64();
            o.batch_id = q.getColumn(1).getInt64();
            o.termination = q.getColumn(2).getInt() == 1;
            o.credit_code = q.getColumn(3).getString();
            o.name = q.getColumn(4).getString();
            o.district = q.getColumn(5).getString();
            o.industry = q.getColumn(6).getString();
            o.grade = q.getColumn(7).getString();
            o.level = q.getColumn(8).isNull() ? "" : q.getColumn(8).getString();
            o.issued_at = q.getColumn(9).getInt64();
            if (!o.termination) {
                o.ack_due_at = opt(q.getColumn(10));
                o.execution_due_at = opt(q.getColumn(12));
            }
            o.ack_at = opt(q.getColumn(11));
            o.executed_at = opt(q.getColumn(13));
            o.reminded_at = opt(q.getColumn(14));
            o.escalated_at = opt(q.getColumn(15));
            if (auto it = superseded_at.find(o.order_id); it != superseded_at.end()) o.superseded_at = it->second;
            if (!q.getColumn(16).isNull())
                o.planned_t_per_day = {{"SO2", q.getColumn(16).getDouble()}, {"NOx", q.getColumn(17).getDouble()},
                                       {"PM", q.getColumn(18).getDouble()}, {"VOCs", q.getColumn(19).getDouble()}};
            if (!q.getColumn(22).isNull()) {
                // Metered plants only: their baselines come from the list entry.
                o.reported_kwh_per_day = q.getColumn(22).getDouble();
                body.reset();
                body.bind(1, q.getColumn(20).getInt64());
                body.bind(2, q.getColumn(21).getInt64());
                if (body.executeStep()) {
                    auto const e = views_.enterprise(body.getColumn(0).getString());
                    o.baseline_t_per_day = e.baseline_t_per_day();
                    o.baseline_kwh_per_day = e.baseline_kwh_per_day;
                }
            }
            in.orders.push_back(std::move(o));
        }
    }
    Instant first = in.opened_at;
    Instant last = in.closed_at.value_or(in.opened_at);
    for (auto const& t : in.timeline) {
        first = std::min(first, t.at);
        if (!in.closed_at) last = std::max(last, t.at);
    }
    Instant const from = engine::local_midnight(first, offset_minutes_);
    Instant const end_day = engine::local_midnight(last - 1, offset_minutes_) + engine::kDay;  // midnight at or after `last`
    Instant const to = end_day + kTrailingDays * engine::kDay;
    {
        SQLite::Statement q(db, "SELECT granularity, at, aqi, pm25, primary_pollutant, revision FROM observations "
                                "WHERE at >= ? AND at < ? ORDER BY granularity, at");
        q.bind(1, from);
        q.bind(2, to);
        while (q.executeStep()) {
            Instant const at = q.getColumn(1).getInt64();
            std::optional<double> const pm =
                q.getColumn(3).isNull() ? std::nullopt : std::optional<double>(q.getColumn(3).getDouble());
            if (q.getColumn(0).getString() == "hour")
                in.hourly.push_back({at, q.getColumn(2).getInt(), pm, q.getColumn(4).getString()});
            else
                in.daily.push_back({engine::format_local_date(at, offset_minutes_), at, q.getColumn(2).getInt(), pm,
                                    q.getColumn(4).getString()});
            if (q.getColumn(5).getInt() > 1) ++in.observation_corrections;
        }
    }
    return in;
}

json Service::episode_report(std::int64_t episode) {
    auto lock = read_lock();
    return report::build_report(plan_, evaluation_input(episode));
}

std::string Service::episode_report_html(std::int64_t episode) {
    auto lock = read_lock();
    return templates::render_report_html(plan_, report::build_report(plan_, evaluation_input(episode)));
}

std::string Service::episode_report_csv(std::int64_t episode) {
    auto lock = read_lock();
    return report::render_csv(plan_, evaluation_input(episode));
}

}  // namespace hazeguard::service
