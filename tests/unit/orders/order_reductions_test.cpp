// select_order with the enterprise's own measures: the list's reductions, or the estimate from
// the daily baseline, the affected lines' emission shares and the action.
#include <string>

#include <catch2/catch.hpp>

#include "tests/unit/orders/order_test_support.hpp"

namespace hazeguard::engine {
namespace {

using test::check_reductions;
using test::measure;
using test::plant;
using test::taiyuan;

/// Domain §13 ENT-01: B coking plant, 96 / 420 / 72 / 210 t/a over 330 days, with its own
/// yellow / orange / red measures and reductions.
Enterprise ent01() {
    Enterprise e;
    e.credit_code = "91140121TEST00001X";
    e.name = "晋阳示例焦化有限公司";
    e.district = "清徐县";
    e.industry = "焦化";
    e.grade = "B";
    e.baseline_t_per_year = {{"SO2", 96}, {"NOx", 420}, {"PM", 72}, {"VOCs", 210}};
    e.operating_days = 330;
    e.lines = {ProductionLine{"CO-1", "2×65孔6.0米顶装焦炉", "炼焦", {}},
               ProductionLine{"CO-2", "2×65孔6.0米顶装焦炉", "炼焦", {}}};
    struct Row { char const* level; double hours; Pollutants cut; char const* transport; };
    for (auto const& row : {Row{"yellow", 28, {{"SO2", 0.094}, {"NOx", 0.409}, {"PM", 0.070}, {"VOCs", 0.205}},
                                "国四及以下排放标准货车禁止运输"},
                            Row{"orange", 36, {{"SO2", 0.137}, {"NOx", 0.601}, {"PM", 0.103}, {"VOCs", 0.301}},
                                "国四及以下排放标准货车禁止运输"},
                            Row{"red", 48, {{"SO2", 0.176}, {"NOx", 0.769}, {"PM", 0.132}, {"VOCs", 0.384}},
                                "除国六及新能源车辆外禁止运输"}}) {
        auto m = measure(row.level, "extend_time",
                         "焦炉结焦时间延长至" + std::to_string(static_cast<int>(row.hours)) + "小时以上");
        m.lines = {"CO-1", "CO-2"};
        m.parameter = row.hours;
        m.reductions_t_per_day = row.cut;
        m.transport = row.transport;
        e.measures.push_back(m);
    }
    return e;
}

/// A plant (1 / 2 / 3 / 4 t/day) with lines S (shares 0.7 / 0.5 / 0.4 / 0.2), B (0.1 / 0.1 /
/// 0.25 / 0.1) and X (no shares given).
Enterprise lined_plant() {
    auto e = plant("长流程联合钢铁", "B");
    e.lines = {ProductionLine{"S", "烧结机", "烧结", {{"SO2", 0.7}, {"NOx", 0.5}, {"PM", 0.4}, {"VOCs", 0.2}}},
               ProductionLine{"B", "高炉", "炼铁", {{"SO2", 0.1}, {"NOx", 0.1}, {"PM", 0.25}, {"VOCs", 0.1}}},
               ProductionLine{"X", "轧钢", "轧钢", {}}};
    return e;
}

TEST_CASE("ENT-01's own measures: the list's reductions, text, lines and transport", "[orders]") {
    auto const e = ent01();
    auto const orange = select_order(taiyuan(), e, "orange");
    CHECK(orange.applies);
    CHECK(orange.source == "enterprise");
    CHECK(orange.level == "orange");
    REQUIRE(orange.measures.size() == 1);
    CHECK(orange.measures[0].text == "焦炉结焦时间延长至36小时以上");
    CHECK(orange.measures[0].lines == std::vector<std::string>{"CO-1", "CO-2"});
    CHECK(orange.measures[0].action == "extend_time");
    CHECK(orange.transport == "国四及以下排放标准货车禁止运输");
    check_reductions(orange, 0.137, 0.601, 0.103, 0.301);

    check_reductions(select_order(taiyuan(), e, "yellow"), 0.094, 0.409, 0.070, 0.205);
    auto const red = select_order(taiyuan(), e, "red");
    check_reductions(red, 0.176, 0.769, 0.132, 0.384);
    CHECK(red.transport == "除国六及新能源车辆外禁止运输");

    // The list's figures agree with what the catalog would estimate for a B coking plant.
    auto without_own = e;
    without_own.measures.clear();
    auto const catalog = select_order(taiyuan(), without_own, "orange");
    CHECK(catalog.source == "catalog");
    check_reductions(catalog, 0.137, 0.601, 0.103, 0.301, 0.001);

    CHECK_FALSE(select_order(taiyuan(), e, "adverse").applies);  // no adverse measure of its own
}

TEST_CASE("estimated reductions of a stop measure", "[orders]") {
    auto e = lined_plant();
    SECTION("whole plant when no lines are named") {
        e.measures.push_back(measure("yellow", "stop"));
        check_reductions(select_order(taiyuan(), e, "yellow"), 1, 2, 3, 4);
    }
    SECTION("the affected lines' shares") {
        auto m = measure("yellow", "stop");
        m.lines = {"S"};
        e.measures.push_back(m);
        auto const order = select_order(taiyuan(), e, "yellow");
        CHECK(order.measures.at(0).lines == std::vector<std::string>{"S"});
        check_reductions(order, 0.7, 1.0, 1.2, 0.8);
    }
    SECTION("shares of several lines add up") {
        auto m = measure("orange", "stop");
        m.lines = {"S", "B"};
        e.measures.push_back(m);
        check_reductions(select_order(taiyuan(), e, "orange"), 0.8, 1.2, 1.95, 1.2);
    }
    SECTION("a line without shares counts nothing when another line has shares") {
        auto m = measure("orange", "stop");
        m.lines = {"S", "X"};
        e.measures.push_back(m);
        check_reductions(select_order(taiyuan(), e, "orange"), 0.7, 1.0, 1.2, 0.8);
    }
    SECTION("no shares on any named line: the whole plant") {
        auto m = measure("red", "stop");
        m.lines = {"X"};
        e.measures.push_back(m);
        check_reductions(select_order(taiyuan(), e, "red"), 1, 2, 3, 4);
    }
    SECTION("a share missing for one pollutant counts zero for it") {
        e.lines[0].emission_share.erase("VOCs");
        auto m = measure("yellow", "stop");
        m.lines = {"S"};
        e.measures.push_back(m);
        check_reductions(select_order(taiyuan(), e, "yellow"), 0.7, 1.0, 1.2, 0.0);
    }
}

TEST_CASE("estimated reductions of a limit and of other actions", "[orders]") {
    auto e = lined_plant();
    SECTION("limit p of the whole plant") {
        auto m = measure("orange", "limit");
        m.parameter = 0.2;
        e.measures.push_back(m);
        check_reductions(select_order(taiyuan(), e, "orange"), 0.2, 0.4, 0.6, 0.8);
    }
    SECTION("limit p of some lines") {
        auto m = measure("orange", "limit");
        m.parameter = 0.5;
        m.lines = {"B"};
        e.measures.push_back(m);
        check_reductions(select_order(taiyuan(), e, "orange"), 0.05, 0.1, 0.375, 0.2);
    }
    SECTION("limit without a usable fraction is not estimated") {
        auto m = measure("orange", "limit");
        SECTION("no parameter") {}
        SECTION("a percentage instead of a fraction") { m.parameter = 20; }
        SECTION("negative") { m.parameter = -0.1; }
        e.measures.push_back(m);
        auto const order = select_order(taiyuan(), e, "orange");
        CHECK(order.source == "enterprise");
        check_reductions(order, 0, 0, 0, 0);
    }
    SECTION("other actions are not estimated") {
        auto const action = GENERATE(as<std::string>{}, "extend_time", "conc_cap", "transport", "self", "other");
        auto m = measure("red", action);
        m.parameter = 0.5;
        e.measures.push_back(m);
        auto const order = select_order(taiyuan(), e, "red");
        CHECK(order.source == "enterprise");
        CHECK(order.measures.at(0).action == action);
        check_reductions(order, 0, 0, 0, 0);
    }
}

TEST_CASE("several own measures at one level", "[orders]") {
    auto e = lined_plant();
    auto sinter = measure("red", "stop", "烧结机停产");
    sinter.lines = {"S"};
    sinter.transport = "国四及以下货车禁止运输";
    auto furnace = measure("red", "limit", "高炉限产50%");
    furnace.lines = {"B"};
    furnace.parameter = 0.5;
    furnace.transport = "国四及以下货车禁止运输";
    auto trucks = measure("red", "transport", "厂内非道路移动机械停用");
    trucks.transport = "除国六车辆外禁止运输";
    SECTION("measures are listed in order, transport texts joined without repeats, estimates summed") {
        e.measures = {sinter, furnace, trucks};
        auto const order = select_order(taiyuan(), e, "red");
        REQUIRE(order.measures.size() == 3);
        CHECK(order.measures[0].text == "烧结机停产");
        CHECK(order.measures[1].text == "高炉限产50%");
        CHECK(order.measures[2].action == "transport");
        CHECK(order.transport == "国四及以下货车禁止运输；除国六车辆外禁止运输");
        check_reductions(order, 0.75, 1.1, 1.575, 1.0);
    }
    SECTION("estimates never exceed the baseline") {
        auto all = measure("red", "stop", "全厂停产");
        e.measures = {sinter, all};
        check_reductions(select_order(taiyuan(), e, "red"), 1, 2, 3, 4);
    }
    SECTION("when the list gives reductions, they are used and nothing is estimated") {
        sinter.reductions_t_per_day = {{"SO2", 0.5}, {"NOx", 0.9}, {"PM", 1.0}, {"VOCs", 0.3}};
        e.measures = {sinter, furnace};
        check_reductions(select_order(taiyuan(), e, "red"), 0.5, 0.9, 1.0, 0.3);
    }
}

}  // namespace
}  // namespace hazeguard::engine
