#pragma once
/// @file plan_parser.hpp
/// @brief JSON → Plan, reporting every problem with its JSON pointer (RFC 6901).

#include <string>
#include <string_view>
#include <vector>

#include "plans/plan.hpp"

namespace hazeguard::plans {

/// @brief One problem found in a plan document.
struct PlanProblem {
    std::string pointer;   ///< JSON pointer to the faulty value, e.g. "/rule_sets/0/rules/1/level"
    std::string message;   ///< what is wrong, in English
};

/// @brief The outcome of parsing: a plan when `problems` is empty.
struct PlanParseResult {
    Plan plan;
    std::vector<PlanProblem> problems;
    bool ok() const { return problems.empty(); }
};

/// @brief Parses and validates a plan document. Never throws; malformed JSON is one problem at "".
PlanParseResult parse_plan(std::string_view json_text);

/// @brief The Taiyuan plan compiled into the binary (plans/taiyuan.json at build time).
std::string_view embedded_taiyuan_plan();

}  // namespace hazeguard::plans
