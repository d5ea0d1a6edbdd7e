// Reductions: required against planned tonnes per batch, and the electricity check per order.
#include "tests/unit/report/report_test_support.hpp"

namespace hazeguard::engine::report::test {
namespace {

TEST_CASE("targets: required is the level's share of the city baseline", "[report][reductions]") {
    auto in = empty_episode();
    // Orange is 20 %: 12 / 44 / 24 / 30 t/day of the 60 / 220 / 120 / 150 baseline.
    in.batches = {batch(1, "upgrade", "orange", at(2, 15), day(3), {{"SO2", 12.0}, {"NOx", 50.0}, {"PM", 23.9}}),
                  batch(2, "lift", "", at(5, 14), day(6))};
    auto const report = build_report(taiyuan(), in);
    auto const& rows = report.at("reductions").at("by_batch");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("target_share") == json({{"SO2", 0.2}, {"NOx", 0.2}, {"PM", 0.2}, {"VOCs", 0.2}}));
    CHECK(rows[0].at("required_t_per_day") == json({{"SO2", 12.0}, {"NOx", 44.0}, {"PM", 24.0}, {"VOCs", 30.0}}));
    CHECK(rows[0].at("planned_t_per_day").at("VOCs") == 0.0);
    CHECK(rows[0].at("planned_share").at("NOx") == 0.227);
    CHECK(rows[0].at("meets_target") == json({{"SO2", true}, {"NOx", true}, {"PM", false}, {"VOCs", false}}));
    std::vector<std::string> evidence;
    for (auto const& f : report.at("findings")) {
        CHECK(f.at("code") == "reduction_below_target");
        CHECK(f.at("severity") == "high");
        evidence.push_back(f.at("evidence")[0].get<std::string>());
    }
    CHECK(evidence == std::vector<std::string>{"/reductions/by_batch/0/meets_target/PM",
                                               "/reductions/by_batch/0/meets_target/VOCs"});
    CHECK(report.at("findings")[0].at("text_cn") ==
          "第1批指令（橙色预警（Ⅱ级响应））颗粒物计划减排23.9吨/日，低于目标24吨/日（全市基准排放的20%）。");
}

TEST_CASE("electricity: short when the metered cut trails the planned share by more than the tolerance",
          "[report][reductions]") {
    auto in = empty_episode();
    in.batches = {batch(1, "issue", "yellow", at(1, 18), day(2))};
    auto plant = [&](std::int64_t id, double reported) {
        auto o = order(id, 1, "yellow", at(1, 18));
        o.planned_t_per_day = {{"SO2", 0.5}, {"PM", 0.25}};
        o.baseline_t_per_day = {{"SO2", 1.0}, {"PM", 1.0}, {"NOx", 2.0}};  // planned share 0.5
        o.baseline_kwh_per_day = 1000;
        o.reported_kwh_per_day = reported;
        return o;
    };
    auto unmetered = order(9, 1, "yellow", at(1, 18));
    unmetered.baseline_kwh_per_day = 1000;
    auto no_plan = plant(4, 1000);
    no_plan.planned_t_per_day.clear();  // planned share 0: never short
    in.orders = {plant(1, 500), plant(2, 599), plant(3, 601), no_plan, unmetered};
    auto const e = build_report(taiyuan(), in).at("reductions").at("electricity");
    REQUIRE(e.at("rows").size() == 4);
    CHECK(e.at("rows")[0] == json({{"order_id", 1},
                                   {"ref", "batch:1"},
                                   {"credit_code", "91140121MA0TE00013"},
                                   {"name", "晋阳示例焦化有限公司"},
                                   {"baseline_kwh_per_day", 1000.0},
                                   {"reported_kwh_per_day", 500.0},
                                   {"reduction_share", 0.5},
                                   {"planned_share", 0.5},
                                   {"short", false}}));
    CHECK(e.at("rows")[1].at("short") == false);  // 0.401 ≥ 0.5 − 0.1
    CHECK(e.at("rows")[2].at("short") == true);   // 0.399 < 0.4
    CHECK(e.at("rows")[3].at("planned_share") == 0.0);
    CHECK(e.at("rows")[3].at("short") == false);
    CHECK(e.at("short") == 1);
    CHECK(e.at("tolerance") == 0.1);
}

}  // namespace
}  // namespace hazeguard::engine::report::test
