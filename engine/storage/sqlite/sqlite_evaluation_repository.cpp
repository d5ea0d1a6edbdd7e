#include "engine/storage/sqlite/sqlite_evaluation_repository.hpp"

#include "engine/storage/sqlite/columns.hpp"
#include "engine/storage/sqlite/sqlite_report_orders.hpp"

namespace hazeguard::storage {
using engine::Instant;


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
    walk_report_orders(st_, episode, plan_version, unacknowledged_only, each);
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
