#include "engine/report/detail/order_status.hpp"

namespace hazeguard::engine::report::detail {
namespace {

bool at_or_before(Instant at, std::optional<Instant> due) { return !due || at <= *due; }

bool replaced_by(OrderRecord const& order, std::optional<Instant> due) {
    return order.superseded_at && at_or_before(*order.superseded_at, due);
}

}  // namespace

AckStatus ack_status(OrderRecord const& order) {
    if (order.ack_at) return at_or_before(*order.ack_at, order.ack_due_at) ? AckStatus::on_time : AckStatus::late;
    return replaced_by(order, order.ack_due_at) ? AckStatus::superseded : AckStatus::never;
}

ExecutionStatus execution_status(OrderRecord const& order) {
    if (order.executed_at)
        return at_or_before(*order.executed_at, order.execution_due_at) ? ExecutionStatus::on_time
                                                                        : ExecutionStatus::late;
    return replaced_by(order, order.execution_due_at) ? ExecutionStatus::superseded : ExecutionStatus::missing;
}

std::string_view name(AckStatus status) {
    switch (status) {
        case AckStatus::on_time: return "on_time";
        case AckStatus::late: return "late";
        case AckStatus::never: return "never";
        case AckStatus::superseded: return "superseded";
    }
    return "";
}

std::string_view name(ExecutionStatus status) {
    switch (status) {
        case ExecutionStatus::on_time: return "on_time";
        case ExecutionStatus::late: return "late";
        case ExecutionStatus::missing: return "missing";
        case ExecutionStatus::superseded: return "superseded";
    }
    return "";
}

std::optional<std::int64_t> ack_minutes(OrderRecord const& order) {
    if (!order.ack_at) return std::nullopt;
    Instant const seconds = *order.ack_at - order.issued_at;
    if (seconds <= 0) return 0;
    return (seconds + 59) / 60;
}

}  // namespace hazeguard::engine::report::detail
