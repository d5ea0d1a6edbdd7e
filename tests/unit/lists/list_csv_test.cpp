// parse_list_csv: RFC 4180 quoting, both header languages, column problems, row problems mapped to
// "/rows/<row>/<column key>".
#include <string>

#include <catch2/catch.hpp>

#include "engine/enterprises/list_import.hpp"
#include "tests/unit/lists/list_test_support.hpp"

namespace hazeguard::engine {
namespace {

using test::json;

std::string const kEnglishHeader =
    "credit_code,name,district,industry,grade,operating_days,lines,so2_t_per_year,nox_t_per_year,"
    "pm_t_per_year,vocs_t_per_year,yellow_measure,yellow_lines,yellow_action,yellow_parameter,"
    "yellow_reductions,transport,contact_name,contact_phone\n";
std::string const kChineseHeader =
    "统一社会信用代码,企业名称,县区,行业,绩效分级,年运行天数,生产线,SO2(t/a),NOx(t/a),PM(t/a),VOCs(t/a),"
    "黄色预警措施,黄色预警涉及生产线,黄色预警措施类型,黄色预警措施参数,黄色预警减排量,运输管控,联系人,"
    "联系电话\n";
std::string const kRow1 =
    "91140121MA0TE00013,晋阳示例焦化有限公司,清徐县,焦化,B,330,CO-1:焦炉1号:炼焦;CO-2:焦炉2号:炼焦,96,420,72,"
    "210,"
    "结焦时间延长至28小时,CO-1;CO-2,extend_time,28,SO2=0.094;NOx=0.409;PM=0.070;VOCs=0.205,国四禁运,王建国,"
    "0351-5710001\n";
std::string const kRow2 =
    "91140122MA0TE0003P,太原示例水泥有限公司,阳曲县,水泥,B,300,L-1:熟料线:熟料烧成,45,380,38,0,"
    ",,,,,,赵红梅,0351-5710003\n";

ListParseResult csv(std::string const& text) { return parse_list_csv(text, test::test_plan()); }

TEST_CASE("a CSV list may give the baseline electricity use", "[lists][csv]") {
    std::string const header = "基准日用电量(kWh)," + kChineseHeader;
    auto const good = csv(header + "420000," + kRow1 + "," + kRow2);
    INFO(test::describe(good.problems));
    REQUIRE(good.ok());
    CHECK(good.list.enterprises.at(0).baseline_kwh_per_day == 420000.0);
    CHECK_FALSE(good.list.enterprises.at(1).baseline_kwh_per_day);
    auto const bad = csv(header + "很多," + kRow1);
    CHECK(test::has_problem(bad.problems, 1, "/rows/1/baseline_kwh_per_day", "not a number: \"很多\""));
}

TEST_CASE("a CSV list with English headers", "[lists][csv]") {
    auto const result = csv(kEnglishHeader + kRow1 + kRow2);
    INFO(test::describe(result.problems));
    REQUIRE(result.ok());
    REQUIRE(result.list.enterprises.size() == 2);
    auto const& e = result.list.enterprises[0];
    CHECK(e.credit_code == "91140121MA0TE00013");
    CHECK(e.operating_days == 330);
    REQUIRE(e.lines.size() == 2);
    CHECK(e.lines[1].id == "CO-2");
    CHECK(e.lines[1].name == "焦炉2号");
    CHECK(e.lines[1].process == "炼焦");
    CHECK(e.baseline_t_per_year.at("VOCs") == 210);
    REQUIRE(e.measures.size() == 1);
    CHECK(e.measures[0].level == "yellow");
    CHECK(e.measures[0].lines == std::vector<std::string>{"CO-1", "CO-2"});
    CHECK(e.measures[0].parameter == 28.0);
    CHECK(e.measures[0].reductions_t_per_day.at("NOx") == 0.409);
    CHECK(e.measures[0].transport == "国四禁运");
    REQUIRE(e.contacts.size() == 1);
    CHECK(e.contacts[0].name == "王建国");
    auto const& cement = result.list.enterprises[1];
    CHECK(cement.measures.empty());
    CHECK(cement.baseline_t_per_year.at("VOCs") == 0);
}

TEST_CASE("Chinese headers read the same list", "[lists][csv]") {
    auto const english = csv(kEnglishHeader + kRow1 + kRow2);
    auto const chinese = csv(kChineseHeader + kRow1 + kRow2);
    INFO(test::describe(chinese.problems));
    REQUIRE(chinese.ok());
    CHECK(to_json(chinese.list) == to_json(english.list));
    // Spaces, full-width parentheses and case do not matter in a header.
    std::string header = kChineseHeader;
    header.replace(header.find("SO2(t/a)"), 8, " so2 （t/a） ");
    auto const loose = csv(header + kRow1);
    INFO(test::describe(loose.problems));
    CHECK(loose.ok());
}

TEST_CASE("RFC 4180 quoting, BOM and CRLF", "[lists][csv]") {
    std::string const row =
        "91140121MA0TE00013,\"晋阳示例焦化有限公司, "
        "二厂\",清徐县,焦化,B,330,\"CO-1:焦炉1号:炼焦;CO-2:焦炉2号:炼焦\","
        "96,420,72,210,\"结焦时间延长至\"\"28\"\"小时\r\n（正常19小时）\",\"CO-1,CO-2\",extend_time,28,"
        "\"SO2=0.094,NOx=0.409\",,王建国,0351-5710001\r\n";
    std::string header = kEnglishHeader;
    header.replace(header.size() - 1, 1, "\r\n");
    auto const result = csv("\xEF\xBB\xBF" + header + row);
    INFO(test::describe(result.problems));
    REQUIRE(result.ok());
    REQUIRE(result.list.enterprises.size() == 1);
    auto const& e = result.list.enterprises[0];
    CHECK(e.credit_code == "91140121MA0TE00013");  // the BOM is not part of the first header
    CHECK(e.name == "晋阳示例焦化有限公司, 二厂");
    CHECK(e.measures.at(0).text == "结焦时间延长至\"28\"小时\r\n（正常19小时）");
    CHECK(e.measures.at(0).lines == std::vector<std::string>{"CO-1", "CO-2"});
    CHECK(e.measures.at(0).reductions_t_per_day.size() == 2);
    CHECK(e.contacts.at(0).phone == "0351-5710001");

    // No newline at the end of the last record; a lone CR ends a record too.
    std::string no_final_newline = kEnglishHeader + kRow1;
    no_final_newline.pop_back();
    CHECK(csv(no_final_newline).ok());
    std::string cr_only = kEnglishHeader + kRow1;
    cr_only[kEnglishHeader.size() - 1] = '\r';
    CHECK(csv(cr_only).ok());
}

TEST_CASE("full-width separators, Chinese actions, percentages and line shares", "[lists][csv]") {
    std::string const row =
        "91140121MA0TE00013,甲,清徐县,焦化,C,300,CO-1：焦炉1号：炼焦：SO2=0.6，NOx=0.5；CO-2：焦炉2号：炼焦,"
        "96,420,72,210,"
        "停产1座焦炉,CO-2、CO-1,停产,50%,SO2＝0.1；NOx＝0.2,,王建国,13912345678\n";
    auto const result = csv(kEnglishHeader + row);
    INFO(test::describe(result.problems));
    REQUIRE(result.ok());
    auto const& e = result.list.enterprises.at(0);
    REQUIRE(e.lines.size() == 2);
    CHECK(e.lines[0].emission_share.at("SO2") == 0.6);
    CHECK(e.lines[0].emission_share.at("NOx") == 0.5);
    CHECK(e.lines[1].process == "炼焦");
    CHECK(e.measures.at(0).action == "stop");
    CHECK(e.measures.at(0).parameter == 0.5);
    CHECK(e.measures.at(0).lines == std::vector<std::string>{"CO-2", "CO-1"});
    CHECK(e.measures.at(0).reductions_t_per_day.at("NOx") == 0.2);
}

TEST_CASE("missing, unknown and repeated columns are document problems", "[lists][csv]") {
    SECTION("missing required column") {
        std::string header = kEnglishHeader;
        header.erase(0, std::string("credit_code,").size());
        std::string row = kRow1;
        row.erase(0, row.find(',') + 1);
        auto const result = csv(header + row);
        // Reported once at the header, not again on every row.
        CHECK_ONLY_LIST_PROBLEM(result.problems, 0, "/header",
                                "missing required column 统一社会信用代码 (credit_code)");
    }
    SECTION("unknown column") {
        auto const result = csv("备注," + kEnglishHeader + "x," + kRow1);
        CHECK_ONLY_LIST_PROBLEM(result.problems, 0, "/header/0", "unknown column \"备注\"");
    }
    SECTION("the same column twice") {
        auto const result = csv("企业名称," + kEnglishHeader + "甲," + kRow1);
        CHECK_ONLY_LIST_PROBLEM(result.problems, 0, "/header/2",
                                "column name appears twice (first as column 1)");
    }
    SECTION("a level the plan does not have") {
        auto const result = csv("purple_measure," + kEnglishHeader + "," + kRow1);
        CHECK_ONLY_LIST_PROBLEM(result.problems, 0, "/header/0", "unknown column");
    }
    SECTION("no header at all") {
        CHECK_ONLY_LIST_PROBLEM(csv("").problems, 0, "", "no header row");
        CHECK_ONLY_LIST_PROBLEM(csv(kEnglishHeader).problems, 0, "", "no enterprises");
    }
}

TEST_CASE("row problems point at the row and column", "[lists][csv]") {
    std::string bad = kRow1;
    bad.replace(bad.find("清徐县"), std::string("清徐县").size(), "大同县");
    bad.replace(bad.find("CO-1;CO-2,extend"), 9, "CO-1;CO-9");
    bad.replace(bad.find(",96,"), 4, ",9b6,");
    bad.replace(bad.find("0351-5710001"), 12, "电话");
    auto const result = csv(kEnglishHeader + kRow2 + bad);
    INFO(test::describe(result.problems));
    CHECK(result.problems.size() == 4);
    CHECK(test::has_problem(result.problems, 2, "/rows/2/district", "unknown district \"大同县\""));
    CHECK(test::has_problem(result.problems, 2, "/rows/2/yellow_lines", "\"CO-9\" is not a line"));
    CHECK(test::has_problem(result.problems, 2, "/rows/2/so2_t_per_year", "not a number: \"9b6\""));
    CHECK(test::has_problem(result.problems, 2, "/rows/2/contact_phone", "7-20 digits"));
}

TEST_CASE("a reduction list that cannot be read", "[lists][csv]") {
    std::string unreadable = kRow1;
    unreadable.replace(unreadable.find("SO2=0.094"), 9, "SO2 0.094");
    CHECK_ONLY_LIST_PROBLEM(csv(kEnglishHeader + unreadable).problems, 1, "/rows/1/yellow_reductions",
                            "expected POLLUTANT=NUMBER, got \"SO2 0.094\"");
    std::string unknown = kRow1;
    unknown.replace(unknown.find("NOx=0.409"), 9, "NH3=0.409");
    CHECK_ONLY_LIST_PROBLEM(csv(kEnglishHeader + unknown).problems, 1, "/rows/1/yellow_reductions",
                            "unknown pollutant \"NH3\"");
    // One cell is one pointer: once the cell cannot be read, its contents are not judged further.
    std::string both = unreadable;
    both.replace(both.find("NOx=0.409"), 9, "NH3=0.409");
    CHECK_ONLY_LIST_PROBLEM(csv(kEnglishHeader + both).problems, 1, "/rows/1/yellow_reductions",
                            "expected POLLUTANT=NUMBER");
}

TEST_CASE("rows are numbered by data row, blank rows included", "[lists][csv]") {
    auto const result = csv(kEnglishHeader + kRow1 + ",,,\n" + "\n" + kRow1);
    INFO(test::describe(result.problems));
    CHECK(result.list.enterprises.size() == 2);
    CHECK(result.problems.size() == 4);
    CHECK(test::has_problem(result.problems, 1, "/rows/1/credit_code", "also in row 4"));
    CHECK(test::has_problem(result.problems, 4, "/rows/4/credit_code", "also in row 1"));
    CHECK(test::has_problem(result.problems, 1, "/rows/1/name", "also in row 4"));
    CHECK(test::has_problem(result.problems, 4, "/rows/4/name", "also in row 1"));
}

TEST_CASE("broken records", "[lists][csv]") {
    SECTION("too few fields") {
        auto const result = csv(kEnglishHeader + kRow1 + "91140122MA0TE0003P,太原示例水泥有限公司\n");
        CHECK_ONLY_LIST_PROBLEM(result.problems, 2, "/rows/2",
                                "row has 2 fields but the header has 19 (line 3)");
    }
    SECTION("unterminated quote") {
        std::string row = kRow1;
        row.replace(row.find("王建国"), 0, "\"");
        auto const result = csv(kEnglishHeader + row);
        INFO(test::describe(result.problems));
        CHECK(test::has_problem(result.problems, 1, "/rows/1", "not closed before the end of the file"));
    }
    SECTION("text after a closing quote") {
        std::string row = kRow1;
        row.replace(row.find("王建国"), std::string("王建国").size(), "\"王\"建国");
        auto const result = csv(kEnglishHeader + row);
        CHECK_ONLY_LIST_PROBLEM(result.problems, 1, "/rows/1", "text after the closing quote");
    }
    SECTION("GBK bytes") {
        // "企业" in GBK is C6 F3 D2 B5: not UTF-8.
        auto const result = csv("\xC6\xF3\xD2\xB5," + kEnglishHeader);
        CHECK_ONLY_LIST_PROBLEM(result.problems, 0, "", "not UTF-8");
    }
    SECTION("a value under a column without a name") {
        auto const result = csv("," + kEnglishHeader + "多余," + kRow1);
        CHECK_ONLY_LIST_PROBLEM(result.problems, 1, "/rows/1", "column 1, which has no name");
    }
}

TEST_CASE("plant-wide and per-level transport", "[lists][csv]") {
    std::string const header = "red_measure,red_transport,orange_measure," + kEnglishHeader;
    auto const result = csv(header + "停产,禁止中重型货车运输,停产," + kRow1);
    INFO(test::describe(result.problems));
    REQUIRE(result.ok());
    auto const& m = result.list.enterprises.at(0).measures;
    REQUIRE(m.size() == 3);  // in plan order
    CHECK(m[0].level == "yellow");
    CHECK(m[0].transport == "国四禁运");
    CHECK(m[1].level == "orange");
    CHECK(m[1].transport == "国四禁运");
    CHECK(m[2].level == "red");
    CHECK(m[2].transport == "禁止中重型货车运输");

    std::string no_measures = kRow2;
    no_measures.replace(no_measures.find(",赵红梅"), 0, "国四禁运");
    CHECK_ONLY_LIST_PROBLEM(csv(kEnglishHeader + no_measures).problems, 1, "/rows/1/transport",
                            "needs at least one level measure");
}

TEST_CASE("optional columns may be left out", "[lists][csv]") {
    auto const result = csv(
        "统一社会信用代码,企业名称,县区,行业,绩效分级,生产线,SO2(t/a),NOx(t/a),PM(t/a),VOCs(t/"
        "a),联系人,联系电话\n"
        "91140122MA0TE0003P,太原示例水泥有限公司,阳曲县,水泥,B,L-1:熟料线,45,380,38,0,赵红梅,0351-5710003\n");
    INFO(test::describe(result.problems));
    REQUIRE(result.ok());
    CHECK(result.list.enterprises.at(0).operating_days == 300);
    CHECK(result.list.enterprises.at(0).lines.at(0).process.empty());
}

}  // namespace
}  // namespace hazeguard::engine
