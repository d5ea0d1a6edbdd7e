#include "engine/report/detail/order_tally.hpp"

#include "engine/report/detail/order_status.hpp"

namespace hazeguard::engine::report::detail {

void OrderTally::add(OrderRecord const& order) {
    if (order.termination) {
        ++terminations;
        return;
    }
    ++orders;
    switch (ack_status(order)) {
        case AckStatus::on_time: ++acknowledged_on_time; break;
        case AckStatus::late: ++acknowledged_late; break;
        case AckStatus::never: ++never_acknowledged; break;
        case AckStatus::superseded: ++superseded_unacknowledged; break;
    }
    switch (execution_status(order)) {
        case ExecutionStatus::on_time: ++executed_on_time; break;
        case ExecutionStatus::late: ++executed_late; break;
        case ExecutionStatus::missing: ++execution_missing; break;
        case ExecutionStatus::superseded: ++execution_superseded; break;
    }
    if (order.reminded_at) ++reminded;
    if (order.escalated_at) ++escalated;
}

void OrderTally::write(json& out) const {
    out["orders"] = orders;
    out["terminations"] = terminations;
    out["acknowledged_on_time"] = acknowledged_on_time;
    out["acknowledged_late"] = acknowledged_late;
    out["never_acknowledged"] = never_acknowledged;
    out["superseded_unacknowledged"] = superseded_unacknowledged;
    out["executed_on_time"] = executed_on_time;
    out["executed_late"] = executed_late;
    out["execution_missing"] = execution_missing;
    out["execution_superseded"] = execution_superseded;
    out["reminded"] = reminded;
    out["escalated"] = escalated;
}

}  // namespace hazeguard::engine::report::detail
