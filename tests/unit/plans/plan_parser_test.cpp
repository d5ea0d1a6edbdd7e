#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "tests/unit/plans/plan_test_support.hpp"

namespace hazeguard::plans {
namespace {

using test::has_problem;
using test::json;
using test::minimal_plan;
using test::parse;

TEST_CASE("minimal plan parses into the model", "[plans]") {
    auto const result = parse(minimal_plan());
    INFO(test::describe(result));
    REQUIRE(result.ok());
    auto const& plan = result.plan;

    CHECK(plan.id == "test");
    CHECK(plan.version == "1.0");
    CHECK(plan.utc_offset == "+08:00");
    REQUIRE(plan.levels.size() == 3);
    CHECK(plan.rank("adverse") == 0);
    CHECK(plan.rank("red") == 2);
    CHECK(plan.levels[0].pre_stage);
    CHECK_FALSE(plan.levels[1].pre_stage);  // default when absent
    CHECK(plan.levels[1].name_en == "Yellow");

    REQUIRE(plan.rule_sets.size() == 1);
    auto const& rules = plan.rule_sets[0].rules;
    REQUIRE(rules.size() == 3);
    CHECK(rules[0].level == "red");
    REQUIRE(rules[0].criterion.any_of.size() == 1);
    REQUIRE(rules[0].criterion.any_of[0].size() == 2);
    CHECK(rules[0].criterion.any_of[0][1].aqi_above == 300);
    CHECK(rules[0].criterion.any_of[0][1].days == 1);
    REQUIRE(rules[1].criterion.any_of.size() == 2);
    CHECK(rules[1].criterion.any_of[1][0].aqi_above == 150);
    CHECK(rules[1].criterion.any_of[1][0].days == 2);
    CHECK(rules[2].lift_below == 100);
    CHECK(plan.default_rule_set == "rs");
    CHECK(plan.forecast_value == "central");

    CHECK(plan.may_sign("deputy", "yellow"));
    CHECK_FALSE(plan.may_sign("deputy", "red"));
    CHECK(plan.may_sign("mayor", "red"));

    CHECK(plan.time_limits.approval_form_hours == 2);
    CHECK(plan.time_limits.signature_hours == 3);
    CHECK(plan.time_limits.distribution_hours == 4);
    CHECK(plan.fluctuation.window_days == 3);
    CHECK(plan.fluctuation.min_crossings == 2);
    CHECK(plan.lift.min_hours_below == 36);
    CHECK(plan.episode_merge_hours == 48);

    CHECK(plan.path_for("PM2.5") == "full_response");
    CHECK(plan.path_for("O3") == "health_advisory");
    CHECK(plan.path_for("CO") == "health_advisory");  // unknown_pollutant_path
    CHECK(plan.pollutant_paths[0].note_cn.empty());
    CHECK(plan.pollutant_paths[1].note_cn == "健康提示");

    CHECK(plan.reduction_targets.at("yellow").at("NOx") == Approx(10));
    CHECK(plan.reduction_targets.at("red").size() == 1);
    CHECK(plan.baseline_emissions_t_per_day.at("VOCs") == Approx(150.5));
    REQUIRE(plan.public_measures.size() == 1);
    CHECK(plan.public_measures[0].sector == "health");
    CHECK(plan.public_measures[0].text_cn == "减少户外活动");
}

TEST_CASE("comments and notes are accepted and ignored", "[plans]") {
    auto doc = minimal_plan();
    doc["$comment"] = "top level";
    doc["notes"] = json::array({"one", "two"});
    doc["levels"][1]["$comment"] = "nested";
    doc["reduction_targets"]["$comment"] = "inside a map";
    doc["reduction_targets"]["yellow"]["$comment"] = "inside a pollutant map";
    auto const result = parse(doc);
    INFO(test::describe(result));
    CHECK(result.ok());
    CHECK(result.plan.reduction_targets.count("$comment") == 0);
    CHECK(result.plan.reduction_targets.at("yellow").count("$comment") == 0);
}

TEST_CASE("malformed JSON is one problem at the root pointer", "[plans]") {
    auto const text = GENERATE(as<std::string>{}, "", "{", "{\"format\": }", "[1,]", "{} extra");
    auto const result = parse_plan(text);
    INFO("text: " << text);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].pointer.empty());
    CHECK(result.problems[0].message.find("parse error") != std::string::npos);
    CHECK(result.problems[0].message.find("json.exception") == std::string::npos);
}

// Found by plan_json_fuzz: nlohmann's message quotes the bytes it read last, here an invalid
// UTF-8 byte, and a number out of range was an "internal error" that named the exception.
TEST_CASE("a malformed plan's problem quotes no input and names no parser exception", "[plans]") {
    auto const bad_utf8 = parse_plan("{\"levels\": [], \"\x94\": 1}");
    REQUIRE(bad_utf8.problems.size() == 1);
    CHECK(bad_utf8.problems[0].message.find('\x94') == std::string::npos);
    CHECK(bad_utf8.problems[0].message.find("line 1, column") != std::string::npos);
    CHECK(bad_utf8.problems[0].message.find("UTF-8") != std::string::npos);

    auto const huge = parse_plan(R"({"episode_merge_hours": 1e999})");
    REQUIRE(huge.problems.size() == 1);
    CHECK(huge.problems[0].pointer.empty());
    CHECK(huge.problems[0].message.find("json.exception") == std::string::npos);
    CHECK(huge.problems[0].message.find("internal error") == std::string::npos);
    CHECK(huge.problems[0].message.find("number overflow") != std::string::npos);
}

