// Every validation rule of docs/list-format.md, each on a minimal broken document. The broken
// enterprise is the second one, so rows (index + 1) and pointers are both exercised.
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/enterprises/list_import.hpp"
#include "tests/unit/lists/list_test_support.hpp"

namespace hazeguard::engine {
namespace {

using test::json;

// A list of two valid enterprises (distinct codes and names), the second changed by `edit`.
std::vector<ListProblem> second_broken(std::function<void(json&)> const& edit) {
    json first = test::minimal_enterprise();
    json second = test::minimal_enterprise();
    second["credit_code"] = test::with_check("91140121MA0TE0002");
    second["name"] = "第二测试焦化有限公司";
    edit(second);
    return test::parse(test::document({first, second})).problems;
}

constexpr char const* E1 = "/enterprises/1";

std::string at(std::string const& suffix) { return std::string(E1) + suffix; }

TEST_CASE("the minimal enterprise is valid", "[lists][validation]") {
    auto const problems = second_broken([](json&) {});
    INFO(test::describe(problems));
    CHECK(problems.empty());
}

TEST_CASE("credit code format and check character", "[lists][validation]") {
    SECTION("wrong check character") {
        CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["credit_code"] = "91140121MA0TE00012"; }), 2,
                                at("/credit_code"), "should be '3'");
    }
    SECTION("letter outside the alphabet") {
        CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["credit_code"] = "91140121TEST00001X"; }), 2,
                                at("/credit_code"), "'S' at position 11");
    }
    SECTION("lower case") {
        CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["credit_code"] = "91140121ma0te00013"; }), 2,
                                at("/credit_code"), "lower-case");
    }
    SECTION("wrong length") {
        CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["credit_code"] = "91140121MA0TE0001"; }), 2,
                                at("/credit_code"), "18 characters");
    }
    SECTION("division code not digits") {
        CHECK_ONLY_LIST_PROBLEM(
            second_broken([](json& e) { e["credit_code"] = test::with_check("9114A121MA0TE0002"); }), 2,
            at("/credit_code"), "positions 3-8");
    }
    SECTION("missing") {
        CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e.erase("credit_code"); }), 2, at("/credit_code"),
                                "credit code is required");
    }
}

TEST_CASE("duplicate credit codes are reported on both rows", "[lists][validation]") {
    auto const problems = second_broken([](json& e) { e["credit_code"] = "91140121MA0TE00013"; });
    INFO(test::describe(problems));
    CHECK(problems.size() == 2);
    CHECK(test::has_problem(problems, 1, "/enterprises/0/credit_code", "also in row 2"));
    CHECK(test::has_problem(problems, 2, at("/credit_code"), "also in row 1"));
}

TEST_CASE("duplicate names within a district are reported on both rows", "[lists][validation]") {
    auto const problems = second_broken([](json& e) { e["name"] = "测试焦化有限公司"; });
    INFO(test::describe(problems));
    CHECK(problems.size() == 2);
    CHECK(test::has_problem(problems, 1, "/enterprises/0/name", "duplicate name"));
    CHECK(test::has_problem(problems, 2, at("/name"), "also in row 1"));

    auto const other_district = second_broken([](json& e) {
        e["name"] = "测试焦化有限公司";
        e["district"] = "古交市";
    });
    INFO(test::describe(other_district));
    CHECK(other_district.empty());
}

TEST_CASE("district, industry, grade and guarantee come from the plan", "[lists][validation]") {
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["district"] = "大同县"; }), 2, at("/district"),
                            "unknown district \"大同县\"");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["industry"] = "炼焦"; }), 2, at("/industry"),
                            "unknown industry \"炼焦\"");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["grade"] = "E"; }), 2, at("/grade"),
                            "unknown grade \"E\"");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["grade"] = ""; }), 2, at("/grade"),
                            "grade is required");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["guarantee"] = "供暖"; }), 2, at("/guarantee"),
                            "unknown guarantee type");
    auto const fine = second_broken([](json& e) {
        e["industry"] = "非重点行业";
        e["grade"] = "非引领性";
        e["guarantee"] = "民生保障（供暖）";
        e["park"] = "清徐经济开发区";
    });
    INFO(test::describe(fine));
    CHECK(fine.empty());
}

