// An episode's progress: batches, and the current batch's running tallies folded into every
// dimension; overdue follows from the batch's deadlines.
#include "engine/service/progress/progress_service.hpp"

#include "engine/service/error.hpp"

namespace hazeguard::service {

EpisodeProgress ProgressService::episode_progress(std::int64_t episode) {
    EpisodeProgress out;
    out.episode = episode;
    out.now = clock_.now();
    std::vector<ports::OrderCount> counts;
    transactions_.read([&](ports::Store& store) {
        if (!store.orders().episode_exists(episode)) not_found("episode " + std::to_string(episode));
        out.batches = store.progress().batches(episode);
        if (out.batches.empty()) return;
        counts = store.progress().counts(out.batches.back().id);
        out.escalations = store.progress().escalations(out.batches.back().id);
        out.reached = store.progress().reached(out.batches.back().id);
    });
    if (out.batches.empty()) return out;
    auto const& current = out.batches.back();
    bool const ack_overdue = current.ack_due_at && out.now > *current.ack_due_at;
    bool const exec_overdue = current.execution_due_at && out.now > *current.execution_due_at;
    for (auto const& c : counts) {
        for (ProgressTally* tally : {&out.counts, &out.by_district[c.district], &out.by_industry[c.industry],
                                     &out.by_grade[c.grade]}) {
            tally->total += c.total;
            tally->sent += c.total - c.acknowledged;
            tally->acknowledged += c.acknowledged - c.executed;
            tally->executed += c.executed;
            tally->acknowledged_late += c.acknowledged_late;
            if (ack_overdue) tally->ack_overdue += c.total - c.acknowledged;
            if (exec_overdue && !c.termination) tally->execution_overdue += c.total - c.executed;
        }
    }
    return out;
}

}  // namespace hazeguard::service
