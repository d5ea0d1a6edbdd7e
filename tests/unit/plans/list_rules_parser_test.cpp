// The plan members about the emission-reduction list and its orders: districts, industries,
// grades, guarantee types, the measure catalog and the order deadlines.
#include <string>

#include <catch2/catch.hpp>

#include "tests/unit/plans/plan_test_support.hpp"

namespace hazeguard::plans {
namespace {

using test::has_problem;
using test::json;
using test::minimal_plan;
using test::parse;

json catalog_entry(std::string const& industry, json grades, std::string const& level) {
    return {{"industry", industry}, {"grades", std::move(grades)}, {"level", level},
            {"action", "stop"},      {"text_cn", "停产"},          {"cut", {{"SO2", 1}, {"NOx", 1}, {"PM", 1}, {"VOCs", 1}}}};
}

TEST_CASE("list rules parse into the model", "[plans][list_rules]") {
    auto const result = parse(minimal_plan());
    INFO(test::describe(result));
    REQUIRE(result.ok());
    auto const& plan = result.plan;

    CHECK(plan.districts == std::vector<std::string>{"甲区", "乙县"});
    CHECK(plan.industries == std::vector<std::string>{"水泥", "焦化"});
    CHECK(plan.non_key_industry == "非重点行业");
    CHECK(plan.grades == std::vector<std::string>{"A", "B", "C", "D", "引领性", "非引领性"});
    CHECK(plan.self_determined_grades == std::vector<std::string>{"A", "引领性"});
    CHECK(plan.stop_grades == std::vector<std::string>{"D"});
    CHECK(plan.guarantee_types == std::vector<std::string>{"民生保障（供暖）"});

    REQUIRE(plan.measure_catalog.size() == 2);
    auto const& cement = plan.measure_catalog[0];
    CHECK(cement.industry == "水泥");
    CHECK(cement.grades == std::vector<std::string>{"B"});
    CHECK(cement.level == "red");
    CHECK(cement.action == "stop");
    CHECK(cement.text_cn == "停产");
    CHECK(cement.transport_cn == "禁止国四及以下重型货车运输");
    CHECK(cement.cut.size() == 4);
    CHECK(cement.cut.at("NOx") == Approx(1.0));
    auto const& any = plan.measure_catalog[1];
    CHECK(any.industry == "*");
    CHECK(any.grades == std::vector<std::string>{"B", "C"});
    CHECK(any.action == "limit");
    CHECK(any.transport_cn.empty());  // optional, default ""
    CHECK(any.cut.at("SO2") == Approx(0.2));
    CHECK(any.cut.at("VOCs") == Approx(0.1));

    CHECK(plan.orders.ack_hours == 2);
    CHECK(plan.orders.execution_hours == 12);
    CHECK(plan.orders.escalate_after_hours == 3);
}

TEST_CASE("name lists: non-empty where required, strings, unique", "[plans][list_rules]") {
    auto doc = minimal_plan();
    SECTION("districts, industries and grades must not be empty") {
        auto const key = GENERATE(as<std::string>{}, "districts", "industries", "grades");
        doc[key] = json::array();
        CHECK_ONLY_PROBLEM(doc, "/" + key, "must not be empty");
    }
    SECTION("the other lists may be empty") {
        doc["self_determined_grades"] = json::array();
        doc["stop_grades"] = json::array();
        doc["guarantee_types"] = json::array();
        doc["measure_catalog"] = json::array();
        auto const result = parse(doc);
        INFO(test::describe(result));
        CHECK(result.ok());
        CHECK(result.plan.measure_catalog.empty());
    }
    SECTION("duplicate district") {
        doc["districts"].push_back("甲区");
        CHECK_ONLY_PROBLEM(doc, "/districts/2", "duplicate district \"甲区\"");
    }
    SECTION("duplicate guarantee type") {
        doc["guarantee_types"].push_back("民生保障（供暖）");
        CHECK_ONLY_PROBLEM(doc, "/guarantee_types/1", "duplicate guarantee type");
    }
    SECTION("empty name") {
        doc["industries"][1] = "";
        // 焦化 disappears from the industries; nothing else refers to it.
        CHECK_ONLY_PROBLEM(doc, "/industries/1", "must not be an empty string");
    }
    SECTION("not a string") {
        doc["grades"].push_back(3);
        CHECK_ONLY_PROBLEM(doc, "/grades/6", "expected a string, got integer");
    }
    SECTION("not an array") {
        doc["guarantee_types"] = "民生保障（供暖）";
        CHECK_ONLY_PROBLEM(doc, "/guarantee_types", "expected an array, got string");
    }
}

TEST_CASE("industries: \"*\" is reserved, the non-key industry is not a key industry",
          "[plans][list_rules]") {
    auto doc = minimal_plan();
    SECTION("an industry named *") {
        doc["industries"].push_back("*");
        CHECK_ONLY_PROBLEM(doc, "/industries/2", "\"*\" is reserved");
    }
    SECTION("non_key_industry *") {
        doc["non_key_industry"] = "*";
        CHECK_ONLY_PROBLEM(doc, "/non_key_industry", "\"*\" is reserved");
    }
    SECTION("non_key_industry among the key industries") {
        doc["non_key_industry"] = "焦化";
        CHECK_ONLY_PROBLEM(doc, "/non_key_industry", "\"焦化\" is one of the key industries");
    }
    SECTION("non_key_industry empty") {
        doc["non_key_industry"] = "";
        CHECK_ONLY_PROBLEM(doc, "/non_key_industry", "must not be an empty string");
    }
}

TEST_CASE("self-determined and stop grades are known and disjoint", "[plans][list_rules]") {
    auto doc = minimal_plan();
    SECTION("unknown self-determined grade") {
        doc["self_determined_grades"].push_back("A+");
        CHECK_ONLY_PROBLEM(doc, "/self_determined_grades/2", "unknown grade \"A+\"");
    }
    SECTION("unknown stop grade") {
        doc["stop_grades"][0] = "E";
        CHECK_ONLY_PROBLEM(doc, "/stop_grades/0", "unknown grade \"E\"");
    }
    SECTION("a grade in both") {
        doc["stop_grades"].push_back("A");
        CHECK_ONLY_PROBLEM(doc, "/stop_grades/1", "grade \"A\" is also in \"self_determined_grades\"");
    }
    SECTION("duplicate") {
        doc["stop_grades"].push_back("D");
        CHECK_ONLY_PROBLEM(doc, "/stop_grades/1", "duplicate grade \"D\"");
    }
    SECTION("unreadable grades: references are not checked") {
        doc["grades"] = "A,B,C";
        CHECK_ONLY_PROBLEM(doc, "/grades", "expected an array");
    }
}

TEST_CASE("catalog entries: references, enums, cut fractions", "[plans][list_rules]") {
    auto doc = minimal_plan();
    auto& entry = doc["measure_catalog"][0];
    std::string const p = "/measure_catalog/0";
    SECTION("unknown industry") {
        entry["industry"] = "煤炭洗选";
        CHECK_ONLY_PROBLEM(doc, p + "/industry", "unknown industry \"煤炭洗选\"");
    }
    SECTION("the non-key industry and * are accepted") {
        auto const industry = GENERATE(as<std::string>{}, "非重点行业", "*");
        entry["industry"] = industry;
        auto const result = parse(doc);
        INFO(test::describe(result));
        REQUIRE(result.ok());
        CHECK(result.plan.measure_catalog[0].industry == industry);
    }
    SECTION("unknown grade") {
        entry["grades"].push_back("B-");
        CHECK_ONLY_PROBLEM(doc, p + "/grades/1", "unknown grade \"B-\"");
    }
    SECTION("no grades") {
        entry["grades"] = json::array();
        CHECK_ONLY_PROBLEM(doc, p + "/grades", "must not be empty");
    }
    SECTION("a grade twice in one entry") {
        entry["grades"].push_back("B");
        CHECK_ONLY_PROBLEM(doc, p + "/grades/1", "duplicate grade \"B\"");
    }
    SECTION("unknown level") {
        entry["level"] = "orange";
        CHECK_ONLY_PROBLEM(doc, p + "/level", "unknown level \"orange\"");
    }
    SECTION("action") {
        entry["action"] = "halt";
        CHECK_ONLY_PROBLEM(doc, p + "/action",
                           "unknown value \"halt\"; expected one of \"stop\", \"limit\", "
                           "\"extend_time\", \"transport\", \"other\"");
    }
    SECTION("every action is accepted") {
        entry["action"] = GENERATE(as<std::string>{}, "stop", "limit", "extend_time", "transport", "other");
        CHECK(parse(doc).ok());
    }
    SECTION("text") {
        entry["text_cn"] = "";
        CHECK_ONLY_PROBLEM(doc, p + "/text_cn", "must not be an empty string");
    }
    SECTION("transport must be a string") {
        entry["transport_cn"] = false;
        CHECK_ONLY_PROBLEM(doc, p + "/transport_cn", "expected a string, got boolean");
    }
    SECTION("fraction out of range") {
        auto const value = GENERATE(as<double>{}, -0.1, 1.5, 20.0);
        entry["cut"]["PM"] = value;
        CHECK_ONLY_PROBLEM(doc, p + "/cut/PM", "must be between 0 and 1");
    }
    SECTION("fraction bounds are inclusive") {
        entry["cut"]["PM"] = 0;
        entry["cut"]["SO2"] = 1.0;
        CHECK(parse(doc).ok());
    }
    SECTION("every pollutant is required") {
        entry["cut"].erase("VOCs");
        CHECK_ONLY_PROBLEM(doc, p + "/cut/VOCs", "missing required member \"VOCs\"");
    }
    SECTION("unknown pollutant") {
        entry["cut"]["NH3"] = 0.5;
        CHECK_ONLY_PROBLEM(doc, p + "/cut/NH3", "unknown pollutant \"NH3\"");
    }
    SECTION("cut must be an object") {
        entry["cut"] = 0.5;
        CHECK_ONLY_PROBLEM(doc, p + "/cut", "expected an object, got number");
    }
    SECTION("missing cut") {
        entry.erase("cut");
        CHECK_ONLY_PROBLEM(doc, p + "/cut", "missing required member \"cut\"");
    }
    SECTION("typo in a member name") {
        entry["transprt_cn"] = "x";
        CHECK_ONLY_PROBLEM(doc, p + "/transprt_cn", "did you mean \"transport_cn\"?");
    }
    SECTION("an entry must be an object") {
        doc["measure_catalog"].push_back("停产");
        CHECK_ONLY_PROBLEM(doc, "/measure_catalog/2", "expected an object, got string");
    }
}

TEST_CASE("catalog: one entry per industry × grade × level", "[plans][list_rules]") {
    auto doc = minimal_plan();
    auto& catalog = doc["measure_catalog"];
    SECTION("same industry, grade and level twice") {
        catalog.push_back(catalog_entry("*", {"C", "非引领性"}, "yellow"));
        CHECK_ONLY_PROBLEM(doc, "/measure_catalog/2/grades/0",
                           "duplicate catalog entry for industry \"*\", grade \"C\", level \"yellow\"; "
                           "first at /measure_catalog/1");
    }
    SECTION("every duplicated grade is reported") {
        catalog.push_back(catalog_entry("*", {"C", "非引领性", "B"}, "yellow"));
        auto const result = parse(doc);
        CHECK(result.problems.size() == 2);
        CHECK(has_problem(result, "/measure_catalog/2/grades/0", "grade \"C\""));
        CHECK(has_problem(result, "/measure_catalog/2/grades/2", "grade \"B\""));
    }
    SECTION("another level, industry or grade is not a duplicate") {
        catalog.push_back(catalog_entry("*", {"B"}, "red"));
        catalog.push_back(catalog_entry("水泥", {"B"}, "yellow"));
        catalog.push_back(catalog_entry("水泥", {"C"}, "red"));
        catalog.push_back(catalog_entry("*", {"非引领性"}, "yellow"));
        auto const result = parse(doc);
        INFO(test::describe(result));
        CHECK(result.ok());
        CHECK(result.plan.measure_catalog.size() == 6);
    }
}

TEST_CASE("catalog: self-determined and stop grades only at the pre-stage", "[plans][list_rules]") {
    auto doc = minimal_plan();
    auto& catalog = doc["measure_catalog"];
    SECTION("a self-determined grade at a warning level is never used") {
        catalog[1]["grades"].push_back("引领性");
        CHECK_ONLY_PROBLEM(doc, "/measure_catalog/1/grades/2",
                           "grade \"引领性\" determines its own reductions");
    }
    SECTION("a stop grade at a warning level is never used") {
        catalog[0]["grades"].push_back("D");
        CHECK_ONLY_PROBLEM(doc, "/measure_catalog/0/grades/1", "grade \"D\" stops at every warning level");
    }
    SECTION("at the pre-stage every grade may have an entry") {
        catalog.push_back(catalog_entry("焦化", {"A", "B", "D"}, "adverse"));
        auto const result = parse(doc);
        INFO(test::describe(result));
        CHECK(result.ok());
    }
    SECTION("with levels unreadable, level references are not checked") {
        doc["levels"] = json::object();
        CHECK_ONLY_PROBLEM(doc, "/levels", "expected an array");
    }
}

TEST_CASE("order deadlines: positive integers, execution not before acknowledgement",
          "[plans][list_rules]") {
    auto doc = minimal_plan();
    SECTION("positive") {
        auto const key = GENERATE(as<std::string>{}, "ack_hours", "execution_hours", "escalate_after_hours");
        auto const value = GENERATE(0, -1);
        doc["orders"][key] = value;
        CHECK_ONLY_PROBLEM(doc, "/orders/" + key, "must be at least 1");
    }
    SECTION("integers") {
        doc["orders"]["ack_hours"] = 1.5;
        CHECK_ONLY_PROBLEM(doc, "/orders/ack_hours", "expected an integer, got number");
    }
    SECTION("execution before acknowledgement") {
        doc["orders"]["execution_hours"] = 1;
        CHECK_ONLY_PROBLEM(doc, "/orders/execution_hours", "must not be less than ack_hours (2), got 1");
    }
    SECTION("execution equal to acknowledgement is fine") {
        doc["orders"]["execution_hours"] = 2;
        CHECK(parse(doc).ok());
    }
    SECTION("missing member") {
        doc["orders"].erase("escalate_after_hours");
        CHECK_ONLY_PROBLEM(doc, "/orders/escalate_after_hours", "missing required member");
    }
    SECTION("a reminder before the deadline falls within the acknowledgement window") {
        CHECK(parse(doc).plan.orders.remind_before_minutes == 0);   // not given: none
        doc["orders"]["remind_before_minutes"] = 119;                // ack_hours 2
        CHECK(parse(doc).plan.orders.remind_before_minutes == 119);
        doc["orders"]["remind_before_minutes"] = 120;
        CHECK_ONLY_PROBLEM(doc, "/orders/remind_before_minutes", "must be between 0 and 119, got 120");
        doc["orders"]["remind_before_minutes"] = -5;
        CHECK_ONLY_PROBLEM(doc, "/orders/remind_before_minutes", "must be between 0 and 119, got -5");
    }
    SECTION("unknown member") {
        doc["orders"]["ack_minutes"] = 30;
        CHECK_ONLY_PROBLEM(doc, "/orders/ack_minutes", "unknown member");
    }
}

}  // namespace
}  // namespace hazeguard::plans
