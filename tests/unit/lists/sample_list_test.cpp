// The compiled-in sample list (plans/lists/taiyuan-sample.json) against domain §13.
#include <array>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "engine/enterprises/list_import.hpp"
#include "tests/unit/lists/list_test_support.hpp"

namespace hazeguard::engine {
namespace {

ListParseResult const& sample() {
    static ListParseResult const result = parse_list_json(embedded_sample_list(), test::test_plan());
    return result;
}

struct Row {
    char const* name;
    char const* district;
    char const* industry;
    char const* grade;
    std::array<double, 4> baseline_t_per_year;  // SO2, NOx, PM, VOCs
    std::array<double, 4> baseline_t_per_day;   // §13's second table
};

// Domain §13, first table and the "Baseline t/d" column of the second.
constexpr Row kTable[] = {
    {"晋阳示例焦化有限公司", "清徐县", "焦化", "B", {96, 420, 72, 210}, {0.291, 1.273, 0.218, 0.636}},
    {"并州示例钢铁有限公司", "清徐县", "长流程联合钢铁", "B", {520, 1650, 610, 260}, {1.576, 5.000, 1.848, 0.788}},
    {"太原示例水泥有限公司", "阳曲县", "水泥", "B", {45, 380, 38, 0}, {0.150, 1.267, 0.127, 0}},
    {"汾河示例石灰有限公司", "古交市", "石灰窑", "C", {18, 55, 24, 0}, {0.060, 0.183, 0.080, 0}},
    {"阳曲示例新型建材(砖瓦)有限公司", "阳曲县", "砖瓦窑", "B", {32, 26, 11, 0}, {0.107, 0.087, 0.037, 0}},
    {"龙城示例铸造有限公司", "晋源区", "铸造", "B", {2, 4, 9, 14}, {0.007, 0.013, 0.030, 0.047}},
    {"晋源示例机械涂装有限公司", "小店区", "工业涂装", "C", {0, 1, 3, 36}, {0, 0.003, 0.010, 0.120}},
    {"并州示例包装印刷有限公司", "小店区", "包装印刷", "C", {0, 0.5, 0.2, 48}, {0, 0.002, 0.001, 0.160}},
    {"古交示例煤业洗选有限公司", "古交市", "非重点行业", "非引领性", {0, 0, 16, 0}, {0, 0, 0.053, 0}},
    {"太原示例热电有限公司",
     "万柏林区",
     "非重点行业",
     "非引领性",
     {310, 620, 60, 0},
     {0.939, 1.879, 0.182, 0}},
};

// Domain §13, per-level daily reductions (t/day): yellow, orange, red; SO2, NOx, PM, VOCs.
constexpr std::array<std::array<double, 4>, 3> kReductions[] = {
    {{{0.094, 0.409, 0.070, 0.205}, {0.137, 0.601, 0.103, 0.301}, {0.176, 0.769, 0.132, 0.384}}},
    {{{0.552, 1.375, 0.370, 0.079}, {1.103, 2.750, 0.739, 0.158}, {1.182, 3.000, 0.970, 0.197}}},
    {{{0, 0, 0, 0}, {0.030, 0.253, 0.025, 0}, {0.150, 1.267, 0.127, 0}}},
    {{{0.030, 0.092, 0.040, 0}, {0.060, 0.183, 0.080, 0}, {0.060, 0.183, 0.080, 0}}},
    // ENT-05 keeps its kiln warm at orange: not a 100 % cut (residual 30 % SO2/NOx, 15 % PM).
    {{{0.053, 0.043, 0.018, 0}, {0.075, 0.061, 0.031, 0}, {0.107, 0.087, 0.037, 0}}},
    {{{0.003, 0.007, 0.015, 0.023}, {0.007, 0.013, 0.030, 0.047}, {0.007, 0.013, 0.030, 0.047}}},
    {{{0, 0.002, 0.005, 0.060}, {0, 0.003, 0.010, 0.120}, {0, 0.003, 0.010, 0.120}}},
    {{{0, 0.001, 0.000, 0.080}, {0, 0.002, 0.001, 0.160}, {0, 0.002, 0.001, 0.160}}},
    {{{0, 0, 0.016, 0}, {0, 0, 0.027, 0}, {0, 0, 0.053, 0}}},
};

constexpr char const* kPollutants[] = {"SO2", "NOx", "PM", "VOCs"};
constexpr char const* kLevels[] = {"yellow", "orange", "red"};

TEST_CASE("the embedded sample list parses with no problems", "[lists][sample]") {
    INFO(test::describe(sample().problems));
    REQUIRE(sample().ok());
    REQUIRE(sample().list.enterprises.size() == 10);
    for (auto const& e : sample().list.enterprises) {
        INFO(e.name);
        CHECK(valid_credit_code(e.credit_code));
        CHECK(e.credit_code.substr(8, 5) == "MA0TE");
        CHECK(e.measures.size() == 3);
        CHECK_FALSE(e.contacts.empty());
    }
}

TEST_CASE("the embedded sample is the file in plans/lists", "[lists][sample]") {
    std::ifstream in(HG_SOURCE_DIR "/plans/lists/taiyuan-sample.json", std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    CHECK(text.str() == embedded_sample_list());
    auto const doc = nlohmann::json::parse(text.str());
    CHECK(doc["list"]["note"].get<std::string>().find("FICTIONAL") != std::string::npos);
}

TEST_CASE("sample enterprises match domain §13", "[lists][sample]") {
    auto const& list = sample().list.enterprises;
    REQUIRE(list.size() == 10);
    for (std::size_t i = 0; i < 10; ++i) {
        auto const& e = list[i];
        auto const& row = kTable[i];
        INFO("ENT-" << (i + 1) << " " << e.name);
        CHECK(e.name == row.name);
        CHECK(e.district == row.district);
        CHECK(e.industry == row.industry);
        CHECK(e.grade == row.grade);
        CHECK(e.operating_days == (i < 2 || i == 9 ? 330 : 300));
        auto const per_day = e.baseline_t_per_day();
        for (std::size_t p = 0; p < 4; ++p) {
            INFO(kPollutants[p]);
            CHECK(e.baseline_t_per_year.at(kPollutants[p]) == row.baseline_t_per_year[p]);
            CHECK(per_day.at(kPollutants[p]) == Approx(row.baseline_t_per_day[p]).margin(0.0005));
        }
    }
}

TEST_CASE("sample daily reductions are the §13 numbers", "[lists][sample]") {
    auto const& list = sample().list.enterprises;
    REQUIRE(list.size() == 10);
    for (std::size_t i = 0; i < 9; ++i) {
        for (std::size_t l = 0; l < 3; ++l) {
            auto const& m = list[i].measures.at(l);
            INFO("ENT-" << (i + 1) << " " << kLevels[l]);
            CHECK(m.level == kLevels[l]);
            CHECK_FALSE(m.text.empty());
            for (std::size_t p = 0; p < 4; ++p) {
                INFO(kPollutants[p]);
                CHECK(m.reductions_t_per_day.at(kPollutants[p]) == kReductions[i][l][p]);
            }
        }
    }
    // The brief's spot check, spelt out.
    auto const& orange = list[0].measures.at(1).reductions_t_per_day;
    CHECK(orange.at("SO2") == 0.137);
    CHECK(orange.at("NOx") == 0.601);
    CHECK(orange.at("PM") == 0.103);
    CHECK(orange.at("VOCs") == 0.301);
}

TEST_CASE("sample measures name the right lines and actions", "[lists][sample]") {
    auto const& list = sample().list.enterprises;
    REQUIRE(list.size() == 10);
    auto const& coking = list[0];
    CHECK(coking.measures[0].action == "extend_time");
    CHECK(coking.measures[1].parameter == 36.0);
    CHECK(coking.measures[2].parameter == 48.0);
    CHECK(coking.measures[0].lines == std::vector<std::string>{"CO-1", "CO-2"});
    CHECK(coking.measures[2].transport.find("国六") != std::string::npos);
    CHECK(list[1].measures[2].lines == std::vector<std::string>{"SJ-1", "PL-1", "BF-1"});
    CHECK(list[2].measures[0].action == "transport");
    CHECK(list[2].measures[1].parameter == 0.2);
    CHECK(list[3].measures[0].lines == std::vector<std::string>{"LK-2"});
    CHECK(list[6].park == "综改示范区");
    auto const& power = list[9];
    CHECK(power.guarantee == "民生保障（供暖）");
    for (auto const& m : power.measures) {
        CHECK(m.action == "conc_cap");
        CHECK(m.reductions_t_per_day.empty());
    }
}

TEST_CASE("the sample list is valid against the Taiyuan plan", "[lists][sample][taiyuan]") {
    auto const& plan = test::taiyuan_plan();
    REQUIRE(plan);  // plans/taiyuan.json carries districts, industries and grades
    auto const result = parse_list_json(embedded_sample_list(), *plan);
    INFO(test::describe(result.problems));
    CHECK(result.ok());
}

TEST_CASE("Plan data: a guarantee plant in a key industry below B or 引领性 is imported with a warning",
          "[lists][rules]") {
    auto const& plan = test::taiyuan_plan();
    REQUIRE(plan.has_value());
    auto heating = test::minimal_enterprise();
    heating["guarantee"] = "民生保障（供暖）";
    heating["grade"] = "C";
    auto fine = heating;
    fine["credit_code"] = "91140121MA0TE00026";
    fine["name"] = "测试焦化二厂有限公司";
    fine["grade"] = "B";
    auto non_key = heating;
    non_key["credit_code"] = "91140121MA0TE00039";
    non_key["name"] = "测试热力有限公司";
    non_key["industry"] = "非重点行业";
    non_key["grade"] = "非引领性";
    nlohmann::json doc{{"enterprises", {fine, heating, non_key}}};
    auto const parsed = parse_list_json(doc.dump(), *plan);
    INFO(test::describe(parsed.problems));
    REQUIRE(parsed.ok());  // a warning, not a refusal
    auto const warnings = list_warnings(parsed.list, *plan);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].pointer == "/enterprises/1/grade");
    CHECK(warnings[0].message.find("焦化") != std::string::npos);
    // The ten samples have none: their guarantee plant (ENT-10) is not in a key industry.
    CHECK(list_warnings(sample().list, *plan).empty());
}

TEST_CASE("Plan data: no generated fired-brick or lime plant in the six urban districts, fired brick B or better",
          "[lists][generator][rules]") {
    auto const& plan = test::taiyuan_plan();
    REQUIRE(plan.has_value());
    auto const list = generate_list(*plan, 20000, 7);
    int brick = 0, lime = 0;
    for (auto const& e : list.enterprises) {
        if (e.industry != "砖瓦窑" && e.industry != "石灰窑") continue;
        (e.industry == "砖瓦窑" ? brick : lime)++;
        INFO(e.name << " " << e.district << " " << e.grade);
        for (auto const* urban : {"小店区", "迎泽区", "杏花岭区", "尖草坪区", "万柏林区", "晋源区"}) CHECK(e.district != urban);
        if (e.industry == "砖瓦窑") CHECK((e.grade == "A+" || e.grade == "A" || e.grade == "B"));
    }
    CHECK(brick > 10);
    CHECK(lime > 5);
}

}  // namespace
}  // namespace hazeguard::engine
