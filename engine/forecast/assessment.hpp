#pragma once
/// @file assessment.hpp
/// @brief What the plan calls for, given a forecast: the recommended level, the rule and days
/// that fired, the pollutant path, and — during a warning — whether the fluctuation and lift
/// rules apply. Pure functions of (plan, rule set, forecast).

#include <optional>
#include <string>
#include <vector>

#include "engine/forecast/forecast.hpp"
#include "plans/plan.hpp"

namespace hazeguard::engine {

/// @brief A condition that held, with the run of days that satisfied it.
struct MatchedCondition {
    plans::Condition condition;
    std::vector<std::string> dates;   ///< the first qualifying run (length >= condition.days)
};

/// @brief The first rule (highest level) whose criterion holds.
struct RuleMatch {
    int level_rank = 0;
    std::string level_id;
    int group_index = 0;                    ///< which any_of group held
    std::vector<MatchedCondition> matched;  ///< one per condition of that group
};

/// @brief Frequent fluctuation between two levels (domain §4.3: execute the higher level): whether
/// the forecast crosses a bound between `lower` and `upper` at least `fluctuation.min_crossings`
/// times within `fluctuation.window_days` days from `from`.
struct FluctuationCheck {
    bool applies = false;
    std::vector<int> thresholds;   ///< the bounds between the two levels that were examined
    int crossings = 0;             ///< most crossings of one bound within the window
    std::string explanation_cn;
};

/// @brief Whether the lift rule (≥ N h below the level's start criterion) is satisfied.
struct LiftCheck {
    bool satisfied = false;
    int lift_below = 0;
    int hours_below = 0;           ///< consecutive forecast hours at or below `lift_below`
    int hours_required = 0;
    std::string explanation_cn;
};

/// @brief Everything POST /v1/forecasts answers.
struct Assessment {
    std::string rule_set_id;
    std::string forecast_value;             ///< "central" or "high"
    std::optional<RuleMatch> recommendation;
    std::string pollutant_path;             ///< "full_response", "health_advisory" or "none"
    std::vector<std::string> primary_pollutants;
    std::string explanation_cn;
};

/// @brief The daily values the rules read: central or upper bound, as the plan says.
std::vector<int> rule_values(plans::Plan const& plan, Forecast const& f);

/// @brief Evaluates `rules` (highest first) against the forecast.
Assessment assess(plans::Plan const& plan, plans::RuleSet const& rules, Forecast const& f);

/// @brief The AQI bounds that separate a level from the rule set's level below it: the thresholds of
/// its criterion above every threshold of the level below, else its highest threshold (2024:
/// yellow 200, orange 200, red 300). The lowest level of the rule set: all of its thresholds.
std::vector<int> level_bounds(plans::RuleSet const& rules, std::string const& level);

/// @brief The fluctuation rule between `lower` (empty: below every level of the rule set) and
/// `upper`: only the bounds of the levels above `lower` up to `upper` count. A downgrade checks
/// (target, current); an issue or upgrade checks (its level, the next level of the rule set).
FluctuationCheck check_fluctuation(plans::Plan const& plan, plans::RuleSet const& rules, Forecast const& f,
                                   std::optional<std::string> const& lower, std::string const& upper, Instant from);

/// @brief The level of the rule set just above `level`, if any (the rule set lists highest first).
std::optional<std::string> next_level_up(plans::RuleSet const& rules, std::string const& level);

/// @brief The lift rule for `current_level` with the lift taking effect at `from`.
LiftCheck check_lift(plans::Plan const& plan, plans::RuleSet const& rules, Forecast const& f,
                     std::string const& current_level, Instant from);

}  // namespace hazeguard::engine
