#pragma once
/// @file order_test_support.hpp
/// @brief The Taiyuan plan and hand-built enterprises for the order-content tests.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/enterprises/enterprise.hpp"
#include "engine/orders/order_content.hpp"
#include "plans/plan_parser.hpp"

namespace hazeguard::engine::test {

inline plans::Plan const& taiyuan() {
    static plans::PlanParseResult const result = plans::parse_plan(plans::embedded_taiyuan_plan());
    REQUIRE(result.ok());
    return result.plan;
}

inline std::vector<std::string> const all_grades = {"A+", "A", "B", "B-", "C", "D", "引领性", "非引领性"};
inline std::vector<std::string> const warning_levels = {"yellow", "orange", "red"};

/// A plant with round daily baselines: 330 operating days and 330 / 660 / 990 / 1320 t/a, i.e.
/// 1 / 2 / 3 / 4 t/day of SO2 / NOx / PM / VOCs. No lines, no measures of its own.
inline Enterprise plant(std::string industry, std::string grade, std::string guarantee = "") {
    Enterprise e;
    e.credit_code = "91140100TEST00099X";
    e.name = "测试企业";
    e.district = "清徐县";
    e.industry = std::move(industry);
    e.grade = std::move(grade);
    e.guarantee = std::move(guarantee);
    e.baseline_t_per_year = {{"SO2", 330}, {"NOx", 660}, {"PM", 990}, {"VOCs", 1320}};
    e.operating_days = 330;
    return e;
}

/// A list measure at `level`.
inline LevelMeasure measure(std::string level, std::string action, std::string text = "企业自定措施") {
    LevelMeasure m;
    m.level = std::move(level);
    m.action = std::move(action);
    m.text = std::move(text);
    return m;
}

/// Checks all four pollutants of an order's reductions.
inline void check_reductions(OrderContent const& order, double so2, double nox, double pm,
                             double vocs, double margin = 1e-9) {
    auto const& r = order.reductions_t_per_day;
    REQUIRE(r.count("SO2") == 1);
    REQUIRE(r.count("NOx") == 1);
    REQUIRE(r.count("PM") == 1);
    REQUIRE(r.count("VOCs") == 1);
    CHECK(r.at("SO2") == Approx(so2).margin(margin));
    CHECK(r.at("NOx") == Approx(nox).margin(margin));
    CHECK(r.at("PM") == Approx(pm).margin(margin));
    CHECK(r.at("VOCs") == Approx(vocs).margin(margin));
}

}  // namespace hazeguard::engine::test
