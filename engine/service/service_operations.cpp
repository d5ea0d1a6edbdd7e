// What an operator's tools read of the service: the gauges behind /metrics, and every group commit.
#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/service/service.hpp"
#include "engine/storage/group_commit.hpp"

namespace hazeguard::service {

OperationalSnapshot Service::operational_snapshot() {
    OperationalSnapshot out;
    auto lock = read_lock();
    auto& db = conn();
    out.timers_pending =
        db.execAndGet("SELECT count(*) FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL").getInt64();
    // The open episode's latest batch, from the running tallies (a few hundred rows, never the orders).
    SQLite::Statement q(db, "SELECT total(c.total), total(c.acknowledged), total(c.executed) FROM order_counts c "
                            "WHERE c.batch_id = (SELECT max(b.id) FROM order_batches b JOIN episodes e ON "
                            "e.id = b.episode_id WHERE e.closed_at IS NULL)");
    q.executeStep();
    auto const total = q.getColumn(0).getInt64(), acknowledged = q.getColumn(1).getInt64(),
               executed = q.getColumn(2).getInt64();
    out.orders_by_status = {{"sent", total - acknowledged}, {"acknowledged", acknowledged - executed}, {"executed", executed}};
    return out;
}

void Service::observe_commits(CommitObserver observer) { committer_->observe(std::move(observer)); }

}  // namespace hazeguard::service
