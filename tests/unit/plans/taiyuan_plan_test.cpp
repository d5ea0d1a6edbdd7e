#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "plans/plan_parser.hpp"
#include "tests/unit/plans/plan_test_support.hpp"

namespace hazeguard::plans {
namespace {

std::vector<Condition> group(Criterion const& criterion, std::size_t index) {
    REQUIRE(index < criterion.any_of.size());
    return criterion.any_of[index];
}

void check_condition(Condition const& c, int aqi_above, int days) {
    CHECK(c.aqi_above == aqi_above);
    CHECK(c.days == days);
}

TEST_CASE("the embedded Taiyuan plan parses without problems", "[plans][taiyuan]") {
    auto const result = parse_plan(embedded_taiyuan_plan());
    INFO(test::describe(result));
    CHECK(result.ok());
    CHECK(result.plan.id == "taiyuan");
    CHECK_FALSE(result.plan.version.empty());
    CHECK(result.plan.city_cn == "太原市");
    CHECK(result.plan.utc_offset == "+08:00");
}

TEST_CASE("the embedded plan is plans/taiyuan.json as built", "[plans][taiyuan]") {
    std::ifstream in(std::string(HG_SOURCE_DIR) + "/plans/taiyuan.json", std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    CHECK(text.str() == std::string(embedded_taiyuan_plan()));
}

TEST_CASE("Taiyuan levels: adverse pre-stage below yellow, orange, red", "[plans][taiyuan]") {
    auto const& plan = test::taiyuan();
    REQUIRE(plan.levels.size() == 4);
    CHECK(plan.rank("adverse") == 0);
    CHECK(plan.rank("yellow") == 1);
    CHECK(plan.rank("orange") == 2);
    CHECK(plan.rank("red") == 3);
    CHECK_FALSE(plan.rank("blue").has_value());  // abolished in Shanxi in 2020
    CHECK(plan.levels[0].pre_stage);
    CHECK_FALSE(plan.levels[1].pre_stage);
    CHECK_FALSE(plan.levels[2].pre_stage);
    CHECK_FALSE(plan.levels[3].pre_stage);
    CHECK(plan.level_at(1).name_cn.find("黄色") != std::string::npos);
    CHECK(plan.level_at(2).name_cn.find("Ⅱ级") != std::string::npos);
    CHECK(plan.level_at(3).name_en.find("Red") != std::string::npos);
}

TEST_CASE("Taiyuan national-2024 rule set is the default", "[plans][taiyuan]") {
    auto const& plan = test::taiyuan();
    CHECK(plan.default_rule_set == "national-2024");
    CHECK(plan.forecast_value == "central");
    auto const* set = plan.rule_set("national-2024");
    REQUIRE(set != nullptr);
    CHECK(set->source == "环大气〔2024〕6号");
    REQUIRE(set->rules.size() == 4);
    CHECK(set->rules[0].level == "red");
    CHECK(set->rules[1].level == "orange");
    CHECK(set->rules[2].level == "yellow");
    CHECK(set->rules[3].level == "adverse");

    auto const& red = set->rules[0].criterion;
    REQUIRE(red.any_of.size() == 1);
    REQUIRE(group(red, 0).size() == 2);
    check_condition(group(red, 0)[0], 200, 3);
    check_condition(group(red, 0)[1], 300, 1);

    auto const& orange = set->rules[1].criterion;
    REQUIRE(orange.any_of.size() == 2);
    check_condition(group(orange, 0).at(0), 200, 2);
    check_condition(group(orange, 1).at(0), 150, 3);

    auto const& yellow = set->rules[2].criterion;
    REQUIRE(yellow.any_of.size() == 2);
    check_condition(group(yellow, 0).at(0), 200, 1);
    check_condition(group(yellow, 1).at(0), 150, 2);

    auto const& adverse = set->rules[3].criterion;
    REQUIRE(adverse.any_of.size() == 2);
    check_condition(group(adverse, 0).at(0), 150, 1);
    check_condition(group(adverse, 1).at(0), 100, 2);

    CHECK(set->rules[0].lift_below == 150);
    CHECK(set->rules[1].lift_below == 150);
    CHECK(set->rules[2].lift_below == 150);
    CHECK(set->rules[3].lift_below == 100);
}

TEST_CASE("Taiyuan 2019 rule set keeps the legacy thresholds", "[plans][taiyuan]") {
    auto const* set = test::taiyuan().rule_set("taiyuan-2019");
    REQUIRE(set != nullptr);
    REQUIRE(set->rules.size() == 3);  // no adverse-stage rule in that era
    CHECK(set->rules[0].level == "red");
    CHECK(set->rules[1].level == "orange");
    CHECK(set->rules[2].level == "yellow");

    auto const& red = set->rules[0].criterion;
    REQUIRE(red.any_of.size() == 2);
    check_condition(group(red, 0).at(0), 200, 4);
    check_condition(group(red, 0).at(1), 300, 2);
    check_condition(group(red, 1).at(0), 499, 1);
    check_condition(group(set->rules[1].criterion, 0).at(0), 200, 3);
    check_condition(group(set->rules[2].criterion, 0).at(0), 200, 2);
    for (auto const& rule : set->rules) CHECK(rule.lift_below == 200);
}

TEST_CASE("Taiyuan signing authorities", "[plans][taiyuan]") {
    auto const& plan = test::taiyuan();
    CHECK(plan.may_sign("office", "adverse"));
    CHECK_FALSE(plan.may_sign("office", "yellow"));
    CHECK(plan.may_sign("deputy_mayor", "yellow"));
    CHECK(plan.may_sign("deputy_mayor", "orange"));
    CHECK_FALSE(plan.may_sign("deputy_mayor", "red"));
    CHECK(plan.may_sign("mayor", "red"));
    CHECK(plan.may_sign("mayor", "adverse"));
    CHECK_FALSE(plan.may_sign("governor", "red"));
    REQUIRE(plan.authority("deputy_mayor") != nullptr);
    CHECK(plan.authority("deputy_mayor")->name_cn == "主管副市长");
}

TEST_CASE("Taiyuan workflow settings", "[plans][taiyuan]") {
    auto const& plan = test::taiyuan();
    CHECK(plan.time_limits.approval_form_hours == 2);
    CHECK(plan.time_limits.signature_hours == 2);
    CHECK(plan.time_limits.distribution_hours == 2);
    CHECK(plan.fluctuation.window_days == 3);
    CHECK(plan.fluctuation.min_crossings == 2);
    CHECK(plan.lift.min_hours_below == 36);
    CHECK(plan.episode_merge_hours == 36);
}

TEST_CASE("Taiyuan pollutant-differentiated response paths", "[plans][taiyuan]") {
    auto const& plan = test::taiyuan();
    for (auto const* p : {"PM2.5", "PM10"}) CHECK(plan.path_for(p) == "full_response");
    for (auto const* p : {"O3", "dust", "wildfire", "fireworks"}) {
        INFO(p);
        CHECK(plan.path_for(p) == "health_advisory");
    }
    CHECK(plan.path_for("sandstorm") == "excluded");  // the plan system excludes sandstorms (domain §4.1)
    CHECK(plan.path_for("CO") == "full_response");
    for (auto const& p : plan.pollutant_paths) CHECK_FALSE(p.note_cn.empty());
}

TEST_CASE("Taiyuan reduction targets and baseline emissions", "[plans][taiyuan]") {
    auto const& plan = test::taiyuan();
    CHECK(plan.reduction_targets.count("adverse") == 0);
    std::vector<std::pair<std::string, double>> const expected = {
        {"yellow", 10}, {"orange", 20}, {"red", 30}};
    for (auto const& [level, percent] : expected) {
        auto const& targets = plan.reduction_targets.at(level);
        REQUIRE(targets.size() == 4);
        for (auto const& [pollutant, value] : targets) {
            INFO(level << " " << pollutant);
            CHECK(value == Approx(percent));
        }
    }
    REQUIRE(plan.baseline_emissions_t_per_day.size() == 4);
    for (auto const& [pollutant, tonnes] : plan.baseline_emissions_t_per_day) CHECK(tonnes > 0);
}

TEST_CASE("Taiyuan public measures are complete per level", "[plans][taiyuan]") {
    auto const& plan = test::taiyuan();
    auto sectors_of = [&](std::string const& level) {
        std::set<std::string> sectors;
        for (auto const& m : plan.public_measures)
            if (m.level == level) sectors.insert(m.sector);
        return sectors;
    };
    CHECK_FALSE(sectors_of("adverse").empty());
    for (auto const* level : {"yellow", "orange", "red"}) {
        INFO(level);
        auto const sectors = sectors_of(level);
        for (auto const* sector : {"health", "advocacy", "industrial", "mobile", "dust"})
            CHECK(sectors.count(sector) == 1);
    }
    for (auto const& m : plan.public_measures) CHECK_FALSE(m.text_cn.empty());
}

}  // namespace
}  // namespace hazeguard::plans
