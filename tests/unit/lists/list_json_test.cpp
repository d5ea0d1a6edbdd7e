// parse_list_json: the document's shape, and the canonical to_json round trip.
#include <string>

#include <catch2/catch.hpp>

#include "engine/enterprises/list_import.hpp"
#include "tests/unit/lists/list_test_support.hpp"

namespace hazeguard::engine {
namespace {

using test::json;

TEST_CASE("a JSON list parses into the model", "[lists][json]") {
    json doc = test::document({test::minimal_enterprise()});
    doc["list"] = {{"city", "太原市"}, {"note", "测试"}};
    doc["enterprises"][0]["park"] = "清徐经济开发区";
    doc["enterprises"][0]["lines"][0]["emission_share"] = {{"SO2", 0.5}};
    auto const result = test::parse(doc);
    INFO(test::describe(result.problems));
    REQUIRE(result.ok());
    REQUIRE(result.list.enterprises.size() == 1);
    auto const& e = result.list.enterprises[0];
    CHECK(e.credit_code == "91140121MA0TE00013");
    CHECK(e.name == "测试焦化有限公司");
    CHECK(e.district == "清徐县");
    CHECK(e.park == "清徐经济开发区");
    CHECK(e.industry == "焦化");
    CHECK(e.grade == "B");
    CHECK(e.guarantee.empty());
    CHECK(e.operating_days == 330);
    REQUIRE(e.lines.size() == 2);
    CHECK(e.lines[1].id == "CO-2");
    CHECK(e.lines[1].process == "炼焦");
    CHECK(e.lines[0].emission_share.at("SO2") == 0.5);
    CHECK(e.lines[1].emission_share.empty());
    CHECK(e.baseline_t_per_year.at("NOx") == 420);
    REQUIRE(e.measures.size() == 1);
    CHECK(e.measures[0].level == "yellow");
    CHECK(e.measures[0].lines == std::vector<std::string>{"CO-1", "CO-2"});
    CHECK(e.measures[0].action == "extend_time");
    CHECK(e.measures[0].parameter == 28.0);
    CHECK(e.measures[0].reductions_t_per_day.at("VOCs") == 0.205);
    REQUIRE(e.contacts.size() == 1);
    CHECK(e.contacts[0].phone == "0351-5710001");
    CHECK(e.baseline_t_per_day().at("SO2") == Approx(96.0 / 330));
}

TEST_CASE("malformed JSON is one problem at the document", "[lists][json]") {
    auto const result = parse_list_json(R"({"enterprises": [ {"name": "x",  ]})", test::test_plan());
    CHECK_ONLY_LIST_PROBLEM(result.problems, 0, "", "malformed JSON");
    CHECK(result.malformed);
    CHECK(parse_list_json("", test::test_plan()).problems.size() == 1);
}

TEST_CASE("document-level shape problems", "[lists][json]") {
    CHECK_ONLY_LIST_PROBLEM(parse_list_json("[]", test::test_plan()).problems, 0, "",
                            "must be a JSON object");
    CHECK_ONLY_LIST_PROBLEM(test::parse(json::object()).problems, 0, "/enterprises",
                            "missing required member");
    CHECK_ONLY_LIST_PROBLEM(test::parse(json{{"enterprises", json::array()}}).problems, 0, "/enterprises",
                            "no enterprises");
    CHECK_ONLY_LIST_PROBLEM(test::parse(json{{"enterprises", json::object()}}).problems, 0, "/enterprises",
                            "expected an array");
    json extra = test::document({test::minimal_enterprise()});
    extra["version"] = 2;
    extra["$comment"] = "remarks are allowed";
    CHECK_ONLY_LIST_PROBLEM(test::parse(extra).problems, 0, "/version", "unknown member");
    json other_city = test::document({test::minimal_enterprise()});
    other_city["list"] = {{"city", "大同市"}};
    CHECK_ONLY_LIST_PROBLEM(test::parse(other_city).problems, 0, "/list/city", "the plan is for \"太原市\"");
}

TEST_CASE("member types are checked where they are", "[lists][json]") {
    auto problems_of = [](auto edit) {
        json e = test::minimal_enterprise();
        edit(e);
        return test::parse(test::document({e})).problems;
    };
    CHECK_ONLY_LIST_PROBLEM(problems_of([](json& e) { e["credit_code"] = 91140121; }), 1,
                            "/enterprises/0/credit_code", "expected a string, got an integer");
    CHECK_ONLY_LIST_PROBLEM(problems_of([](json& e) { e["grdae"] = "B"; }), 1, "/enterprises/0/grdae",
                            "unknown member \"grdae\"");
    CHECK_ONLY_LIST_PROBLEM(problems_of([](json& e) { e["lines"] = "CO-1"; }), 1, "/enterprises/0/lines",
                            "expected an array, got a string");
    CHECK_ONLY_LIST_PROBLEM(problems_of([](json& e) { e["lines"][1]["id"] = 2; }), 1,
                            "/enterprises/0/lines/1/id", "expected a string");
    CHECK_ONLY_LIST_PROBLEM(problems_of([](json& e) { e["baseline_t_per_year"]["SO2"] = "96"; }), 1,
                            "/enterprises/0/baseline_t_per_year/SO2", "expected a number, got a string");
    CHECK_ONLY_LIST_PROBLEM(problems_of([](json& e) { e["measures"][0]["parameter"] = true; }), 1,
                            "/enterprises/0/measures/0/parameter", "expected a number, got a boolean");
    CHECK_ONLY_LIST_PROBLEM(problems_of([](json& e) {
                                e["measures"][0]["lines"] = {"CO-1", 2};
                            }),
                            1, "/enterprises/0/measures/0/lines/1", "expected a string");
    CHECK_ONLY_LIST_PROBLEM(problems_of([](json& e) { e["contacts"][0]["phone"] = 3515710001; }), 1,
                            "/enterprises/0/contacts/0/phone", "expected a string");
    CHECK_ONLY_LIST_PROBLEM(problems_of([](json& e) { e["measures"][0]["reductions"] = json::object(); }), 1,
                            "/enterprises/0/measures/0/reductions", "unknown member");
    CHECK_ONLY_LIST_PROBLEM(problems_of([](json& e) { e["operating_days"] = 99999999999; }), 1,
                            "/enterprises/0/operating_days", "1..366");
    CHECK_ONLY_LIST_PROBLEM(problems_of([](json& e) { e["contacts"][0] = "王建国"; }), 1,
                            "/enterprises/0/contacts/0", "expected an object");
}

TEST_CASE("an enterprise that is not an object is reported once", "[lists][json]") {
    auto const result = test::parse(test::document({test::minimal_enterprise(), json("x")}));
    CHECK_ONLY_LIST_PROBLEM(result.problems, 2, "/enterprises/1", "expected an object, got a string");
}

TEST_CASE("to_json round-trips through parse_list_json", "[lists][json]") {
    json full = test::minimal_enterprise();
    full["park"] = "山西转型综合改革示范区";
    full["guarantee"] = "民生保障（供暖）";
    full["lines"][0]["emission_share"] = {{"SO2", 0.25}, {"VOCs", 0.1}};
    full["measures"].push_back({{"level", "red"}, {"text", "停产"}, {"transport", "国四禁运"}});
    full["contacts"].push_back({{"name", "李四"}});
    json bare = test::minimal_enterprise();
    bare["credit_code"] = test::with_check("91140121MA0TE0002");
    bare["name"] = "乙";
    bare.erase("measures");
    bare.erase("operating_days");

    auto const first = test::parse(test::document({full, bare}));
    INFO(test::describe(first.problems));
    REQUIRE(first.ok());
    json const canonical = to_json(first.list);
    auto const second = parse_list_json(canonical.dump(2), test::test_plan());
    INFO(test::describe(second.problems));
    REQUIRE(second.ok());
    CHECK(to_json(second.list) == canonical);

    // Canonical form: optional members appear only when set; defaults are written out.
    auto const& f = canonical["enterprises"][0];
    CHECK(f["park"].get<std::string>() == "山西转型综合改革示范区");
    CHECK(f["lines"][0]["emission_share"]["VOCs"].get<double>() == 0.1);
    CHECK_FALSE(f["lines"][1].contains("emission_share"));
    CHECK(f["measures"][1]["transport"].get<std::string>() == "国四禁运");
    CHECK_FALSE(f["measures"][1].contains("parameter"));
    CHECK_FALSE(f["measures"][1].contains("lines"));
    CHECK_FALSE(f["contacts"][1].contains("phone"));
    auto const& b = canonical["enterprises"][1];
    CHECK(b["operating_days"].get<int>() == 300);
    CHECK(b["measures"] == json::array());
    CHECK_FALSE(b.contains("park"));
    CHECK_FALSE(b.contains("guarantee"));
    CHECK(to_json(first.list.enterprises[1]) == b);
}

}  // namespace
}  // namespace hazeguard::engine