TEST_CASE("the root must be an object", "[plans]") {
    CHECK_ONLY_PROBLEM(json::array(), "", "must be a JSON object, got array");
    CHECK_ONLY_PROBLEM(json(42), "", "must be a JSON object, got integer");
}

TEST_CASE("a failed parse leaves no half-read plan", "[plans]") {
    auto doc = minimal_plan();
    doc["lift"]["min_hours_below"] = 0;
    auto const result = parse(doc);
    REQUIRE_FALSE(result.ok());
    CHECK(result.plan.levels.empty());
    CHECK(result.plan.id.empty());
}

TEST_CASE("every required top-level member is reported where it should be", "[plans]") {
    auto const key = GENERATE(as<std::string>{}, "format", "id", "version", "name_cn", "city_cn",
                              "utc_offset", "levels", "assessment", "rule_sets", "authorities",
                              "time_limits", "fluctuation", "lift", "episode_merge_hours",
                              "pollutant_paths", "unknown_pollutant_path", "reduction_targets",
                              "baseline_emissions_t_per_day", "public_measures", "districts",
                              "industries", "non_key_industry", "grades", "self_determined_grades",
                              "stop_grades", "guarantee_types", "measure_catalog", "orders");
    auto doc = minimal_plan();
    doc.erase(key);
    CHECK_ONLY_PROBLEM(doc, "/" + key, "missing required member \"" + key + "\"");
}

TEST_CASE("required nested members are reported with their full pointer", "[plans]") {
    auto doc = minimal_plan();
    SECTION("level name_en") {
        doc["levels"][1].erase("name_en");
        CHECK_ONLY_PROBLEM(doc, "/levels/1/name_en", "missing required member");
    }
    SECTION("rule lift_below") {
        doc["rule_sets"][0]["rules"][2].erase("lift_below");
        CHECK_ONLY_PROBLEM(doc, "/rule_sets/0/rules/2/lift_below", "missing required member");
    }
    SECTION("condition days") {
        doc["rule_sets"][0]["rules"][0]["any_of"][0]["all_of"][1].erase("days");
        CHECK_ONLY_PROBLEM(doc, "/rule_sets/0/rules/0/any_of/0/all_of/1/days", "missing");
    }
    SECTION("assessment forecast_value") {
        doc["assessment"].erase("forecast_value");
        CHECK_ONLY_PROBLEM(doc, "/assessment/forecast_value", "missing required member");
    }
    SECTION("time limit") {
        doc["time_limits"].erase("signature_hours");
        CHECK_ONLY_PROBLEM(doc, "/time_limits/signature_hours", "missing required member");
    }
    SECTION("pollutant path") {
        doc["pollutant_paths"][1].erase("path");
        CHECK_ONLY_PROBLEM(doc, "/pollutant_paths/1/path", "missing required member");
    }
    SECTION("optional members may be left out") {
        doc["levels"][0].erase("pre_stage");
        doc["pollutant_paths"][1].erase("note_cn");
        CHECK(parse(doc).ok());
    }
}

TEST_CASE("wrong JSON types are reported", "[plans]") {
    auto doc = minimal_plan();
    SECTION("array expected") {
        doc["levels"] = json::object();
        CHECK_ONLY_PROBLEM(doc, "/levels", "expected an array, got object");
    }
    SECTION("object expected") {
        doc["assessment"] = json::array();
        CHECK_ONLY_PROBLEM(doc, "/assessment", "expected an object, got array");
    }
    SECTION("array element object expected") {
        doc["authorities"][0] = "mayor";
        CHECK_ONLY_PROBLEM(doc, "/authorities/0", "expected an object, got string");
    }
    SECTION("string expected") {
        doc["id"] = 7;
        CHECK_ONLY_PROBLEM(doc, "/id", "expected a string, got integer");
    }
    SECTION("integer expected, got string") {
        doc["episode_merge_hours"] = "36";
        CHECK_ONLY_PROBLEM(doc, "/episode_merge_hours", "expected an integer, got string");
    }
    SECTION("integer expected, got fraction") {
        doc["rule_sets"][0]["rules"][0]["any_of"][0]["all_of"][0]["aqi_above"] = 200.5;
        CHECK_ONLY_PROBLEM(doc, "/rule_sets/0/rules/0/any_of/0/all_of/0/aqi_above",
                           "expected an integer, got number");
    }
    SECTION("boolean expected") {
        doc["levels"][0]["pre_stage"] = "yes";
        CHECK_ONLY_PROBLEM(doc, "/levels/0/pre_stage", "expected a boolean, got string");
    }
    SECTION("number expected") {
        doc["baseline_emissions_t_per_day"]["SO2"] = nullptr;
        CHECK_ONLY_PROBLEM(doc, "/baseline_emissions_t_per_day/SO2", "expected a number, got null");
    }
    SECTION("notes must be strings") {
        doc["notes"] = json::array({"fine", 1});
        CHECK_ONLY_PROBLEM(doc, "/notes/1", "expected a string");
    }
    SECTION("notes must be an array") {
        doc["notes"] = "one note";
        CHECK_ONLY_PROBLEM(doc, "/notes", "expected an array");
    }
}

