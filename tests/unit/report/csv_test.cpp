// The per-enterprise CSV: BOM, RFC 4180 quoting, empty cells for missing values.
#include "tests/unit/report/report_test_support.hpp"

namespace hazeguard::engine::report::test {
namespace {

std::vector<std::string> lines(std::string const& csv) {
    std::vector<std::string> out;
    std::size_t start = 3;  // after the BOM
    for (auto end = csv.find("\r\n", start); end != std::string::npos; end = csv.find("\r\n", start)) {
        out.push_back(csv.substr(start, end - start));
        start = end + 2;
    }
    return out;
}

TEST_CASE("csv: an episode without orders is the BOM and the header", "[report][csv]") {
    auto const csv = render_csv(taiyuan(), empty_episode());
    CHECK(csv.starts_with("\xEF\xBB\xBF指令编号[order_id],批次[batch],"));
    auto const rows = lines(csv);
    REQUIRE(rows.size() == 1);
    CHECK(std::count(rows[0].begin(), rows[0].end(), ',') == 24);  // 25 columns
}

TEST_CASE("csv: cells with commas quotes or line breaks are quoted", "[report][csv]") {
    auto in = empty_episode();
    in.orders = {order(7, 1, "yellow", at(1, 18), "91140121MA0TE00013", "并州\"示例\",钢铁\n有限公司")};
    in.orders[0].planned_t_per_day = {{"PM", 0.0125}, {"SO2", 2.0}};
    auto const csv = render_csv(taiyuan(), in);
    CHECK(csv.find(",\"并州\"\"示例\"\",钢铁\n有限公司\",") != std::string::npos);
    // Not acknowledged, no deadline passed judgement beyond the record: never / missing; planned
    // SO2 2, NOx absent (empty), PM rounded to 3 decimals, VOCs absent.
    CHECK(csv.find(",never,,2026-12-15 18:00:00,,missing,,,2,,0.013,,,\r\n") != std::string::npos);
}

}  // namespace
}  // namespace hazeguard::engine::report::test
