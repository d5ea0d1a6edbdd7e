// select_order: which source an order's content comes from, for every grade at every level.
#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "tests/unit/orders/order_test_support.hpp"

namespace hazeguard::engine {
namespace {

using test::all_grades;
using test::check_reductions;
using test::measure;
using test::plant;
using test::taiyuan;
using test::warning_levels;

plans::CatalogMeasure const* catalog_entry(std::string const& industry, std::string const& grade,
                                           std::string const& level) {
    for (auto const& m : taiyuan().measure_catalog)
        if (m.industry == industry && m.level == level &&
            std::find(m.grades.begin(), m.grades.end(), grade) != m.grades.end())
            return &m;
    return nullptr;
}

bool is_self_determined(std::string const& grade) {
    return grade == "A+" || grade == "A" || grade == "引领性";
}

TEST_CASE("every grade at every warning level, Taiyuan plan, an industry without own entries",
          "[orders]") {
    // 玻璃 has no industry-specific catalog entries: B/B-/C/非引领性 use the "*" fallback.
    for (auto const& grade : all_grades)
        for (auto const& level : warning_levels) {
            INFO(grade << " at " << level);
            auto const order = select_order(taiyuan(), plant("玻璃", grade), level);
            CHECK(order.applies);
            CHECK(order.level == level);
            REQUIRE(order.measures.size() == 1);
            CHECK(order.measures[0].lines.empty());
            if (is_self_determined(grade)) {
                CHECK(order.source == "self_determined");
                CHECK(order.measures[0].text == "自主采取减排措施");
                CHECK(order.measures[0].action == "self");
                CHECK(order.transport.empty());
                check_reductions(order, 0, 0, 0, 0);
            } else if (grade == "D") {
                CHECK(order.source == "grade_stop");
                CHECK(order.measures[0].text == "全厂停产");
                CHECK(order.measures[0].action == "stop");
                CHECK(order.transport == "禁止重型运输车辆进出");
                check_reductions(order, 1, 2, 3, 4);  // the whole daily baseline
            } else {
                CHECK(order.source == "catalog");
                auto const* generic = catalog_entry("*", grade, level);
                REQUIRE(generic != nullptr);
                CHECK(order.measures[0].text == generic->text_cn);
                CHECK(order.measures[0].action == generic->action);
                CHECK(order.transport == generic->transport_cn);
                CHECK_FALSE(order.transport.empty());
            }
        }
}

TEST_CASE("catalog fallback reductions per grade and level", "[orders]") {
    struct Row { char const* grade; char const* level; double cut; char const* action; };
    for (auto const& row : {Row{"B", "yellow", 0.1, "limit"}, Row{"B", "orange", 0.2, "limit"},
                            Row{"B", "red", 0.3, "limit"}, Row{"B-", "yellow", 0.15, "limit"},
                            Row{"B-", "orange", 0.3, "limit"}, Row{"B-", "red", 0.5, "limit"},
                            Row{"C", "yellow", 0.3, "limit"}, Row{"C", "orange", 0.5, "limit"},
                            Row{"C", "red", 1.0, "stop"}, Row{"非引领性", "yellow", 0.3, "limit"},
                            Row{"非引领性", "orange", 0.5, "limit"}, Row{"非引领性", "red", 1.0, "stop"}}) {
        INFO(row.grade << " at " << row.level);
        auto const order = select_order(taiyuan(), plant("玻璃", row.grade), row.level);
        CHECK(order.source == "catalog");
        REQUIRE(order.measures.size() == 1);
        CHECK(order.measures[0].action == row.action);
        check_reductions(order, 1 * row.cut, 2 * row.cut, 3 * row.cut, 4 * row.cut);
    }
}

TEST_CASE("a guarantee plant gets its guarantee conditions whatever its grade", "[orders]") {
    for (auto const& grade : all_grades)
        for (auto const& level : warning_levels) {
            INFO(grade << " at " << level);
            auto const order = select_order(taiyuan(), plant("焦化", grade, "民生保障（供暖）"), level);
            CHECK(order.applies);
            CHECK(order.source == "guarantee");
            CHECK(order.level == level);
            REQUIRE(order.measures.size() == 1);
            CHECK(order.measures[0].text ==
                  "仅承担保障任务，按保障任务所需组织生产，污染物稳定达标排放");
            CHECK(order.measures[0].action == "guarantee");
            CHECK(order.transport.empty());
            check_reductions(order, 0, 0, 0, 0);
        }
}

TEST_CASE("the enterprise's own measure wins over guarantee, grade and catalog", "[orders]") {
    for (auto const& grade : all_grades)
        for (auto const& level : warning_levels) {
            INFO(grade << " at " << level);
            auto e = plant("水泥", grade, "民生保障（垃圾/危废处置）");
            auto own = measure(level, "limit", "协同处置线限产40%");
            own.parameter = 0.4;
            own.transport = "国五及以下车辆禁止运输";
            e.measures.push_back(own);
            e.measures.push_back(measure(level == "red" ? "yellow" : "red", "stop", "其他级别措施"));
            auto const order = select_order(taiyuan(), e, level);
            CHECK(order.applies);
            CHECK(order.source == "enterprise");
            CHECK(order.level == level);
            REQUIRE(order.measures.size() == 1);  // only this level's measure
            CHECK(order.measures[0].text == "协同处置线限产40%");
            CHECK(order.measures[0].action == "limit");
            CHECK(order.transport == "国五及以下车辆禁止运输");
            check_reductions(order, 0.4, 0.8, 1.2, 1.6);
        }
}

TEST_CASE("an industry-specific catalog entry wins over the \"*\" entry", "[orders]") {
    SECTION("B coking at orange: coking time 36 h, cut 0.472 of the daily baseline") {
        auto const order = select_order(taiyuan(), plant("焦化", "B"), "orange");
        CHECK(order.source == "catalog");
        REQUIRE(order.measures.size() == 1);
        CHECK(order.measures[0].action == "extend_time");
        CHECK(order.measures[0].text.find("36小时") != std::string::npos);
        check_reductions(order, 0.472, 2 * 0.472, 3 * 0.472, 4 * 0.472);
        auto const generic = select_order(taiyuan(), plant("玻璃", "B"), "orange");
        CHECK(generic.reductions_t_per_day.at("SO2") == Approx(0.2));  // what "*" would give
    }
    SECTION("C cement at orange: stop, the whole daily baseline") {
        auto const order = select_order(taiyuan(), plant("水泥", "C"), "orange");
        CHECK(order.source == "catalog");
        REQUIRE(order.measures.size() == 1);
        CHECK(order.measures[0].action == "stop");
        CHECK(order.measures[0].text == "停产");
        CHECK(order.transport.find("国四及以下") != std::string::npos);
        check_reductions(order, 1, 2, 3, 4);
    }
    SECTION("B cement at yellow: transport only, no stack reduction") {
        auto const order = select_order(taiyuan(), plant("水泥", "B"), "yellow");
        CHECK(order.applies);
        CHECK(order.source == "catalog");
        CHECK(order.measures.at(0).action == "transport");
        CHECK_FALSE(order.transport.empty());
        check_reductions(order, 0, 0, 0, 0);
    }
    SECTION("a specific entry for one grade leaves the other grades to \"*\"") {
        // Brick kilns have entries for B- and C only; B falls back to "*" (10 % at yellow).
        auto const b = select_order(taiyuan(), plant("砖瓦窑", "B"), "yellow");
        auto const c = select_order(taiyuan(), plant("砖瓦窑", "C"), "yellow");
        CHECK(b.reductions_t_per_day.at("PM") == Approx(0.3));
        CHECK(c.reductions_t_per_day.at("PM") == Approx(1.5));
        CHECK(b.measures.at(0).text != c.measures.at(0).text);
    }
}

TEST_CASE("no applicable entry: applies is false, source none", "[orders]") {
    SECTION("no grade (a non-key plant without its own measures)") {
        auto const order = select_order(taiyuan(), plant("非重点行业", ""), "red");
        CHECK_FALSE(order.applies);
        CHECK(order.source == "none");
        CHECK(order.level == "red");
        CHECK(order.measures.empty());
        CHECK(order.transport.empty());
        CHECK(order.reductions_t_per_day.empty());
    }
    SECTION("a plan whose catalog has no entry for the grade and level") {
        auto plan = taiyuan();
        plan.measure_catalog.clear();
        auto const order = select_order(plan, plant("水泥", "B"), "orange");
        CHECK_FALSE(order.applies);
        CHECK(order.source == "none");
        CHECK(order.level == "orange");
    }
    SECTION("a level the plan does not have, even with an own measure for it") {
        auto e = plant("水泥", "D");
        e.measures.push_back(measure("blue", "stop"));
        auto const order = select_order(taiyuan(), e, "blue");
        CHECK_FALSE(order.applies);
        CHECK(order.source == "none");
        CHECK(order.level == "blue");
    }
}

TEST_CASE("the adverse pre-stage applies only through own measures or an adverse catalog entry",
          "[orders]") {
    SECTION("without an own adverse measure nobody gets an order in Taiyuan") {
        for (auto const& grade : all_grades) {
            INFO(grade);
            for (auto const& guarantee : {std::string(), std::string("民生保障（供电）")}) {
                auto const order = select_order(taiyuan(), plant("焦化", grade, guarantee), "adverse");
                CHECK_FALSE(order.applies);
                CHECK(order.source == "none");
                CHECK(order.level == "adverse");
            }
        }
    }
    SECTION("an own adverse measure applies") {
        auto e = plant("焦化", "A");
        auto own = measure("adverse", "extend_time", "延长结焦时间至24小时");
        own.reductions_t_per_day = {{"SO2", 0.05}, {"NOx", 0.2}, {"PM", 0.04}, {"VOCs", 0.1}};
        e.measures.push_back(own);
        auto const order = select_order(taiyuan(), e, "adverse");
        CHECK(order.applies);
        CHECK(order.source == "enterprise");
        CHECK(order.level == "adverse");
        CHECK(order.measures.at(0).text == "延长结焦时间至24小时");
        check_reductions(order, 0.05, 0.2, 0.04, 0.1);
    }
    SECTION("a catalog entry for the pre-stage applies, to every grade it lists") {
        auto plan = taiyuan();
        plans::CatalogMeasure pre;
        pre.industry = "*";
        pre.grades = {"B", "D"};
        pre.level = "adverse";
        pre.action = "limit";
        pre.text_cn = "限产10%";
        pre.cut = {{"SO2", 0.1}, {"NOx", 0.1}, {"PM", 0.1}, {"VOCs", 0.1}};
        plan.measure_catalog.push_back(pre);
        for (auto const* grade : {"B", "D"}) {
            INFO(grade);
            auto const order = select_order(plan, plant("玻璃", grade), "adverse");
            CHECK(order.source == "catalog");  // D does not stop at the pre-stage
            check_reductions(order, 0.1, 0.2, 0.3, 0.4);
        }
        CHECK_FALSE(select_order(plan, plant("玻璃", "C"), "adverse").applies);
        CHECK(select_order(plan, plant("玻璃", "B"), "yellow").reductions_t_per_day.at("SO2") ==
              Approx(0.1));  // the warning levels are unchanged
    }
}

}  // namespace
}  // namespace hazeguard::engine
