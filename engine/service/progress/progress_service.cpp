// An episode's progress: batches, and the current batch's running tallies folded into every
// dimension; overdue follows from the batch's deadlines.
#include "engine/service/progress/progress_service.hpp"

#include <map>

#include "engine/service/error.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {

struct Tally {
    std::int64_t total = 0, sent = 0, acknowledged = 0, executed = 0, ack_overdue = 0, execution_overdue = 0,
                 acknowledged_late = 0;
    json to_json() const {
        return {{"total", total},         {"sent", sent},
                {"acknowledged", acknowledged}, {"executed", executed},
                {"ack_overdue", ack_overdue},   {"execution_overdue", execution_overdue},
                {"acknowledged_late", acknowledged_late}};
    }
};

json batch_view(ViewContext const& views, ports::BatchRecord const& b) {
    auto text_or_null = [](std::optional<std::string> const& s) { return s ? json(*s) : json(nullptr); };
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

json fold(std::map<std::string, Tally> const& m) {
    json j = json::object();
    for (auto const& [k, v] : m) j[k] = v.to_json();
    return j;
}

}  // namespace

json ProgressService::episode_progress(std::int64_t episode) {
    Instant const t = clock_.now();
    json out{{"episode_id", episode}, {"now", views_.local(t)}, {"batches", json::array()}, {"current_batch", nullptr}};
    std::vector<ports::BatchRecord> batches;
    std::vector<ports::OrderCount> counts;
    std::vector<ports::Escalation> escalations;
    std::int64_t reached = 0;
    transactions_.read([&](ports::Store& store) {
        if (!store.orders().episode_exists(episode)) not_found("episode " + std::to_string(episode));
        batches = store.progress().batches(episode);
        if (batches.empty()) return;
        counts = store.progress().counts(batches.back().id);
        escalations = store.progress().escalations(batches.back().id);
        reached = store.progress().reached(batches.back().id);
    });
    for (auto const& b : batches) out["batches"].push_back(batch_view(views_, b));
    if (batches.empty()) return out;
    auto const& current = batches.back();
    out["current_batch"] = current.id;
    bool const ack_overdue = current.ack_due_at && t > *current.ack_due_at;
    bool const exec_overdue = current.execution_due_at && t > *current.execution_due_at;
    Tally all;
    std::map<std::string, Tally> by_district, by_industry, by_grade;
    for (auto const& c : counts) {
        for (Tally* tally : {&all, &by_district[c.district], &by_industry[c.industry], &by_grade[c.grade]}) {
            tally->total += c.total;
            tally->sent += c.total - c.acknowledged;
            tally->acknowledged += c.acknowledged - c.executed;
            tally->executed += c.executed;
            tally->acknowledged_late += c.acknowledged_late;
            if (ack_overdue) tally->ack_overdue += c.total - c.acknowledged;
            if (exec_overdue && !c.termination) tally->execution_overdue += c.total - c.executed;
        }
    }
    out["counts"] = all.to_json();
    // Beside "not acknowledged" (counts.sent): the orders no channel has delivered yet (a text
    // message without its receipt, a webhook not answered, or a plant with no channel at all).
    out["delivery"] = {{"reached", reached}, {"not_yet_delivered", all.total - reached}};
    out["by_district"] = fold(by_district);
    out["by_industry"] = fold(by_industry);
    out["by_grade"] = fold(by_grade);
    out["escalations"] = json::array();
    for (auto const& e : escalations)
        out["escalations"].push_back(
            {{"district", e.district}, {"kind", e.kind}, {"count", e.count}, {"at", views_.local(e.at)}});
    if (current.level)
        out["reduction_plan"] = reduction_summary_(current.list_version, *current.level, current.count, current.planned);
    return out;
}

}  // namespace hazeguard::service
