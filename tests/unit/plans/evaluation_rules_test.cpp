// The plan's "evaluation" member: settings of the post-event report.
#include <catch2/catch.hpp>

#include "tests/unit/plans/plan_test_support.hpp"

namespace hazeguard::plans {
namespace {

using test::json;
using test::minimal_plan;
using test::parse;

TEST_CASE("evaluation settings: categories ascending with an open top and known onset levels",
          "[plans][evaluation]") {
    auto doc = minimal_plan();
    SECTION("the minimal plan reads") {
        auto const result = parse(doc);
        INFO(test::describe(result));
        REQUIRE(result.ok());
        auto const& e = result.plan.evaluation;
        REQUIRE(e.aqi_categories.size() == 2);
        CHECK(e.aqi_categories[0].max == 100);
        CHECK_FALSE(e.aqi_categories[1].max);
        CHECK(e.onset_checks.at(0).level == "yellow");
        CHECK(e.electricity_tolerance == Approx(0.1));
    }
    SECTION("categories must ascend") {
        doc["evaluation"]["aqi_categories"] = json::parse(
            R"([{"name_cn": "a", "max": 100}, {"name_cn": "b", "max": 100}, {"name_cn": "c"}])");
        CHECK_ONLY_PROBLEM(doc, "/evaluation/aqi_categories/1/max",
                           "must be greater than the previous category's max (100)");
    }
    SECTION("only the last category is open-ended") {
        doc["evaluation"]["aqi_categories"][0].erase("max");
        CHECK_ONLY_PROBLEM(doc, "/evaluation/aqi_categories/0/max",
                           "missing required member (only the last category is open-ended)");
    }
    SECTION("the last category takes no max") {
        doc["evaluation"]["aqi_categories"][1]["max"] = 300;
        CHECK_ONLY_PROBLEM(doc, "/evaluation/aqi_categories/1/max",
                           "the last category is open-ended: it takes no max");
    }
    SECTION("onset checks name a level of the plan") {
        doc["evaluation"]["onset_checks"][0]["level"] = "purple";
        CHECK_ONLY_PROBLEM(doc, "/evaluation/onset_checks/0/level", "unknown level \"purple\"");
    }
    SECTION("the tolerance is a share") {
        doc["evaluation"]["electricity_tolerance"] = 1.5;
        CHECK_ONLY_PROBLEM(doc, "/evaluation/electricity_tolerance", "must be between 0 and 1, got 1.5");
    }
    SECTION("the section is required") {
        doc.erase("evaluation");
        CHECK_ONLY_PROBLEM(doc, "/evaluation", "missing required member");
    }
}

}  // namespace
}  // namespace hazeguard::plans