TEST_CASE("unknown members are reported, with a hint for typos", "[plans]") {
    auto doc = minimal_plan();
    SECTION("top level typo") {
        doc["levles"] = json::array();
        CHECK_ONLY_PROBLEM(doc, "/levles", "unknown member \"levles\"; did you mean \"levels\"?");
    }
    SECTION("top level, nothing close") {
        doc["colour_scheme"] = "dark";
        CHECK_ONLY_PROBLEM(doc, "/colour_scheme", "unknown member \"colour_scheme\"");
    }
    SECTION("inside a rule") {
        doc["rule_sets"][0]["rules"][1]["lift"] = 150;
        CHECK_ONLY_PROBLEM(doc, "/rule_sets/0/rules/1/lift", "unknown member");
    }
    SECTION("inside a condition") {
        doc["rule_sets"][0]["rules"][2]["any_of"][0]["all_of"][0]["hours"] = 48;
        CHECK_ONLY_PROBLEM(doc, "/rule_sets/0/rules/2/any_of/0/all_of/0/hours", "unknown member");
    }
    SECTION("inside time_limits") {
        doc["time_limits"]["distribtion_hours"] = 2;
        CHECK_ONLY_PROBLEM(doc, "/time_limits/distribtion_hours", "did you mean \"distribution_hours\"?");
    }
    SECTION("pointer tokens are escaped per RFC 6901") {
        doc["a/b~c"] = 1;
        CHECK_ONLY_PROBLEM(doc, "/a~1b~0c", "unknown member \"a/b~c\"");
    }
}

TEST_CASE("format must be hazeguard-plan/1", "[plans]") {
    auto doc = minimal_plan();
    doc["format"] = "hazeguard-plan/2";
    CHECK_ONLY_PROBLEM(doc, "/format", "unsupported format \"hazeguard-plan/2\"");
}

TEST_CASE("ids and names must not be empty strings", "[plans]") {
    auto doc = minimal_plan();
    std::string pointer;
    SECTION("plan id") { pointer = "/id"; }
    SECTION("plan name") { pointer = "/name_cn"; }
    SECTION("level name") { pointer = "/levels/2/name_cn"; }
    SECTION("rule set source") { pointer = "/rule_sets/0/source"; }
    SECTION("authority name") { pointer = "/authorities/1/name_cn"; }
    SECTION("pollutant") { pointer = "/pollutant_paths/0/pollutant"; }
    SECTION("measure text") { pointer = "/public_measures/0/text_cn"; }
    doc[json::json_pointer(pointer)] = "";
    CHECK_ONLY_PROBLEM(doc, pointer, "must not be an empty string");
}

TEST_CASE("Deviation needs a reason: the plan's advance notice per level and the extension reminder are read and checked",
          "[plans][parser][rules]") {
    auto doc = test::minimal_plan();
    doc["time_limits"]["advance_notice_hours"] = {{"$comment", "red normally 24 h ahead"}, {"red", 24}};
    doc["time_limits"]["extension_reminder_hours"] = 6;
    auto const ok = test::parse(doc);
    INFO(test::describe(ok));
    REQUIRE(ok.ok());
    CHECK(ok.plan.time_limits.advance_notice_hours == std::map<std::string, int>{{"red", 24}});
    CHECK(ok.plan.time_limits.extension_reminder_hours == 6);

    SECTION("an unknown level") {
        doc["time_limits"]["advance_notice_hours"] = {{"purple", 24}};
        CHECK_ONLY_PROBLEM(doc, "/time_limits/advance_notice_hours/purple", "level");
    }
    SECTION("hours out of range") {
        doc["time_limits"]["advance_notice_hours"] = {{"red", 0}};
        CHECK_ONLY_PROBLEM(doc, "/time_limits/advance_notice_hours/red", "");
        doc["time_limits"]["advance_notice_hours"] = {{"red", 24}};
        doc["time_limits"]["extension_reminder_hours"] = -1;
        CHECK_ONLY_PROBLEM(doc, "/time_limits/extension_reminder_hours", "");
    }
    SECTION("both optional") {
        doc["time_limits"].erase("advance_notice_hours");
        doc["time_limits"].erase("extension_reminder_hours");
        auto const bare = test::parse(doc);
        REQUIRE(bare.ok());
        CHECK(bare.plan.time_limits.advance_notice_hours.empty());
        CHECK(bare.plan.time_limits.extension_reminder_hours == 0);
    }
}

}  // namespace
}  // namespace hazeguard::plans
