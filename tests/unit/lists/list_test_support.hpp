#pragma once
/// @file list_test_support.hpp
/// @brief A hand-built plan with the list-related fields, a minimal valid enterprise, and helpers
/// for asserting on list problems.

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "engine/enterprises/list_import.hpp"
#include "plans/plan.hpp"
#include "plans/plan_parser.hpp"

namespace hazeguard::engine::test {

using nlohmann::json;

/// @brief Taiyuan-like plan data: four levels, the ten districts, key industries, grades and
/// guarantee types as domain §7 has them. Independent of plans/taiyuan.json.
inline plans::Plan const& test_plan() {
    static plans::Plan const plan = [] {
        plans::Plan p;
        p.id = "test";
        p.version = "1.0";
        p.city_cn = "太原市";
        p.levels = {{"adverse", "不利气象条件应对", "Adverse", true},
                    {"yellow", "黄色预警（Ⅲ级响应）", "Yellow", false},
                    {"orange", "橙色预警（Ⅱ级响应）", "Orange", false},
                    {"red", "红色预警（Ⅰ级响应）", "Red", false}};
        p.districts = {"小店区", "迎泽区", "杏花岭区", "尖草坪区", "万柏林区",
                       "晋源区", "清徐县", "阳曲县",   "娄烦县",   "古交市"};
        p.industries = {"长流程联合钢铁", "短流程钢铁", "焦化",         "水泥",         "氧化铝",
                        "电解铝",       "炭素",         "铜冶炼",       "钼冶炼",
                        "铅锌冶炼",     "石灰窑",       "铁合金",       "铸造",
                        "再生铜铝铅锌", "有色金属压延", "陶瓷",         "耐火材料",
                        "岩矿棉",       "玻璃",         "砖瓦窑",       "玻璃钢",
                        "纤维素醚",     "防水建筑材料", "制药",         "农药",
                        "涂料制造",     "油墨制造",     "汽车整车制造", "工程机械整机制造",
                        "工业涂装",     "炼油与石化",   "炭黑",         "煤制氮肥",
                        "家具制造",     "包装印刷",     "人造板制造",   "塑料人造革与合成革制造",
                        "橡胶制品制造", "制鞋",         "皮革制品"};
        p.non_key_industry = "非重点行业";
        p.grades = {"A+", "A", "B", "B-", "C", "D", "引领性", "非引领性"};
        p.self_determined_grades = {"A+", "A", "引领性"};
        p.stop_grades = {"D"};
        p.guarantee_types = {"民生保障（供暖）", "民生保障（供气）", "民生保障（垃圾处理）",
                             "战略性新兴产业"};
        return p;
    }();
    return plan;
}

/// @brief The embedded Taiyuan plan when it already carries the list fields (districts, industries,
/// grades), else nullopt: those fields are being added to plans/taiyuan.json separately.
inline std::optional<plans::Plan> const& taiyuan_plan() {
    static std::optional<plans::Plan> const plan = []() -> std::optional<plans::Plan> {
        auto result = plans::parse_plan(plans::embedded_taiyuan_plan());
        if (!result.ok() || result.plan.districts.empty() || result.plan.industries.empty() ||
            result.plan.grades.empty())
            return std::nullopt;
        return result.plan;
    }();
    return plan;
}

/// @brief One valid enterprise (coking, grade B, two lines, a yellow measure).
inline json minimal_enterprise() {
    return json::parse(R"({
      "credit_code": "91140121MA0TE00013",
      "name": "测试焦化有限公司",
      "district": "清徐县",
      "industry": "焦化",
      "grade": "B",
      "operating_days": 330,
      "lines": [{"id": "CO-1", "name": "焦炉1号", "process": "炼焦"},
                {"id": "CO-2", "name": "焦炉2号", "process": "炼焦"}],
      "baseline_t_per_year": {"SO2": 96, "NOx": 420, "PM": 72, "VOCs": 210},
      "measures": [{"level": "yellow", "text": "结焦时间延长至28小时", "lines": ["CO-1", "CO-2"],
                    "action": "extend_time", "parameter": 28,
                    "reductions_t_per_day": {"SO2": 0.094, "NOx": 0.409, "PM": 0.07, "VOCs": 0.205}}],
      "contacts": [{"role": "环保负责人", "name": "王建国", "phone": "0351-5710001"}]
    })");
}

/// @brief A document holding the given enterprises.
inline json document(std::vector<json> enterprises) {
    json items = json::array();
    for (auto& e : enterprises) items.push_back(std::move(e));
    return {{"enterprises", std::move(items)}};
}

inline ListParseResult parse(json const& doc) { return parse_list_json(doc.dump(), test_plan()); }

/// @brief All problems, one "row POINTER: message" line each, for failure messages.
inline std::string describe(std::vector<ListProblem> const& problems) {
    std::ostringstream out;
    for (auto const& p : problems) out << "  row " << p.row << " " << p.pointer << ": " << p.message << "\n";
    return problems.empty() ? "  (no problems)\n" : out.str();
}

/// @brief True when a problem sits at exactly `row` and `pointer` and its message has `fragment`.
inline bool has_problem(std::vector<ListProblem> const& problems, int row, std::string const& pointer,
                        std::string const& fragment) {
    for (auto const& p : problems)
        if (p.row == row && p.pointer == pointer && p.message.find(fragment) != std::string::npos)
            return true;
    return false;
}

/// @brief The same problems in the same order (row, pointer and message each).
inline void check_same_problems(std::vector<ListProblem> const& a, std::vector<ListProblem> const& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].row == b[i].row);
        CHECK(a[i].pointer == b[i].pointer);
        CHECK(a[i].message == b[i].message);
    }
}

/// @brief Credit code with check character: "91140121MA0TE0001" + check.
inline std::string with_check(std::string first17) {
    first17 += credit_code_check_char(first17);
    return first17;
}

}  // namespace hazeguard::engine::test

/// Asserts that `problems` is exactly one problem, at `row` and `pointer`, whose message contains `fragment`.
#define CHECK_ONLY_LIST_PROBLEM(problems, row, pointer, fragment)                                   \
    do {                                                                                            \
        auto const& hg_problems = (problems);                                                       \
        INFO("expected row " << (row) << " " << (pointer) << ": ..." << (fragment) << "...\ngot:\n" \
                             << ::hazeguard::engine::test::describe(hg_problems));                  \
        CHECK(hg_problems.size() == 1);                                                             \
        CHECK(::hazeguard::engine::test::has_problem(hg_problems, (row), (pointer), (fragment)));   \
    } while (false)