TEST_CASE("required strings must not be blank", "[lists][validation]") {
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["name"] = "  "; }), 2, at("/name"),
                            "name is required");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e.erase("district"); }), 2, at("/district"),
                            "required");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["industry"] = ""; }), 2, at("/industry"),
                            "required");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["lines"][0]["name"] = ""; }), 2,
                            at("/lines/0/name"), "line name is required");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["measures"][0]["text"] = ""; }), 2,
                            at("/measures/0/text"), "measure text is required");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["contacts"][0]["name"] = ""; }), 2,
                            at("/contacts/0/name"), "contact name is required");
}

TEST_CASE("numbers are finite and non-negative, shares in [0, 1]", "[lists][validation]") {
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["baseline_t_per_year"]["SO2"] = -1; }), 2,
                            at("/baseline_t_per_year/SO2"), ">= 0, got -1");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["baseline_t_per_year"].erase("VOCs"); }), 2,
                            at("/baseline_t_per_year/VOCs"), "baseline for VOCs is missing");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["baseline_t_per_year"]["NH3"] = 1; }), 2,
                            at("/baseline_t_per_year/NH3"), "unknown pollutant");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) {
                                e["lines"][0]["emission_share"] = {{"SO2", 1.5}};
                            }),
                            2, at("/lines/0/emission_share/SO2"), "in [0, 1]");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) {
                                e["lines"][0]["emission_share"] = {{"NOx", 0.7}};
                                e["lines"][1]["emission_share"] = {{"NOx", 0.6}};
                            }),
                            2, at("/lines"), "emission shares of NOx add up to 1.3");
    CHECK_ONLY_LIST_PROBLEM(
        second_broken([](json& e) { e["measures"][0]["reductions_t_per_day"]["PM"] = -0.1; }), 2,
        at("/measures/0/reductions_t_per_day/PM"), ">= 0");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["measures"][0]["parameter"] = -28; }), 2,
                            at("/measures/0/parameter"), ">= 0");
}

TEST_CASE("a reduction cannot exceed the daily baseline", "[lists][validation]") {
    // 72 t/a over 330 days = 0.21818 t/d; 0.2186 is within rounding, 0.2187 and 0.3 are not.
    auto const rounding =
        second_broken([](json& e) { e["measures"][0]["reductions_t_per_day"]["PM"] = 0.2186; });
    INFO(test::describe(rounding));
    CHECK(rounding.empty());
    CHECK_ONLY_LIST_PROBLEM(
        second_broken([](json& e) { e["measures"][0]["reductions_t_per_day"]["PM"] = 0.3; }), 2,
        at("/measures/0/reductions_t_per_day/PM"), "exceeds the daily baseline");
    CHECK_ONLY_LIST_PROBLEM(
        second_broken([](json& e) { e["measures"][0]["reductions_t_per_day"]["PM"] = 0.2187; }), 2,
        at("/measures/0/reductions_t_per_day/PM"), "0.2187 t/d exceeds the daily baseline 0.218182");
}

TEST_CASE("non-finite numbers in a built list", "[lists][validation]") {
    auto list = test::parse(test::document({test::minimal_enterprise()})).list;
    REQUIRE(list.enterprises.size() == 1);
    list.enterprises[0].baseline_t_per_year["NOx"] = std::numeric_limits<double>::quiet_NaN();
    list.enterprises[0].measures[0].reductions_t_per_day["SO2"] = std::numeric_limits<double>::infinity();
    auto const problems = validate_list(list, test::test_plan());
    INFO(test::describe(problems));
    CHECK(problems.size() == 2);
    CHECK(test::has_problem(problems, 1, "/enterprises/0/baseline_t_per_year/NOx", "got nan"));
    CHECK(test::has_problem(problems, 1, "/enterprises/0/measures/0/reductions_t_per_day/SO2", "got inf"));
}

