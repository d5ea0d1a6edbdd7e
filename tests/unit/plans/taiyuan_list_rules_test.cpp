// Taiyuan's list-related settings: districts, the 39 key industries, grades, guarantee types,
// the measure catalog (cement verified, the rest modelled) and the order deadlines.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "plans/plan_parser.hpp"
#include "tests/unit/plans/plan_test_support.hpp"

namespace hazeguard::plans {
namespace {

bool contains(std::vector<std::string> const& list, std::string const& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

/// The entry for exactly this industry (no "*" fallback), or nullptr.
CatalogMeasure const* entry(std::string const& industry, std::string const& grade,
                            std::string const& level) {
    for (auto const& m : test::taiyuan().measure_catalog)
        if (m.industry == industry && m.level == level && contains(m.grades, grade)) return &m;
    return nullptr;
}

/// Checks every pollutant's cut of `industry` × `grade` × `level`.
void check_cut(std::string const& industry, std::string const& grade, std::string const& level,
               double so2, double nox, double pm, double vocs) {
    INFO(industry << " " << grade << " " << level);
    auto const* m = entry(industry, grade, level);
    REQUIRE(m != nullptr);
    REQUIRE(m->cut.size() == 4);
    CHECK(m->cut.at("SO2") == Approx(so2));
    CHECK(m->cut.at("NOx") == Approx(nox));
    CHECK(m->cut.at("PM") == Approx(pm));
    CHECK(m->cut.at("VOCs") == Approx(vocs));
}

void check_cut(std::string const& industry, std::string const& grade, std::string const& level,
               double all) {
    check_cut(industry, grade, level, all, all, all, all);
}

TEST_CASE("Plan data: Taiyuan districts and the development zones of the 2024 action plan", "[plans][taiyuan][list_rules]") {
    std::vector<std::string> const expected = {
        "小店区", "迎泽区", "杏花岭区", "尖草坪区", "万柏林区", "晋源区", "古交市", "清徐县",
        "阳曲县", "娄烦县", "综改示范区", "中北高新区", "西山示范区", "清徐经济开发区"};
    CHECK(test::taiyuan().districts == expected);
}

TEST_CASE("Taiyuan: the 39 key industries, coal washing and power are not among them",
          "[plans][taiyuan][list_rules]") {
    auto const& plan = test::taiyuan();
    // 39 industries, steel in the two processes the 2020 guide grades apart: 40 names.
    CHECK(plan.industries.size() == 40);
    CHECK(std::set<std::string>(plan.industries.begin(), plan.industries.end()).size() == 40);
    CHECK_FALSE(contains(plan.industries, "钢铁"));
    for (auto const* industry : {"长流程联合钢铁", "短流程钢铁", "焦化", "水泥", "石灰窑", "铸造", "砖瓦窑", "工业涂装",
                                 "包装印刷", "炭黑", "皮革制品", "制鞋", "工程机械整机制造"}) {
        INFO(industry);
        CHECK(contains(plan.industries, industry));
    }
    for (auto const* other : {"煤炭洗选", "电力", "热电", "非重点行业"}) {
        INFO(other);
        CHECK_FALSE(contains(plan.industries, other));
    }
    CHECK(plan.non_key_industry == "非重点行业");
}

TEST_CASE("Taiyuan grades and guarantee types", "[plans][taiyuan][list_rules]") {
    auto const& plan = test::taiyuan();
    CHECK(plan.grades ==
          std::vector<std::string>{"A+", "A", "B", "B-", "C", "D", "引领性", "非引领性"});
    CHECK(plan.self_determined_grades == std::vector<std::string>{"A+", "A", "引领性"});
    CHECK(plan.stop_grades == std::vector<std::string>{"D"});
    for (auto const* type : {"民生保障（供暖）", "民生保障（供电）", "民生保障（垃圾/危废处置）",
                             "战略性新兴产业", "军工/出口订单"}) {
        INFO(type);
        CHECK(contains(plan.guarantee_types, type));
    }
}

TEST_CASE("Taiyuan order deadlines: 1 h acknowledgement, 24 h execution report",
          "[plans][taiyuan][list_rules]") {
    auto const& orders = test::taiyuan().orders;
    CHECK(orders.ack_hours == 1);
    CHECK(orders.execution_hours == 24);
    CHECK(orders.escalate_after_hours == 1);
    CHECK(orders.remind_before_minutes == 20);
}

TEST_CASE("Taiyuan catalog covers every industry × B/B-/C/非引领性 × yellow/orange/red",
          "[plans][taiyuan][list_rules]") {
    auto const& plan = test::taiyuan();
    for (auto const& industry : plan.industries)
        for (auto const* grade : {"B", "B-", "C", "非引领性"})
            for (auto const* level : {"yellow", "orange", "red"}) {
                INFO(industry << " " << grade << " " << level);
                CHECK((entry(industry, grade, level) || entry("*", grade, level)));
            }
    for (auto const& m : plan.measure_catalog) {
        INFO(m.industry << " " << m.level << " " << m.text_cn);
        CHECK(m.level != "adverse");  // the pre-stage only through the list's own measures
        CHECK_FALSE(m.text_cn.empty());
        CHECK(m.cut.size() == 4);
    }
}

TEST_CASE("Taiyuan catalog: cement per the 2020 technical guide", "[plans][taiyuan][list_rules]") {
    auto const* yellow_b = entry("水泥", "B", "yellow");
    REQUIRE(yellow_b != nullptr);
    CHECK(yellow_b->action == "transport");
    CHECK(yellow_b->transport_cn.find("国四及以下") != std::string::npos);
    check_cut("水泥", "B", "yellow", 0.0);
    auto const* orange_b = entry("水泥", "B", "orange");
    REQUIRE(orange_b != nullptr);
    CHECK(orange_b->action == "limit");
    CHECK(orange_b->text_cn.find("20%") != std::string::npos);
    check_cut("水泥", "B", "orange", 0.2);
    check_cut("水泥", "B", "red", 1.0);
    auto const* yellow_c = entry("水泥", "C", "yellow");
    REQUIRE(yellow_c != nullptr);
    CHECK(yellow_c->text_cn.find("以生产线计") != std::string::npos);
    check_cut("水泥", "C", "yellow", 0.5);
    check_cut("水泥", "C", "orange", 1.0);
    check_cut("水泥", "C", "red", 1.0);
    for (auto const* level : {"yellow", "orange", "red"}) {
        INFO(level);
        CHECK(entry("水泥", "C", level)->action == "stop");
        CHECK_FALSE(entry("水泥", "C", level)->transport_cn.empty());
    }
}

TEST_CASE("Taiyuan catalog: coking time extension cuts 1 − 19/T", "[plans][taiyuan][list_rules]") {
    struct Row { char const* grade; char const* level; double hours; };
    for (auto const& row : {Row{"B", "yellow", 28}, Row{"B", "orange", 36}, Row{"B", "red", 48},
                            Row{"C", "yellow", 36}, Row{"C", "orange", 48}, Row{"C", "red", 72}}) {
        auto const* m = entry("焦化", row.grade, row.level);
        INFO(row.grade << " " << row.level);
        REQUIRE(m != nullptr);
        CHECK(m->action == "extend_time");
        CHECK(m->text_cn.find(std::to_string(static_cast<int>(row.hours)) + "小时") != std::string::npos);
        for (auto const& [pollutant, cut] : m->cut) CHECK(cut == Approx(1.0 - 19.0 / row.hours).margin(0.0005));
    }
    check_cut("焦化", "B", "orange", 0.472);  // domain §13 ENT-01: 47.2 %
}

TEST_CASE("Taiyuan catalog: steel B reproduces domain §13 ENT-02", "[plans][taiyuan][list_rules]") {
    // ENT-02 baseline t/a 520 / 1650 / 610 / 260 over 330 days; §13 daily reductions (t/d).
    double const days = 330;
    struct Row { char const* level; double so2, nox, pm, vocs; };
    for (auto const& row : {Row{"yellow", 0.552, 1.375, 0.370, 0.079},
                            Row{"orange", 1.103, 2.750, 0.739, 0.158},
                            Row{"red", 1.182, 3.000, 0.970, 0.197}}) {
        auto const* m = entry("长流程联合钢铁", "B", row.level);
        INFO(row.level);
        REQUIRE(m != nullptr);
        CHECK(520 / days * m->cut.at("SO2") == Approx(row.so2).margin(0.001));
        CHECK(1650 / days * m->cut.at("NOx") == Approx(row.nox).margin(0.001));
        CHECK(610 / days * m->cut.at("PM") == Approx(row.pm).margin(0.001));
        CHECK(260 / days * m->cut.at("VOCs") == Approx(row.vocs).margin(0.001));
    }
}

TEST_CASE("Taiyuan catalog: §13 half-then-stop patterns", "[plans][taiyuan][list_rules]") {
    struct Row { char const* industry; char const* grade; };
    for (auto const& row : {Row{"石灰窑", "C"}, Row{"砖瓦窑", "C"}, Row{"铸造", "B"},
                            Row{"工业涂装", "C"}, Row{"包装印刷", "C"}}) {
        check_cut(row.industry, row.grade, "yellow", 0.5);
        if (std::string(row.industry) != "砖瓦窑") check_cut(row.industry, row.grade, "orange", 1.0);
        check_cut(row.industry, row.grade, "red", 1.0);
    }
    // B- follows C in the industry-specific entries (conservative, modelled).
    for (auto const* industry : {"水泥", "焦化", "长流程联合钢铁", "石灰窑", "砖瓦窑", "铸造", "工业涂装", "包装印刷"})
        for (auto const* level : {"yellow", "orange", "red"}) {
            INFO(industry << " " << level);
            CHECK(entry(industry, "B-", level) == entry(industry, "C", level));
            CHECK(entry(industry, "B-", level) != nullptr);
        }
}

TEST_CASE("Taiyuan catalog: generic fallback per grade", "[plans][taiyuan][list_rules]") {
    check_cut("*", "B", "yellow", 0.1);
    check_cut("*", "B", "orange", 0.2);
    check_cut("*", "B", "red", 0.3);
    check_cut("*", "B-", "yellow", 0.15);
    check_cut("*", "B-", "orange", 0.3);
    check_cut("*", "B-", "red", 0.5);
    for (auto const* grade : {"C", "非引领性"}) {
        check_cut("*", grade, "yellow", 0.3);
        check_cut("*", grade, "orange", 0.5);
        check_cut("*", grade, "red", 1.0);
        CHECK(entry("*", grade, "red")->action == "stop");
        CHECK(entry("*", grade, "orange")->action == "limit");
    }
    for (auto const* grade : {"A+", "A", "引领性", "D"}) {
        INFO(grade);
        for (auto const& m : test::taiyuan().measure_catalog) CHECK_FALSE(contains(m.grades, grade));
    }
}

}  // namespace
}  // namespace hazeguard::plans

namespace hazeguard::plans {
namespace {

TEST_CASE("Plan data: a kiln kept warm (停产保窑, 窑炉保温) is not counted as a 100 % cut", "[plans][taiyuan][list_rules][rules]") {
    int kept_warm = 0;
    for (auto const& m : test::taiyuan().measure_catalog) {
        if (m.text_cn.find("保窑") == std::string::npos && m.text_cn.find("保温") == std::string::npos) continue;
        ++kept_warm;
        INFO(m.industry << " " << m.level << " " << m.text_cn);
        for (auto const& [pollutant, cut] : m.cut) CHECK(cut < 1.0);
    }
    CHECK(kept_warm == 2);  // lime B and brick B-/C at orange
}

}  // namespace
}  // namespace hazeguard::plans
