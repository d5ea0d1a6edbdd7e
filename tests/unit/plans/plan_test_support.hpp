#pragma once
/// @file plan_test_support.hpp
/// @brief A minimal valid plan document and helpers for asserting on parse problems.

#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "plans/plan_parser.hpp"

namespace hazeguard::plans::test {

using nlohmann::json;

/// @brief The smallest document that exercises every member: levels adverse(pre)/yellow/red, one
/// rule set "rs", two authorities, two industries, a catalog with one specific and one "*"
/// entry. Tests mutate a copy of it.
inline json minimal_plan() {
    return json::parse(R"({
      "format": "hazeguard-plan/1",
      "id": "test", "version": "1.0", "name_cn": "测试预案", "city_cn": "测试市",
      "utc_offset": "+08:00",
      "levels": [
        {"id": "adverse", "name_cn": "不利气象条件应对", "name_en": "Adverse", "pre_stage": true},
        {"id": "yellow", "name_cn": "黄色预警", "name_en": "Yellow"},
        {"id": "red", "name_cn": "红色预警", "name_en": "Red"}
      ],
      "assessment": {"default_rule_set": "rs", "forecast_value": "central"},
      "rule_sets": [{"id": "rs", "title_cn": "规则", "source": "文件", "rules": [
        {"level": "red", "any_of": [{"all_of": [{"aqi_above": 200, "days": 3}, {"aqi_above": 300, "days": 1}]}],
         "lift_below": 150},
        {"level": "yellow", "any_of": [{"all_of": [{"aqi_above": 200, "days": 1}]},
                                       {"all_of": [{"aqi_above": 150, "days": 2}]}], "lift_below": 150},
        {"level": "adverse", "any_of": [{"all_of": [{"aqi_above": 100, "days": 2}]}], "lift_below": 100}
      ]}],
      "authorities": [
        {"id": "deputy", "name_cn": "副市长", "levels": ["adverse", "yellow"]},
        {"id": "mayor", "name_cn": "市长", "levels": ["adverse", "yellow", "red"]}
      ],
      "time_limits": {"approval_form_hours": 2, "signature_hours": 3, "distribution_hours": 4},
      "fluctuation": {"window_days": 3, "min_crossings": 2},
      "lift": {"min_hours_below": 36},
      "episode_merge_hours": 48,
      "pollutant_paths": [
        {"pollutant": "PM2.5", "path": "full_response"},
        {"pollutant": "O3", "path": "health_advisory", "note_cn": "健康提示"}
      ],
      "unknown_pollutant_path": "health_advisory",
      "reduction_targets": {"yellow": {"SO2": 10, "NOx": 10}, "red": {"PM": 30}},
      "baseline_emissions_t_per_day": {"SO2": 60, "VOCs": 150.5},
      "public_measures": [{"level": "yellow", "sector": "health", "text_cn": "减少户外活动"}],
      "districts": ["甲区", "乙县"],
      "industries": ["水泥", "焦化"],
      "non_key_industry": "非重点行业",
      "grades": ["A", "B", "C", "D", "引领性", "非引领性"],
      "self_determined_grades": ["A", "引领性"],
      "stop_grades": ["D"],
      "guarantee_types": ["民生保障（供暖）"],
      "measure_catalog": [
        {"industry": "水泥", "grades": ["B"], "level": "red", "action": "stop", "text_cn": "停产",
         "transport_cn": "禁止国四及以下重型货车运输", "cut": {"SO2": 1, "NOx": 1, "PM": 1, "VOCs": 1}},
        {"industry": "*", "grades": ["B", "C"], "level": "yellow", "action": "limit", "text_cn": "限产20%",
         "cut": {"SO2": 0.2, "NOx": 0.2, "PM": 0.2, "VOCs": 0.1}}
      ],
      "orders": {"ack_hours": 2, "execution_hours": 12, "escalate_after_hours": 3},
      "evaluation": {"aqi_categories": [{"name_cn": "好", "max": 100}, {"name_cn": "差"}],
                     "heavy_pollution_aqi": 200, "onset_checks": [{"aqi_above": 150, "level": "yellow"}],
                     "electricity_tolerance": 0.1},
      "documents": {"issuer_cn": "测试市生态环境保护委员会办公室", "number_prefix_cn": "测环委办发",
                    "addressees_cn": "各区人民政府", "approval_cn": "经市人民政府同意",
                    "reporting_cn": "请各区落实", "lift_closing_cn": "请各区总结", "copy_to_cn": "市政府办公室",
                    "contact_cn": "联系电话：0000-0000000", "dispatch_series_cn": "秋冬季应对不利气象条件调度令",
                    "season_start_month": 9,
                    "levels": [{"level": "adverse", "warning_cn": "不利气象条件应对", "response_cn": "应对措施"},
                               {"level": "yellow", "warning_cn": "黄色预警", "response_cn": "Ⅲ级应急响应"},
                               {"level": "red", "warning_cn": "红色预警", "response_cn": "Ⅰ级应急响应"}]}
    })");
}

/// @brief Parses a document given as JSON.
inline PlanParseResult parse(json const& doc) { return parse_plan(doc.dump()); }

/// @brief All problems, one "POINTER: message" line each, for failure messages.
inline std::string describe(PlanParseResult const& result) {
    std::string out;
    for (auto const& p : result.problems) out += "  " + p.pointer + ": " + p.message + "\n";
    return out.empty() ? "  (no problems)\n" : out;
}

/// @brief The embedded Taiyuan plan, parsed once.
inline Plan const& taiyuan() {
    static PlanParseResult const result = parse_plan(embedded_taiyuan_plan());
    INFO(describe(result));
    REQUIRE(result.ok());
    return result.plan;
}

/// @brief True when a problem sits exactly at `pointer` and its message contains `fragment`.
inline bool has_problem(PlanParseResult const& result, std::string const& pointer,
                        std::string const& fragment) {
    for (auto const& p : result.problems)
        if (p.pointer == pointer && p.message.find(fragment) != std::string::npos) return true;
    return false;
}

}  // namespace hazeguard::plans::test

/// Asserts that `doc` yields exactly one problem, at `pointer`, whose message contains `fragment`.
#define CHECK_ONLY_PROBLEM(doc, pointer, fragment)                                              \
    do {                                                                                        \
        auto const hg_result = ::hazeguard::plans::test::parse(doc);                            \
        INFO("expected " << (pointer) << ": ..." << (fragment) << "...\ngot:\n"                 \
                         << ::hazeguard::plans::test::describe(hg_result));                     \
        CHECK(hg_result.problems.size() == 1);                                                  \
        CHECK(::hazeguard::plans::test::has_problem(hg_result, pointer, fragment));             \
    } while (false)
