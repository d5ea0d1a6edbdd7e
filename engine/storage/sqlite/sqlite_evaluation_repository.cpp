#include "engine/storage/sqlite/sqlite_evaluation_repository.hpp"

#include "engine/storage/sqlite/columns.hpp"

namespace hazeguard::storage {
using engine::Instant;

namespace {

engine::report::Tonnes tonnes(SQLite::Statement& q, int first) {
    return {{"SO2", q.getColumn(first).getDouble()}, {"NOx", q.getColumn(first + 1).getDouble()},
            {"PM", q.getColumn(first + 2).getDouble()}, {"VOCs", q.getColumn(first + 3).getDouble()}};
}

// One row per order with its plant, its batch's deadlines and its planned reductions, in one
// pass: the episode's batches first, then each batch's orders through orders_batch (no sort: the
// report orders them itself). Only a metered plant's order (an execution report with kWh
// readings) carries its list entry: its baselines come from there.
constexpr char const* kOrders =
    "SELECT x.*, CASE WHEN x.kwh IS NOT NULL THEN (SELECT body FROM enterprise_bodies eb "
    "WHERE eb.list_version = x.list_version AND eb.id = x.enterprise_id) END FROM ("
    "SELECT o.id, o.batch_id, o.kind, e.credit_code, e.name, e.district, e.industry, e.grade, b.level, "
    "b.issued_at, b.ack_due_at, o.ack_at, b.execution_due_at, o.executed_at, o.reminded_at, o.escalated_at, "
    "l.so2, l.nox, l.pm, l.vocs, b.list_version AS list_version, o.enterprise_id AS enterprise_id, "
    "CASE WHEN o.execution IS NOT NULL THEN (SELECT sum(json_extract(r.value, '$.kwh')) "
    "FROM json_each(o.execution, '$.electricity') r) END AS kwh "
    "FROM order_batches b CROSS JOIN orders o ON o.batch_id = b.id "
    "JOIN enterprises e ON e.list_version = b.list_version AND e.id = o.enterprise_id "
    "LEFT JOIN enterprise_levels l ON l.list_version = b.list_version AND l.plan_version = ? "
    "AND l.level = b.level AND l.enterprise_id = o.enterprise_id "
    "WHERE b.episode_id = ? AND (? = 0 OR (o.kind = 0 AND o.ack_at IS NULL))) x";

void read_order(SQLite::Statement& q, ports::EvaluationOrder& row) {
    auto& o = row.record;
    o = {};
    o.order_id = q.getColumn(0).getInt64();
    o.batch_id = q.getColumn(1).getInt64();
    o.termination = q.getColumn(2).getInt() == 1;
    o.credit_code = q.getColumn(3).getString();
    o.name = q.getColumn(4).getString();
    o.district = q.getColumn(5).getString();
    o.industry = q.getColumn(6).getString();
    o.grade = q.getColumn(7).getString();
    o.level = optional_text(q.getColumn(8)).value_or("");
    o.issued_at = q.getColumn(9).getInt64();
    if (!o.termination) {
        o.ack_due_at = optional_int(q.getColumn(10));
        o.execution_due_at = optional_int(q.getColumn(12));
    }
    o.ack_at = optional_int(q.getColumn(11));
    o.executed_at = optional_int(q.getColumn(13));
    o.reminded_at = optional_int(q.getColumn(14));
    o.escalated_at = optional_int(q.getColumn(15));
    if (!q.getColumn(16).isNull()) o.planned_t_per_day = tonnes(q, 16);
    if (!q.getColumn(22).isNull()) o.reported_kwh_per_day = q.getColumn(22).getDouble();
    row.enterprise_entry = optional_text(q.getColumn(23));
}

}  // namespace

std::vector<ports::TimelineRow> SqliteEvaluationRepository::timeline(std::int64_t episode) {
    auto& q = st_.get("SELECT id, at, kind, ref, actor, summary_cn, detail FROM episode_timeline WHERE episode = ? "
                      "ORDER BY at, id");
    q.bind(1, episode);
    std::vector<ports::TimelineRow> out;
    while (q.executeStep())
        out.push_back({{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                        q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()},
                       q.getColumn(6).getString()});
    return out;
}

std::optional<engine::report::DirectiveRecord> SqliteEvaluationRepository::directive(std::int64_t id) {
    auto& q = st_.get("SELECT issuer, level, reference, created_at, start_at, end_at FROM directives WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    engine::report::DirectiveRecord d{id,
                                      q.getColumn(0).getString(),
                                      q.getColumn(1).getString(),
                                      q.getColumn(2).getString(),
                                      q.getColumn(3).getInt64(),
                                      q.getColumn(4).getInt64(),
                                      optional_int(q.getColumn(5))};
    q.reset();
    return d;
}

std::vector<std::pair<std::int64_t, Instant>> SqliteEvaluationRepository::superseded(std::int64_t episode) {
    auto& q = st_.get("SELECT o.supersedes, b.issued_at FROM orders o JOIN order_batches b ON b.id = o.batch_id "
                      "WHERE b.episode_id = ? AND o.supersedes IS NOT NULL");
    q.bind(1, episode);
    std::vector<std::pair<std::int64_t, Instant>> out;
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
    return out;
}

void SqliteEvaluationRepository::orders(std::int64_t episode, std::string const& plan_version,
                                        bool unacknowledged_only, std::function<void(ports::EvaluationOrder&)> const& each) {
    auto& q = st_.get(kOrders);
    q.bind(1, plan_version);
    q.bind(2, episode);
    q.bind(3, unacknowledged_only ? 1 : 0);
    ports::EvaluationOrder row;
    while (q.executeStep()) {
        read_order(q, row);
        each(row);
    }
}

std::vector<ports::ObservationRow> SqliteEvaluationRepository::observations(Instant from, Instant to) {
    auto& q = st_.get("SELECT granularity, at, aqi, pm25, primary_pollutant, revision FROM observations "
                      "WHERE at >= ? AND at < ? ORDER BY granularity, at");
    q.bind(1, from);
    q.bind(2, to);
    std::vector<ports::ObservationRow> out;
    while (q.executeStep()) {
        std::optional<double> const pm =
            q.getColumn(3).isNull() ? std::nullopt : std::optional<double>(q.getColumn(3).getDouble());
        out.push_back({q.getColumn(0).getString() == "hour", q.getColumn(1).getInt64(), q.getColumn(2).getInt(), pm,
                       q.getColumn(4).getString(), q.getColumn(5).getInt()});
    }
    return out;
}

}  // namespace hazeguard::storage
