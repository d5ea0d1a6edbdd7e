// ReportBuilder and CsvBuilder: the orders handed over one at a time give the bytes of
// build_report() and render_csv(); orders must come by order id. detail::decimal's short path.
#include <charconv>
#include <stdexcept>

#include "engine/report/detail/report_context.hpp"
#include "tests/unit/report/report_test_support.hpp"

namespace hazeguard::engine::report::test {
namespace {

// The scenario with its orders apart, as the reports service reads an episode.
std::pair<EvaluationInput, std::vector<OrderRecord>> orders_apart() {
    auto in = scenario_episode();
    auto orders = std::move(in.orders);
    in.orders.clear();
    std::sort(orders.begin(), orders.end(), [](auto const& a, auto const& b) { return a.order_id < b.order_id; });
    return {std::move(in), std::move(orders)};
}

TEST_CASE("builders: orders added one at a time give the same report and CSV", "[report][builders]") {
    auto const whole = scenario_episode();
    REQUIRE(whole.orders.size() >= 2);
    auto const [rest, orders] = orders_apart();
    ReportBuilder report(taiyuan(), rest);
    CsvBuilder csv(taiyuan(), rest);
    for (auto const& o : orders) {
        report.add(o);
        csv.add(o);
    }
    CHECK(report.build().dump() == build_report(taiyuan(), whole).dump());
    CHECK(csv.take() == render_csv(taiyuan(), whole));
}

TEST_CASE("builders: an order below the last one added is refused", "[report][builders]") {
    auto const [rest, orders] = orders_apart();
    REQUIRE(orders.size() >= 2);
    ReportBuilder report(taiyuan(), rest);
    CsvBuilder csv(taiyuan(), rest);
    report.add(orders[1]);
    csv.add(orders[1]);
    CHECK_THROWS_AS(report.add(orders[0]), std::invalid_argument);
    CHECK_THROWS_AS(csv.add(orders[0]), std::invalid_argument);
}

TEST_CASE("builders: more never-acknowledged orders than listed keep the first in the report's order",
          "[report][builders]") {
    // 250 never-acknowledged orders whose credit codes run against their ids: the list is the
    // 200 smallest codes, and the count says 250.
    auto in = empty_episode();
    in.batches = {batch(1, "issue", "orange", at(1, 18), at(1, 18), {})};
    for (int i = 0; i < 250; ++i)
        in.orders.push_back(order(1000 + i, 1, "orange", at(1, 18), "9114012100000" + std::to_string(90000 - i), "厂"));
    auto const orders = build_report(taiyuan(), in).at("orders");
    CHECK(orders.at("never_acknowledged_all").at("count") == 250);
    auto const& listed = orders.at("never_acknowledged");
    REQUIRE(listed.size() == 200);
    CHECK(listed.front().at("order_id") == 1249);
    CHECK(listed.back().at("order_id") == 1050);
}

TEST_CASE("decimal: thousandths in the shortest form to_chars gives", "[report][builders]") {
    for (double const v : {0.0, -0.0, 0.0004, -0.0004, 0.0005, 0.001, 0.0125, 0.1, 0.12, 2.0, -0.5, -12.345, 99999.999,
                           99999.9996, 100000.0, 123456.789, 1e6, -1e6, 0.30000000000000004, 1234.5675, 3271.47778884862}) {
        char buffer[32];
        auto const end = std::to_chars(buffer, buffer + sizeof buffer, detail::round3(v)).ptr;
        CHECK(detail::decimal(v) == std::string(buffer, end));
    }
    for (std::int64_t k = -2000000; k <= 2000000; k += 997) {
        double const v = static_cast<double>(k) / 1000.0 * 37.0;
        char buffer[32];
        auto const end = std::to_chars(buffer, buffer + sizeof buffer, detail::round3(v)).ptr;
        REQUIRE(detail::decimal(v) == std::string(buffer, end));
    }
}

}  // namespace
}  // namespace hazeguard::engine::report::test
