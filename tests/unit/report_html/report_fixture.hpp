#pragma once
/// @file report_fixture.hpp
/// @brief The hand-written sample report (tests/fixtures/evaluation-report-sample.json, domain §14
/// numbers) and the Taiyuan plan it was written against.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "plans/plan_parser.hpp"

namespace hazeguard::report_html::test {

inline nlohmann::json sample_report() {
    std::ifstream in(HG_SOURCE_DIR "/tests/fixtures/evaluation-report-sample.json");
    if (!in) throw std::runtime_error("cannot read tests/fixtures/evaluation-report-sample.json");
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
}

inline plans::Plan const& taiyuan_plan() {
    static plans::Plan const kPlan = [] {
        auto parsed = plans::parse_plan(plans::embedded_taiyuan_plan());
        if (!parsed.ok()) throw std::runtime_error("the embedded Taiyuan plan does not parse: " + parsed.problems.front().message);
        return parsed.plan;
    }();
    return kPlan;
}

inline bool contains(std::string const& text, std::string const& fragment) { return text.find(fragment) != std::string::npos; }

}  // namespace hazeguard::report_html::test
