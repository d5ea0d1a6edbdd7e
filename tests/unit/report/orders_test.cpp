// Orders: acknowledgement and execution outcomes, breakdowns, latency percentiles, curves.

#include <cstdio>

#include "tests/unit/report/report_test_support.hpp"

namespace hazeguard::engine::report::test {
namespace {

EvaluationInput one_batch(std::vector<OrderRecord> orders) {
    auto in = empty_episode();
    in.batches = {batch(1, "issue", "yellow", at(1, 18), day(2))};
    in.orders = std::move(orders);
    return in;
}

TEST_CASE("acknowledgement: the deadline itself is on time and replacement by the deadline is superseded",
          "[report][orders]") {
    auto on_due = order(1, 1, "yellow", at(1, 18));
    on_due.ack_at = at(1, 19);
    auto late = order(2, 1, "yellow", at(1, 18));
    late.ack_at = at(1, 19) + 1;
    auto no_deadline = order(3, 1, "yellow", at(1, 18));
    no_deadline.ack_due_at.reset();
    no_deadline.ack_at = at(3, 0);
    auto replaced_on_due = order(4, 1, "yellow", at(1, 18));
    replaced_on_due.superseded_at = at(1, 19);
    auto replaced_after = order(5, 1, "yellow", at(1, 18));
    replaced_after.superseded_at = at(1, 19) + 1;
    auto const totals = build_report(taiyuan(), one_batch({on_due, late, no_deadline, replaced_on_due, replaced_after}))
                            .at("orders")
                            .at("totals");
    CHECK(totals.at("acknowledged_on_time") == 2);
    CHECK(totals.at("acknowledged_late") == 1);
    CHECK(totals.at("superseded_unacknowledged") == 1);
    CHECK(totals.at("never_acknowledged") == 1);
}

TEST_CASE("execution: reported on time late missing or replaced before the deadline", "[report][orders]") {
    auto on_time = order(1, 1, "yellow", at(1, 18));
    on_time.executed_at = at(2, 18);
    auto late = order(2, 1, "yellow", at(1, 18));
    late.executed_at = at(2, 19);
    auto missing = order(3, 1, "yellow", at(1, 18));
    missing.superseded_at = at(2, 19);
    auto replaced = order(4, 1, "yellow", at(1, 18));
    replaced.superseded_at = at(2, 17);
    auto const totals =
        build_report(taiyuan(), one_batch({on_time, late, missing, replaced})).at("orders").at("totals");
    CHECK(totals.at("executed_on_time") == 1);
    CHECK(totals.at("executed_late") == 1);
    CHECK(totals.at("execution_missing") == 1);
    CHECK(totals.at("execution_superseded") == 1);
}

TEST_CASE("terminations: counted apart and never in acknowledgement statistics", "[report][orders]") {
    auto notice = order(1, 1, "", at(5, 14));
    notice.termination = true;
    notice.ack_due_at.reset();
    auto const o = build_report(taiyuan(), one_batch({notice})).at("orders");
    CHECK(o.at("totals").at("terminations") == 1);
    CHECK(o.at("totals").at("orders") == 0);
    CHECK(o.at("totals").at("never_acknowledged") == 0);
    CHECK(o.at("ack_curve").empty());
    CHECK(o.at("never_acknowledged").empty());
}

TEST_CASE("latency: whole minutes rounded up and nearest-rank percentiles", "[report][orders]") {
    std::vector<OrderRecord> orders;
    for (int i = 1; i <= 10; ++i) {
        auto o = order(i, 1, "yellow", at(1, 18));
        o.ack_at = at(1, 18) + i * 60 - 30;  // 0.5, 1.5, ... 9.5 minutes → 1 … 10
        orders.push_back(o);
    }
    auto const o = build_report(taiyuan(), one_batch(orders)).at("orders");
    CHECK(o.at("ack_latency_minutes") == json({{"count", 10}, {"p50", 5}, {"p90", 9}, {"p99", 10}, {"max", 10}}));
    auto const& points = o.at("ack_curve")[0].at("points");
    REQUIRE(points.size() == 11);
    CHECK(points[1] == json({{"minutes", 1}, {"acknowledged", 1}, {"share", 0.1}}));
    CHECK(points[10] == json({{"minutes", 10}, {"acknowledged", 10}, {"share", 1.0}}));
}

TEST_CASE("breakdowns and the never-acknowledged list are sorted", "[report][orders]") {
    auto a = order(1, 2, "orange", at(2, 15), "91140105MA0TE0008Z", "乙", "小店区", "包装印刷", "C");
    auto b = order(2, 1, "yellow", at(1, 18), "91140110MA0TE0006J", "甲", "晋源区", "铸造", "B");
    auto c = order(3, 1, "yellow", at(1, 18), "91140105MA0TE0007Q", "丙", "小店区", "工业涂装", "C");
    auto in = one_batch({a, b, c});
    in.batches.push_back(batch(2, "upgrade", "orange", at(2, 15), day(3)));
    auto const o = build_report(taiyuan(), in).at("orders");
    std::vector<std::string> never;
    for (auto const& row : o.at("never_acknowledged")) never.push_back(row.at("name").get<std::string>());
    CHECK(never == std::vector<std::string>{"丙", "甲", "乙"});  // batch 1 by credit code, then batch 2
    CHECK(o.at("by_district").size() == 2);
    CHECK(o.at("by_district")[0].at("key") == "小店区");
    CHECK(o.at("by_district")[0].at("orders") == 2);
    CHECK(o.at("by_grade")[0].at("key") == "B");
    CHECK(o.at("by_industry").size() == 3);
}

TEST_CASE("the report lists the first 200 never-acknowledged orders and the pages hold them all", "[report][orders]") {
    std::vector<OrderRecord> orders;
    for (int i = 1; i <= 250; ++i) {  // credit codes in the reverse order of the ids
        char code[32];
        std::snprintf(code, sizeof code, "9114010%011d", 1000 - i);
        orders.push_back(order(i, 1, "yellow", at(1, 18), code));
    }
    auto acknowledged = order(251, 1, "yellow", at(1, 18));
    acknowledged.ack_at = at(1, 18);
    orders.push_back(acknowledged);
    auto const in = one_batch(orders);
    auto const o = build_report(taiyuan(), in).at("orders");
    CHECK(o.at("totals").at("never_acknowledged") == 250);
    REQUIRE(o.at("never_acknowledged").size() == 200);
    CHECK(o.at("never_acknowledged")[0].at("order_id") == 250);
    CHECK(o.at("never_acknowledged")[199].at("order_id") == 51);
    CHECK(o.at("never_acknowledged_all") ==
          json({{"count", 250}, {"listed", 200}, {"href", "/v1/episodes/1/report/unacknowledged"}}));

    auto const first = never_acknowledged_page(taiyuan(), in, 0, 200);
    CHECK(first.at("total") == 250);
    CHECK(first.at("items") == o.at("never_acknowledged"));
    auto const rest = never_acknowledged_page(taiyuan(), in, 200, 100);
    REQUIRE(rest.at("items").size() == 50);
    CHECK(rest.at("items")[0].at("order_id") == 50);
    CHECK(rest.at("items")[49].at("order_id") == 1);
    CHECK(never_acknowledged_page(taiyuan(), in, 300, 100).at("items").empty());
}

TEST_CASE("100000 orders: every order counted and the curve capped at 200 points", "[report][orders]") {
    auto in = empty_episode();
    in.batches = {batch(1, "issue", "yellow", at(1, 18), day(2), {{"SO2", 5.0}})};
    in.orders.reserve(100'000);
    for (int i = 0; i < 100'000; ++i) {
        auto o = order(i + 1, 1, "yellow", at(1, 18), "91140100MA0TE" + std::to_string(10000 + i % 1000), "企业",
                       i % 2 ? "小店区" : "清徐县", "焦化", "B");
        if (i % 10 != 0) o.ack_at = at(1, 18) + (i % 36000);  // up to 10 h: 600 distinct minutes
        if (i % 3 == 0) {
            o.baseline_kwh_per_day = 1000;
            o.reported_kwh_per_day = 800;
        }
        o.planned_t_per_day = {{"SO2", 0.01}};
        o.baseline_t_per_day = {{"SO2", 0.05}};
        in.orders.push_back(std::move(o));
    }
    // How fast this is lives in bench/ (docs/performance.md), not here.
    auto const report = build_report(taiyuan(), in);
    auto const csv = render_csv(taiyuan(), in);

    auto const& o = report.at("orders");
    CHECK(o.at("totals").at("orders") == 100'000);
    CHECK(o.at("totals").at("never_acknowledged") == 10'000);
    auto const& points = o.at("ack_curve")[0].at("points");
    CHECK(points.size() == 200);
    CHECK(points.front().at("minutes") == 0);
    CHECK(points.back() == json({{"minutes", 600}, {"acknowledged", 90'000}, {"share", 0.9}}));
    CHECK(report.at("reductions").at("electricity").at("orders_reporting") == 33'334);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 100'001);
}

}  // namespace
}  // namespace hazeguard::engine::report::test
