#include "engine/storage/sqlite/sqlite_progress_repository.hpp"

#include "engine/storage/database.hpp"
#include "engine/storage/sqlite/columns.hpp"
#include "engine/storage/timeline_store.hpp"

namespace hazeguard::storage {

std::vector<ports::BatchRecord> SqliteProgressRepository::batches(std::int64_t episode) {
    auto& q = st_.get("SELECT id, kind, level, previous_level, cause, issued_at, effective_from, ack_due_at, "
                      "execution_due_at, count, terminations, so2, nox, pm, vocs, list_version FROM order_batches "
                      "WHERE episode_id = ? ORDER BY id");
    q.bind(1, episode);
    std::vector<ports::BatchRecord> out;
    while (q.executeStep()) {
        ports::BatchRecord b;
        b.id = q.getColumn(0).getInt64();
        b.kind = q.getColumn(1).getString();
        b.level = optional_text(q.getColumn(2));
        b.previous_level = optional_text(q.getColumn(3));
        b.cause = q.getColumn(4).getString();
        b.issued_at = q.getColumn(5).getInt64();
        b.effective_from = q.getColumn(6).getInt64();
        b.ack_due_at = optional_int(q.getColumn(7));
        b.execution_due_at = optional_int(q.getColumn(8));
        b.count = q.getColumn(9).getInt64();
        b.terminations = q.getColumn(10).getInt64();
        for (int i = 0; i < 4; ++i) b.planned[static_cast<std::size_t>(i)] = q.getColumn(11 + i).getDouble();
        b.list_version = q.getColumn(15).getInt64();
        out.push_back(std::move(b));
    }
    return out;
}

std::vector<ports::OrderCount> SqliteProgressRepository::counts(std::int64_t batch) {
    auto& q = st_.get("SELECT district, industry, grade, kind, total, acknowledged, executed, acknowledged_late "
                      "FROM order_counts WHERE batch_id = ?");
    q.bind(1, batch);
    std::vector<ports::OrderCount> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getInt() != 0, q.getColumn(4).getInt64(), q.getColumn(5).getInt64(),
                       q.getColumn(6).getInt64(), q.getColumn(7).getInt64()});
    return out;
}

std::vector<ports::Escalation> SqliteProgressRepository::escalations(std::int64_t batch) {
    auto& q = st_.get("SELECT district, kind, count, at FROM escalations WHERE batch_id = ? ORDER BY id");
    q.bind(1, batch);
    std::vector<ports::Escalation> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                       q.getColumn(3).getInt64()});
    return out;
}

bool SqliteOperationsRepository::schema_current() {
    auto& q = st_.get("PRAGMA user_version");
    q.executeStep();
    bool const current = q.getColumn(0).getInt() == schema_version();
    q.reset();
    return current;
}

std::int64_t SqliteOperationsRepository::timers_pending() {
    auto& q = st_.get("SELECT count(*) FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL");
    q.executeStep();
    auto const pending = q.getColumn(0).getInt64();
    q.reset();
    return pending;
}

ports::OpenBatchTally SqliteOperationsRepository::open_batch_tally() {
    auto& q = st_.get("SELECT total(c.total), total(c.acknowledged), total(c.executed) FROM order_counts c "
                      "WHERE c.batch_id = (SELECT max(b.id) FROM order_batches b JOIN episodes e ON "
                      "e.id = b.episode_id WHERE e.closed_at IS NULL)");
    q.executeStep();
    ports::OpenBatchTally t{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()};
    q.reset();
    return t;
}

std::pair<std::int64_t, std::string> SqliteOperationsRepository::timeline_head() {
    return storage::timeline_head(st_.db());
}

std::int64_t SqliteProgressRepository::reached(std::int64_t batch) {
    // Kept by OrderRepository::mark_reached in the transaction that settles the delivery.
    auto& q = st_.get("SELECT total(reached) FROM order_counts WHERE batch_id = ?");
    q.bind(1, batch);
    q.executeStep();
    auto const n = q.getColumn(0).getInt64();
    q.reset();
    return n;
}

}  // namespace hazeguard::storage
