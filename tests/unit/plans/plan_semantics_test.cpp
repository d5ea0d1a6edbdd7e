// The plan parser's semantic checks: ids, rule sets, criteria, authorities, workflow settings,
// pollutant paths, targets, public measures, offsets (the structural checks: plan_parser_test.cpp).
#include <string>

#include <catch2/catch.hpp>

#include "tests/unit/plans/plan_test_support.hpp"

namespace hazeguard::plans {
namespace {

using test::has_problem;
using test::json;
using test::minimal_plan;
using test::parse;

TEST_CASE("level ids are unique, well formed, and there is at least one level", "[plans]") {
    auto doc = minimal_plan();
    SECTION("pattern") {
        auto const id = GENERATE(as<std::string>{}, "Purple", "dark-red", "red2", "");
        doc["levels"].push_back({{"id", id}, {"name_cn", "紫色"}, {"name_en", "Purple"}});
        CHECK_ONLY_PROBLEM(doc, "/levels/3/id", id.empty() ? "empty string" : "must match ^[a-z_]+$");
    }
    SECTION("duplicate") {
        doc["levels"].push_back({{"id", "red"}, {"name_cn", "红色"}, {"name_en", "Red"}});
        CHECK_ONLY_PROBLEM(doc, "/levels/3/id", "duplicate level id \"red\"");
    }
    SECTION("empty list is reported once, not at every reference") {
        doc["levels"] = json::array();
        CHECK_ONLY_PROBLEM(doc, "/levels", "must not be empty");
    }
}

TEST_CASE("rule sets: unique ids, known levels, strict order", "[plans]") {
    auto doc = minimal_plan();
    auto& rules = doc["rule_sets"][0]["rules"];
    SECTION("duplicate rule set id") {
        doc["rule_sets"].push_back(doc["rule_sets"][0]);
        CHECK_ONLY_PROBLEM(doc, "/rule_sets/1/id", "duplicate rule set id \"rs\"");
    }
    SECTION("unknown level") {
        rules[0]["level"] = "purple";
        CHECK_ONLY_PROBLEM(doc, "/rule_sets/0/rules/0/level", "unknown level \"purple\"");
    }
    SECTION("lowest first is out of order") {
        std::swap(rules[0], rules[1]);
        CHECK_ONLY_PROBLEM(doc, "/rule_sets/0/rules/1/level",
                           "ordered from the highest level to the lowest; \"red\" must come before \"yellow\"");
    }
    SECTION("a level twice") {
        rules.insert(rules.begin() + 2, rules[1]);
        CHECK_ONLY_PROBLEM(doc, "/rule_sets/0/rules/2/level", "\"yellow\" already has a rule");
    }
    SECTION("a rule set without rules") {
        rules = json::array();
        CHECK_ONLY_PROBLEM(doc, "/rule_sets/0/rules", "must not be empty");
    }
    SECTION("a subset of levels in order is fine") {
        rules.erase(1);
        CHECK(parse(doc).ok());
    }
}

TEST_CASE("criteria: non-empty groups, bounded AQI and days", "[plans]") {
    auto doc = minimal_plan();
    std::string const rule = "/rule_sets/0/rules/0";
    SECTION("any_of empty") {
        doc[json::json_pointer(rule + "/any_of")] = json::array();
        CHECK_ONLY_PROBLEM(doc, rule + "/any_of", "must not be empty");
    }
    SECTION("all_of empty") {
        doc[json::json_pointer(rule + "/any_of/0/all_of")] = json::array();
        CHECK_ONLY_PROBLEM(doc, rule + "/any_of/0/all_of", "must not be empty");
    }
    SECTION("aqi_above out of range") {
        auto const value = GENERATE(-1, 501);
        doc[json::json_pointer(rule + "/any_of/0/all_of/1/aqi_above")] = value;
        CHECK_ONLY_PROBLEM(doc, rule + "/any_of/0/all_of/1/aqi_above", "must be between 0 and 500");
    }
    SECTION("aqi_above bounds are inclusive") {
        doc[json::json_pointer(rule + "/any_of/0/all_of/1/aqi_above")] = 500;
        doc[json::json_pointer(rule + "/any_of/0/all_of/0/aqi_above")] = 0;
        CHECK(parse(doc).ok());
    }
    SECTION("days out of range") {
        auto const value = GENERATE(0, 31);
        doc[json::json_pointer(rule + "/any_of/0/all_of/0/days")] = value;
        CHECK_ONLY_PROBLEM(doc, rule + "/any_of/0/all_of/0/days", "must be between 1 and 30");
    }
    SECTION("lift_below out of range") {
        doc[json::json_pointer(rule + "/lift_below")] = 501;
        CHECK_ONLY_PROBLEM(doc, rule + "/lift_below", "must be between 0 and 500, got 501");
    }
    SECTION("huge integers do not wrap around") {
        doc[json::json_pointer(rule + "/lift_below")] = 18446744073709551615ULL;
        CHECK_ONLY_PROBLEM(doc, rule + "/lift_below", "must be between 0 and 500");
    }
}

TEST_CASE("assessment: default rule set exists, forecast value enum", "[plans]") {
    auto doc = minimal_plan();
    SECTION("unknown rule set") {
        doc["assessment"]["default_rule_set"] = "national-2099";
        CHECK_ONLY_PROBLEM(doc, "/assessment/default_rule_set", "unknown rule set \"national-2099\"");
    }
    SECTION("forecast value") {
        doc["assessment"]["forecast_value"] = "mean";
        CHECK_ONLY_PROBLEM(doc, "/assessment/forecast_value",
                           "unknown value \"mean\"; expected one of \"central\", \"high\"");
    }
    SECTION("high is allowed") {
        doc["assessment"]["forecast_value"] = "high";
        auto const result = parse(doc);
        REQUIRE(result.ok());
        CHECK(result.plan.forecast_value == "high");
    }
}

TEST_CASE("authorities: unique ids, known levels", "[plans]") {
    auto doc = minimal_plan();
    SECTION("duplicate id") {
        doc["authorities"][1]["id"] = "deputy";
        CHECK_ONLY_PROBLEM(doc, "/authorities/1/id", "duplicate authority id \"deputy\"");
    }
    SECTION("unknown level") {
        doc["authorities"][0]["levels"][1] = "orange";
        CHECK_ONLY_PROBLEM(doc, "/authorities/0/levels/1", "unknown level \"orange\"");
    }
}

TEST_CASE("workflow settings are positive integers", "[plans]") {
    auto const pointer = GENERATE(as<std::string>{}, "/time_limits/approval_form_hours",
                                  "/time_limits/signature_hours", "/time_limits/distribution_hours",
                                  "/fluctuation/window_days", "/fluctuation/min_crossings",
                                  "/lift/min_hours_below", "/episode_merge_hours");
    auto const value = GENERATE(0, -5);
    auto doc = minimal_plan();
    doc[json::json_pointer(pointer)] = value;
    CHECK_ONLY_PROBLEM(doc, pointer, "must be at least 1");
}

TEST_CASE("pollutant paths: enum values, unique pollutants", "[plans]") {
    auto doc = minimal_plan();
    SECTION("path value") {
        doc["pollutant_paths"][0]["path"] = "ignore";
        CHECK_ONLY_PROBLEM(doc, "/pollutant_paths/0/path",
                           "unknown value \"ignore\"; expected one of \"full_response\", \"health_advisory\"");
    }
    SECTION("unknown_pollutant_path value") {
        doc["unknown_pollutant_path"] = "none";
        CHECK_ONLY_PROBLEM(doc, "/unknown_pollutant_path", "unknown value \"none\"");
    }
    SECTION("duplicate pollutant") {
        doc["pollutant_paths"][1]["pollutant"] = "PM2.5";
        CHECK_ONLY_PROBLEM(doc, "/pollutant_paths/1/pollutant", "duplicate pollutant \"PM2.5\"");
    }
    SECTION("an empty list is allowed") {
        doc["pollutant_paths"] = json::array();
        CHECK(parse(doc).ok());
    }
}

TEST_CASE("reduction targets and baseline emissions", "[plans]") {
    auto doc = minimal_plan();
    SECTION("target for an unknown level") {
        doc["reduction_targets"]["orange"] = {{"SO2", 20}};
        CHECK_ONLY_PROBLEM(doc, "/reduction_targets/orange", "unknown level \"orange\"");
    }
    SECTION("unknown pollutant") {
        doc["reduction_targets"]["yellow"]["CO"] = 10;
        CHECK_ONLY_PROBLEM(doc, "/reduction_targets/yellow/CO",
                           "unknown pollutant \"CO\"; expected one of \"SO2\", \"NOx\", \"PM\", \"VOCs\"");
    }
    SECTION("percent above 100") {
        doc["reduction_targets"]["red"]["PM"] = 100.5;
        CHECK_ONLY_PROBLEM(doc, "/reduction_targets/red/PM", "must be between 0 and 100, got 100.5");
    }
    SECTION("percent below 0") {
        doc["reduction_targets"]["yellow"]["SO2"] = -1;
        CHECK_ONLY_PROBLEM(doc, "/reduction_targets/yellow/SO2", "must be between 0 and 100");
    }
    SECTION("targets per level must be an object") {
        doc["reduction_targets"]["red"] = 30;
        CHECK_ONLY_PROBLEM(doc, "/reduction_targets/red", "expected an object");
    }
    SECTION("baseline pollutant") {
        doc["baseline_emissions_t_per_day"]["CO2"] = 1000;
        CHECK_ONLY_PROBLEM(doc, "/baseline_emissions_t_per_day/CO2", "unknown pollutant \"CO2\"");
    }
    SECTION("baseline negative") {
        doc["baseline_emissions_t_per_day"]["SO2"] = -0.5;
        CHECK_ONLY_PROBLEM(doc, "/baseline_emissions_t_per_day/SO2", "must be at least 0, got -0.5");
    }
}

TEST_CASE("public measures: known level, sector enum, text", "[plans]") {
    auto doc = minimal_plan();
    SECTION("level") {
        doc["public_measures"][0]["level"] = "blue";
        CHECK_ONLY_PROBLEM(doc, "/public_measures/0/level", "unknown level \"blue\"");
    }
    SECTION("sector") {
        doc["public_measures"][0]["sector"] = "education";
        CHECK_ONLY_PROBLEM(doc, "/public_measures/0/sector", "unknown value \"education\"");
    }
    SECTION("every sector is accepted") {
        auto const sector = GENERATE(as<std::string>{}, "health", "advocacy", "industrial", "mobile",
                                     "dust", "other");
        doc["public_measures"][0]["sector"] = sector;
        CHECK(parse(doc).ok());
    }
}

TEST_CASE("utc_offset is ±HH:MM within range", "[plans]") {
    auto doc = minimal_plan();
    SECTION("invalid") {
        auto const offset = GENERATE(as<std::string>{}, "+8:00", "08:00", "+15:00", "+08:60",
                                     "+08:00Z", "+0a:00", "UTC+8");
        doc["utc_offset"] = offset;
        CHECK_ONLY_PROBLEM(doc, "/utc_offset", "got \"" + offset + "\"");
    }
    SECTION("valid") {
        auto const offset = GENERATE(as<std::string>{}, "-03:30", "+14:00", "+00:00", "-12:00");
        doc["utc_offset"] = offset;
        auto const result = parse(doc);
        REQUIRE(result.ok());
        CHECK(result.plan.utc_offset == offset);
    }
}

TEST_CASE("several problems in one document are all reported", "[plans]") {
    auto doc = minimal_plan();
    doc.erase("version");
    doc["format"] = "other";
    doc["levels"][1]["id"] = "yellow";  // unchanged, keeps references valid
    doc["levels"][2]["name_en"] = "";
    doc["rule_sets"][0]["rules"][1]["any_of"][1]["all_of"][0]["days"] = 0;
    doc["authorities"][1]["levels"].push_back("purple");
    doc["fluctuation"]["window_days"] = "3";
    doc["public_measures"][0]["sector"] = "schools";
    doc["extra"] = true;

    auto const result = parse(doc);
    INFO(test::describe(result));
    CHECK(result.problems.size() == 8);
    CHECK(has_problem(result, "/version", "missing required member"));
    CHECK(has_problem(result, "/format", "unsupported format"));
    CHECK(has_problem(result, "/levels/2/name_en", "empty string"));
    CHECK(has_problem(result, "/rule_sets/0/rules/1/any_of/1/all_of/0/days", "between 1 and 30"));
    CHECK(has_problem(result, "/authorities/1/levels/3", "unknown level \"purple\""));
    CHECK(has_problem(result, "/fluctuation/window_days", "expected an integer"));
    CHECK(has_problem(result, "/public_measures/0/sector", "unknown value \"schools\""));
    CHECK(has_problem(result, "/extra", "unknown member"));
}

}  // namespace
}  // namespace hazeguard::plans