TEST_CASE("baseline electricity is optional and never negative", "[lists][validation]") {
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["baseline_kwh_per_day"] = -1; }), 2,
                            at("/baseline_kwh_per_day"), "baseline electricity must be a number ≥ 0");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["baseline_kwh_per_day"] = "many"; }), 2,
                            at("/baseline_kwh_per_day"), "expected a number");
    auto const parsed = test::parse(test::document({[] {
        auto e = test::minimal_enterprise();
        e["baseline_kwh_per_day"] = 42000.5;
        return e;
    }()}));
    REQUIRE(parsed.ok());
    CHECK(parsed.list.enterprises.at(0).baseline_kwh_per_day == 42000.5);
    CHECK_FALSE(test::parse(test::document({test::minimal_enterprise()})).list.enterprises.at(0).baseline_kwh_per_day);
}

TEST_CASE("operating days are 1..366", "[lists][validation]") {
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["operating_days"] = 0; }), 2, at("/operating_days"),
                            "1..366, got 0");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["operating_days"] = 367; }), 2,
                            at("/operating_days"), "1..366, got 367");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["operating_days"] = 330.5; }), 2,
                            at("/operating_days"), "expected an integer");
    CHECK(second_broken([](json& e) { e["operating_days"] = 366; }).empty());
    CHECK(second_broken([](json& e) { e["operating_days"] = 1; }).empty());
    auto const defaulted = test::parse(test::document({[] {
        auto e = test::minimal_enterprise();
        e.erase("operating_days");
        e["measures"] = json::array();
        return e;
    }()}));
    REQUIRE(defaulted.ok());
    CHECK(defaulted.list.enterprises[0].operating_days == 300);
}

TEST_CASE("production lines", "[lists][validation]") {
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) {
                                e["lines"][1]["id"] = "CO-1";
                                e["measures"][0]["lines"] = {"CO-1"};
                            }),
                            2, at("/lines/1/id"), "duplicate line id \"CO-1\"");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) {
                                e["lines"][1]["id"] = "CO 2";
                                e["measures"][0]["lines"] = {"CO 2"};
                            }),
                            2, at("/lines/1/id"), "must not contain");
    // A measure naming a line whose id was renamed is a second, separate problem.
    auto const renamed = second_broken([](json& e) { e["lines"][1]["id"] = "CO-3"; });
    INFO(test::describe(renamed));
    CHECK(renamed.size() == 1);
    CHECK(test::has_problem(renamed, 2, at("/measures/0/lines/1"), "\"CO-2\" is not a line"));
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) {
                                e["lines"] = json::array();
                                e["measures"][0].erase("lines");
                            }),
                            2, at("/lines"), "at least one production line");
}

TEST_CASE("measures: level, one per level, action", "[lists][validation]") {
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["measures"][0]["level"] = "purple"; }), 2,
                            at("/measures/0/level"), "unknown level \"purple\"");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["measures"].push_back(e["measures"][0]); }), 2,
                            at("/measures/1/level"), "a second measure for level yellow");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["measures"][0]["action"] = "close"; }), 2,
                            at("/measures/0/action"), "unknown action \"close\"");
    auto const every_action = second_broken([](json& e) {
        json measures = json::array();
        for (auto const* action : {"stop", "limit", "extend_time", "conc_cap"})
            measures.push_back({{"level", measures.empty()       ? "adverse"
                                          : measures.size() == 1 ? "yellow"
                                          : measures.size() == 2 ? "orange"
                                                                 : "red"},
                                {"text", "措施"},
                                {"action", action}});
        e["measures"] = measures;
    });
    INFO(test::describe(every_action));
    CHECK(every_action.empty());
}

