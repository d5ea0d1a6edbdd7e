// The plan's optional "public_alert" member (docs/plan-format.md, docs/cap.md): Taiyuan's values,
// absence, and every check with its JSON pointer.
#include "tests/unit/plans/plan_test_support.hpp"

namespace hazeguard::plans::test {
namespace {

json public_alert() {
    return json::parse(R"({
      "issuer_code": "14010000000000", "sender_name_cn": "测试办公室", "sender_name_en": "Test office",
      "area_desc_cn": "测试市全域", "area_desc_en": "Test city", "geocode": "140100", "all_clear_hours": 2,
      "levels": [{"level": "yellow", "severity": "Moderate", "urgency": "Expected", "certainty": "Likely"},
                 {"level": "red", "severity": "Extreme", "urgency": "Expected", "certainty": "Likely"}]})");
}

}  // namespace

TEST_CASE("Taiyuan publishes yellow, orange and red as CAP alerts, not the adverse stage", "[plans][cap]") {
    REQUIRE(taiyuan().public_alert);
    auto const& a = *taiyuan().public_alert;
    CHECK(a.issuer_code == "14010000000000");
    CHECK(a.geocode == "140100");
    CHECK(a.sender_name_cn == "太原市生态环境保护委员会办公室");
    CHECK(a.polygon.empty());
    CHECK(a.all_clear_hours == 2);
    CHECK(a.level("adverse") == nullptr);
    REQUIRE(a.level("yellow") != nullptr);
    CHECK(a.level("yellow")->severity == "Moderate");
    CHECK(a.level("orange")->severity == "Severe");
    CHECK(a.level("red")->severity == "Extreme");
    CHECK(a.level("red")->certainty == "Likely");
}

TEST_CASE("a plan without public_alert is valid and publishes nothing", "[plans][cap]") {
    auto const r = parse(minimal_plan());
    REQUIRE(r.ok());
    CHECK_FALSE(r.plan.public_alert);
    auto doc = minimal_plan();
    doc["public_alert"] = public_alert();
    auto const with = parse(doc);
    INFO(describe(with));
    REQUIRE(with.ok());
    REQUIRE(with.plan.public_alert);
    CHECK(with.plan.public_alert->levels.size() == 2);
}

TEST_CASE("public_alert: codes, CAP enumerations, levels and the polygon are checked", "[plans][cap]") {
    auto doc = minimal_plan();
    doc["public_alert"] = public_alert();
    auto& a = doc["public_alert"];
    SECTION("issuer code") {
        a["issuer_code"] = "1401000000000X";
        CHECK_ONLY_PROBLEM(doc, "/public_alert/issuer_code", "expected 14 digits");
    }
    SECTION("geocode") {
        a["geocode"] = "1401";
        CHECK_ONLY_PROBLEM(doc, "/public_alert/geocode", "expected 6 digits");
    }
    SECTION("severity") {
        a["levels"][0]["severity"] = "High";
        CHECK_ONLY_PROBLEM(doc, "/public_alert/levels/0/severity", "unknown value \"High\"; expected one of \"Extreme\"");
    }
    SECTION("urgency") {
        a["levels"][1]["urgency"] = "Soon";
        CHECK_ONLY_PROBLEM(doc, "/public_alert/levels/1/urgency", "unknown value \"Soon\"; expected one of \"Immediate\"");
    }
    SECTION("unknown level") {
        a["levels"][1]["level"] = "purple";
        CHECK_ONLY_PROBLEM(doc, "/public_alert/levels/1/level", "unknown level \"purple\"");
    }
    SECTION("duplicate level") {
        a["levels"][1]["level"] = "yellow";
        CHECK_ONLY_PROBLEM(doc, "/public_alert/levels/1/level", "duplicate level \"yellow\"");
    }
    SECTION("no levels") {
        a["levels"] = json::array();
        CHECK_ONLY_PROBLEM(doc, "/public_alert/levels", "must not be empty");
    }
    SECTION("all-clear hours") {
        a["all_clear_hours"] = 0;
        CHECK_ONLY_PROBLEM(doc, "/public_alert/all_clear_hours", "");
    }
    SECTION("missing member") {
        a.erase("sender_name_en");
        CHECK_ONLY_PROBLEM(doc, "/public_alert/sender_name_en", "missing required member");
    }
    SECTION("unknown member") {
        a["colour"] = "red";
        CHECK_ONLY_PROBLEM(doc, "/public_alert/colour", "unknown member");
    }
    SECTION("polygon not closed") {
        a["polygon"] = "37.7,112.3 37.9,112.3 37.9,112.7 37.7,112.7";
        CHECK_ONLY_PROBLEM(doc, "/public_alert/polygon", "must end at its first point");
    }
    SECTION("polygon pair") {
        a["polygon"] = "37.7,112.3 37.9;112.3 37.9,112.7 37.7,112.3";
        CHECK_ONLY_PROBLEM(doc, "/public_alert/polygon", "is not a lat,lon pair");
    }
    SECTION("polygon out of range") {
        a["polygon"] = "97.7,112.3 37.9,112.3 37.9,112.7 97.7,112.3";
        CHECK_ONLY_PROBLEM(doc, "/public_alert/polygon", "outside WGS-84");
    }
    SECTION("a valid polygon") {
        a["polygon"] = "37.7,112.3 37.9,112.3 37.9,112.7 37.7,112.7 37.7,112.3";
        auto const r = parse(doc);
        INFO(describe(r));
        CHECK(r.ok());
    }
}

}  // namespace hazeguard::plans::test
