#include "engine/orders/order_lifecycle.hpp"

namespace hazeguard::engine {

std::string_view to_string(OrderKind kind) { return kind == OrderKind::order ? "order" : "termination"; }

std::string_view to_string(OrderStatus status) {
    switch (status) {
        case OrderStatus::sent: return "sent";
        case OrderStatus::acknowledged: return "acknowledged";
        case OrderStatus::executed: return "executed";
    }
    return "sent";
}

std::optional<OrderStatus> order_status_named(std::string_view name) {
    for (auto s : {OrderStatus::sent, OrderStatus::acknowledged, OrderStatus::executed})
        if (to_string(s) == name) return s;
    return std::nullopt;
}

std::optional<OrderKind> order_kind_from(int stored) {
    if (stored == 0) return OrderKind::order;
    if (stored == 1) return OrderKind::termination;
    return std::nullopt;
}

std::optional<OrderStatus> order_status_from(int stored) {
    if (stored < 0 || stored > 2) return std::nullopt;
    return static_cast<OrderStatus>(stored);
}

AckDecision decide_acknowledgement(OrderFacts const& order) {
    if (order.status != OrderStatus::sent) return AckDecision::repeat;
    return order.current ? AckDecision::record : AckDecision::superseded;
}

ExecutionDecision decide_execution_report(OrderFacts const& order) {
    if (!order.current) return ExecutionDecision::superseded;
    if (order.kind != OrderKind::order) return ExecutionDecision::not_an_order;
    switch (order.status) {
        case OrderStatus::sent: return ExecutionDecision::not_acknowledged;
        case OrderStatus::acknowledged: return ExecutionDecision::record_first;
        case OrderStatus::executed: return ExecutionDecision::record_again;
    }
    return ExecutionDecision::not_acknowledged;
}

bool in_force(std::optional<Instant> replaced_from, Instant now) { return !replaced_from || now < *replaced_from; }

bool is_late(Instant at, std::optional<Instant> due) { return due && at > *due; }

BatchEntry entry_in_new_batch(std::optional<OrderKind> previous, bool applies_now) {
    if (applies_now) return BatchEntry::order;
    if (previous == OrderKind::order) return BatchEntry::termination;
    return BatchEntry::none;
}

}  // namespace hazeguard::engine