TEST_CASE("a measure naming a line the plant does not have", "[lists][validation]") {
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) {
                                e["measures"][0]["lines"] = {"CO-1", "CO-3"};
                            }),
                            2, at("/measures/0/lines/1"),
                            "\"CO-3\" is not a line of this enterprise (lines: CO-1, CO-2)");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) {
                                e["measures"][0]["lines"] = {"CO-1", "CO-1"};
                            }),
                            2, at("/measures/0/lines/1"), "listed twice");
}

TEST_CASE("contacts", "[lists][validation]") {
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["contacts"] = json::array(); }), 2, at("/contacts"),
                            "at least one contact");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["contacts"][0]["phone"] = "0351 571"; }), 2,
                            at("/contacts/0/phone"), "7-20 digits");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["contacts"][0]["phone"] = "123456"; }), 2,
                            at("/contacts/0/phone"), "7-20 digits");
    CHECK_ONLY_LIST_PROBLEM(second_broken([](json& e) { e["contacts"][0].erase("phone"); }), 2,
                            at("/contacts"), "no contact has a phone");
    auto const second_without_phone = second_broken([](json& e) {
        e["contacts"].push_back({{"role", "法人"}, {"name", "李四"}});
        e["contacts"][0]["phone"] = "+86-13912345678";
    });
    INFO(test::describe(second_without_phone));
    CHECK(second_without_phone.empty());
}

TEST_CASE("many problems are reported at once, ordered by row", "[lists][validation]") {
    json a = test::minimal_enterprise();
    a["district"] = "大同县";
    a["operating_days"] = 400;
    json b = test::minimal_enterprise();  // same code and name as a
    b["measures"][0]["lines"] = {"XX-9"};
    b["contacts"] = json::array();
    json c = test::minimal_enterprise();
    c["credit_code"] = "91140121TEST00003X";
    c["name"] = "丙";
    c["grade"] = "Z";
    c["lines"][0]["id"] = "CO-2";
    c["measures"][0]["lines"] = {"CO-2"};
    auto const problems = test::parse(test::document({a, b, c})).problems;
    INFO(test::describe(problems));
    CHECK(test::has_problem(problems, 1, "/enterprises/0/district", "unknown district"));
    CHECK(test::has_problem(problems, 1, "/enterprises/0/operating_days", "1..366"));
    CHECK(test::has_problem(problems, 1, "/enterprises/0/credit_code", "also in row 2"));
    CHECK(test::has_problem(problems, 2, "/enterprises/1/credit_code", "also in row 1"));
    CHECK(test::has_problem(problems, 2, "/enterprises/1/measures/0/lines/0", "\"XX-9\""));
    CHECK(test::has_problem(problems, 2, "/enterprises/1/contacts", "at least one contact"));
    CHECK(test::has_problem(problems, 3, "/enterprises/2/credit_code", "'S'"));
    CHECK(test::has_problem(problems, 3, "/enterprises/2/grade", "\"Z\""));
    CHECK(test::has_problem(problems, 3, "/enterprises/2/lines/1/id", "duplicate line id"));
    // a (大同县) and b (清徐县) share a name but not a district.
    CHECK(problems.size() == 9);
    for (std::size_t i = 1; i < problems.size(); ++i) CHECK(problems[i - 1].row <= problems[i].row);
}

TEST_CASE("validate_list numbers rows from 1", "[lists][validation]") {
    auto list = test::parse(test::document({test::minimal_enterprise()})).list;
    list.enterprises.push_back(list.enterprises[0]);
    list.enterprises[1].credit_code = test::with_check("91140121MA0TE0002");
    list.enterprises[1].name = "乙";
    list.enterprises[1].measures[0].lines = {"CO-9"};
    CHECK_ONLY_LIST_PROBLEM(validate_list(list, test::test_plan()), 2, "/enterprises/1/measures/0/lines/0",
                            "not a line of this enterprise");
}

}  // namespace
}  // namespace hazeguard::engine
