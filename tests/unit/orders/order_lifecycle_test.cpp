// The order lifecycle (engine/orders/order_lifecycle.hpp): every decision for every kind, status
// and currency of an order, and the batch rule that supersedes and terminates.
#include <catch2/catch.hpp>

#include "engine/orders/order_lifecycle.hpp"

using namespace hazeguard::engine;

namespace {
OrderFacts facts(OrderKind kind, OrderStatus status, bool current) { return {kind, status, current}; }
}  // namespace

TEST_CASE("kinds and statuses have stable names and stored integers", "[orders][lifecycle]") {
    CHECK(to_string(OrderKind::order) == "order");
    CHECK(to_string(OrderKind::termination) == "termination");
    CHECK(to_string(OrderStatus::sent) == "sent");
    CHECK(to_string(OrderStatus::acknowledged) == "acknowledged");
    CHECK(to_string(OrderStatus::executed) == "executed");
    CHECK(order_status_named("acknowledged") == OrderStatus::acknowledged);
    CHECK_FALSE(order_status_named("Acknowledged"));
    CHECK_FALSE(order_status_named(""));
    CHECK(order_kind_from(0) == OrderKind::order);
    CHECK(order_kind_from(1) == OrderKind::termination);
    CHECK_FALSE(order_kind_from(2));
    CHECK(order_status_from(2) == OrderStatus::executed);
    CHECK_FALSE(order_status_from(3));
    CHECK_FALSE(order_status_from(-1));
    CHECK(static_cast<int>(OrderStatus::acknowledged) == 1);   // the migrations' encoding
    CHECK(static_cast<int>(OrderKind::termination) == 1);
}

TEST_CASE("an acknowledgement is recorded once, on the current order only", "[orders][lifecycle]") {
    for (auto kind : {OrderKind::order, OrderKind::termination}) {
        CAPTURE(to_string(kind));
        CHECK(decide_acknowledgement(facts(kind, OrderStatus::sent, true)) == AckDecision::record);
        CHECK(decide_acknowledgement(facts(kind, OrderStatus::sent, false)) == AckDecision::superseded);
        // A repeated acknowledgement answers with the first, even after the order was superseded.
        CHECK(decide_acknowledgement(facts(kind, OrderStatus::acknowledged, true)) == AckDecision::repeat);
        CHECK(decide_acknowledgement(facts(kind, OrderStatus::acknowledged, false)) == AckDecision::repeat);
        CHECK(decide_acknowledgement(facts(kind, OrderStatus::executed, true)) == AckDecision::repeat);
    }
}

TEST_CASE("an execution report needs a current, acknowledged order", "[orders][lifecycle]") {
    using D = ExecutionDecision;
    CHECK(decide_execution_report(facts(OrderKind::order, OrderStatus::acknowledged, true)) == D::record_first);
    CHECK(decide_execution_report(facts(OrderKind::order, OrderStatus::executed, true)) == D::record_again);
    CHECK(decide_execution_report(facts(OrderKind::order, OrderStatus::sent, true)) == D::not_acknowledged);
    CHECK(decide_execution_report(facts(OrderKind::termination, OrderStatus::acknowledged, true)) == D::not_an_order);
    CHECK(decide_execution_report(facts(OrderKind::termination, OrderStatus::sent, true)) == D::not_an_order);
    // Superseded is said first: the plant is pointed at the order it must act on.
    for (auto kind : {OrderKind::order, OrderKind::termination})
        for (auto status : {OrderStatus::sent, OrderStatus::acknowledged, OrderStatus::executed})
            CHECK(decide_execution_report(facts(kind, status, false)) == D::superseded);
}

TEST_CASE("an order is in force until its replacement takes effect", "[orders][lifecycle]") {
    Instant const start = 2'000'000;
    CHECK(in_force(std::nullopt, start));        // the newest order
    CHECK(in_force(start, start - 1));           // replaced ahead of its start: still in force before it
    CHECK_FALSE(in_force(start, start));         // from the replacement's start, superseded
    CHECK_FALSE(in_force(start - 3600, start));  // replaced at once
}

TEST_CASE("lateness: strictly after the deadline, never without one", "[orders][lifecycle]") {
    Instant const due = 1'000'000;
    CHECK_FALSE(is_late(due, due));
    CHECK_FALSE(is_late(due - 1, due));
    CHECK(is_late(due + 1, due));
    CHECK_FALSE(is_late(due + 86'400, std::nullopt));
}

TEST_CASE("a new batch gives each plant an order, a termination or nothing", "[orders][lifecycle]") {
    CHECK(entry_in_new_batch(std::nullopt, true) == BatchEntry::order);
    CHECK(entry_in_new_batch(OrderKind::order, true) == BatchEntry::order);         // superseding
    CHECK(entry_in_new_batch(OrderKind::termination, true) == BatchEntry::order);   // back on the list
    CHECK(entry_in_new_batch(OrderKind::order, false) == BatchEntry::termination);
    CHECK(entry_in_new_batch(OrderKind::termination, false) == BatchEntry::none);   // told once
    CHECK(entry_in_new_batch(std::nullopt, false) == BatchEntry::none);
    CHECK(deadlines_bind(true));
    CHECK_FALSE(deadlines_bind(false));
}
