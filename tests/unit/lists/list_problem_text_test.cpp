// The list problems in Chinese (engine/enterprises/list_problem_text.*): every problem a faulty
// JSON or CSV list makes the readers report has its sentence in the catalogue; the texts carry
// their values; the place (row, field) is said in the list's words.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/enterprises/list_problem_text.hpp"
#include "tests/unit/lists/list_test_support.hpp"

namespace hazeguard::engine {
namespace {

using test::json;

std::string const kTextHeader =
    "credit_code,name,district,industry,grade,operating_days,lines,so2_t_per_year,nox_t_per_year,"
    "pm_t_per_year,vocs_t_per_year,yellow_measure,yellow_lines,yellow_action,yellow_parameter,"
    "yellow_reductions,transport,contact_name,contact_phone\n";
std::string const kTextRow =
    "91140121MA0TE00013,晋阳示例焦化有限公司,清徐县,焦化,B,330,CO-1:焦炉1号:炼焦;CO-2:焦炉2号:炼焦,96,420,72,210,"
    "结焦时间延长至28小时,CO-1;CO-2,extend_time,28,SO2=0.094;NOx=0.409;PM=0.070;VOCs=0.205,国四禁运,王建国,"
    "0351-5710001\n";

// A list with one fault per enterprise, covering what the validator and the JSON reader check.
json faulty_json_list() {
    std::vector<json> all;
    auto with = [&](auto change) {
        auto e = test::minimal_enterprise();
        e["credit_code"] = test::with_check("91140121MA0TF" + std::to_string(1000 + all.size()));
        e["name"] = "测试企业" + std::to_string(all.size());
        change(e);
        all.push_back(std::move(e));
    };
    with([](json& e) { e["credit_code"] = "91140121MA0TE00012"; });               // check character
    with([](json& e) { e["credit_code"] = "911401"; });                           // length
    with([](json& e) { e["credit_code"] = "91140121ma0te00013"; });               // lower case
    with([](json& e) { e["credit_code"] = "91140121MA0TI00013"; });               // I
    with([](json& e) { e["credit_code"] = "91140121MA0TE0001#"; });               // character
    with([](json& e) { e["credit_code"] = "911401X1MA0TE00013"; });               // division code
    with([](json& e) { e["credit_code"] = ""; e["district"] = "火星区"; e["grade"] = "E"; });
    with([](json& e) { e["industry"] = "造船"; e["guarantee"] = "其他保障"; e["colour"] = "grey"; });
    with([](json& e) { e["operating_days"] = 400; e["baseline_kwh_per_day"] = -1; });
    with([](json& e) { e["operating_days"] = "many"; });
    with([](json& e) { e["baseline_t_per_year"] = {{"SO2", -1}, {"NOx", 1}, {"PM", 1}, {"CO", 1}}; });
    with([](json& e) { e["lines"] = json::array(); });
    with([](json& e) {
        e["lines"] = json::array({{{"id", "A 1"}, {"name", ""}}, {{"id", "B"}, {"name", "b", }, {"emission_share", {{"SO2", 0.8}}}},
                                  {{"id", "B"}, {"name", "c"}, {"emission_share", {{"SO2", 0.7}, {"PM", 2}}}}});
        e["measures"] = json::array();
    });
    with([](json& e) {
        e["measures"] = json::array({{{"level", "purple"}, {"text", ""}, {"action", "sing"}, {"parameter", -2}},
                                     {{"level", "yellow"}, {"text", "a"}, {"lines", {"CO-9", "CO-1", "CO-1"}},
                                      {"reductions_t_per_day", {{"SO2", 50}}}},
                                     {{"level", "yellow"}, {"text", "b"}},
                                     {{"level", ""}, {"text", "c"}}});
    });
    with([](json& e) { e["contacts"] = json::array(); });
    with([](json& e) { e["contacts"] = json::array({{{"name", ""}, {"phone", "12"}}}); });
    with([](json& e) { e["contacts"] = json::array({{{"name", "某某"}}}); });
    with([](json& e) { e["lines"] = "CO-1"; e["contacts"] = json::array({7}); });
    all.push_back(all.front());  // a duplicate credit code and name
    auto doc = test::document(std::move(all));
    doc["list"] = {{"city", "大同市"}, {"extra", 1}};
    return doc;
}

std::vector<std::string> faulty_csv_lists() {
    return {
        "",
        "\xEF\xBB\xBF" + kTextHeader + "\xC4\xE3\n",
        kTextHeader + "\"open",
        kTextHeader + "\"a\"b," + kTextRow,
        "credit_code,name,colour,colour\n1,2,3,4\n",
        "credit_code,name,district,industry,grade,lines,so2_t_per_year,nox_t_per_year,pm_t_per_year,"
        "vocs_t_per_year,contact_name,contact_phone,,transport\n"
        "91140121MA0TE00013,甲,清徐县,焦化,B,A:1:2:3:4,x,1,1,1,王,1,值,国四禁运\n",
        kTextHeader + "91140121MA0TE00013,甲,清徐县,焦化,B,3.5,CO-1,1,1,1,1,措施,CO-1,stop,x,SO2:1;NOx=y,,王,0351-5710001\n",
        kTextHeader + "1,2\n",
        "credit_code\n",
    };
}

std::vector<ListProblem> every_problem() {
    std::vector<ListProblem> all;
    auto add = [&](std::vector<ListProblem> const& found) { all.insert(all.end(), found.begin(), found.end()); };
    add(test::parse(faulty_json_list()).problems);
    add(parse_list_json("[1, 2]", test::test_plan()).problems);
    add(parse_list_json("{\"enterprises\": []}", test::test_plan()).problems);
    add(parse_list_json("{}", test::test_plan()).problems);
    add(parse_list_json("{\"enterprises\": [", test::test_plan()).problems);
    add(parse_list_json("{\"enterprises\": [], \"enterprises\": []}", test::test_plan()).problems);
    for (auto const& text : faulty_csv_lists()) add(parse_list_csv(text, test::test_plan()).problems);
    auto guarantee = test::minimal_enterprise();
    guarantee["guarantee"] = "民生保障（供暖）";
    guarantee["grade"] = "C";
    auto plan = test::test_plan();
    plan.guarantee_grades = {"A", "B"};
    add(list_warnings(parse_list_json(test::document({guarantee}).dump(), test::test_plan()).list, plan));
    return all;
}

TEST_CASE("every problem a faulty list makes has its Chinese sentence", "[lists][text]") {
    auto const problems = every_problem();
    REQUIRE(problems.size() > 60);
    std::vector<std::string> untranslated;
    for (auto const& p : problems)
        if (!problem_sentence_cn(p.message)) untranslated.push_back(p.message);
    INFO(test::describe(problems));
    for (auto const& m : untranslated) UNSCOPED_INFO("no Chinese text: " << m);
    CHECK(untranslated.empty());
}

TEST_CASE("the Chinese texts carry the problem's values and place", "[lists][text]") {
    auto text = [](int row, std::string pointer, std::string message) {
        return problem_text_cn({row, std::move(pointer), std::move(message)});
    };
    CHECK(text(12, "/rows/12/credit_code", "check character is '2' but should be '3' (GB 32100-2015)") ==
          "第12行：统一社会信用代码校验位错误（为“2”，按GB 32100-2015应为“3”）");
    CHECK(text(3, "/enterprises/2/grade", "unknown grade \"E\" (the plan has: A, B)") ==
          "第3家企业：绩效分级“E”不在预案规定范围内（预案规定：A, B）");
    CHECK(text(3, "/enterprises/2/guarantee", "unknown guarantee type \"X\" (the plan has: Y)") ==
          "第3家企业：保障类型“X”不在预案规定范围内（预案规定：Y）");
    CHECK(text(1, "/enterprises/0/measures/1/level", "a second measure for level yellow (first is measures/0)") ==
          "第1家企业：预警级别yellow的减排措施重复（第1条措施已是该级别）");
    CHECK(text(0, "/header", "missing required column 企业名称 (name)") == "表头：缺少必填列“企业名称”");
    CHECK(text(0, "", "no header row") == "缺少表头行");
    CHECK(text(2, "/enterprises/1/baseline_t_per_year/SO2", "baseline for SO2 is missing") ==
          "第2家企业：缺少SO2的年基准排放量");
    CHECK(text(2, "/enterprises/1/lines/0", "expected an object, got a string") ==
          "第2家企业：数据类型错误：应为对象，实为文本");
    // a message the catalogue does not know is given as it is
    CHECK(text(4, "/rows/4/x", "something new") == "第4行：something new");
}

TEST_CASE("the field of a problem in the list's words", "[lists][text]") {
    CHECK(problem_field_cn("/enterprises/3/credit_code") == "统一社会信用代码");
    CHECK(problem_field_cn("/enterprises/3/name") == "企业名称");
    CHECK(problem_field_cn("/enterprises/3/contacts/0/name") == "联系人第1条·姓名");
    CHECK(problem_field_cn("/enterprises/3/measures/1/lines/0") == "减排措施第2条·生产线第1条");
    CHECK(problem_field_cn("/rows/7/contact_phone") == "联系电话");
    CHECK(problem_field_cn("/header/2") == "表头第3列");
    CHECK(problem_field_cn("/header") == "表头");
    CHECK(problem_field_cn("") == "");
    CHECK(problem_field_cn("/enterprises/99999999999999999999999/x") == "x");
    CHECK(problem_field_cn("/name") == "企业名称");
}

}  // namespace
}  // namespace hazeguard::engine
