#pragma once
/// @file criterion.hpp
/// @brief The one reading of a level's start criterion over a daily AQI series, used by the
/// forecast assessment (engine/forecast/assessment.*) and by the evaluation report's retrospective
/// rule check (engine/report/justified_levels.*).
///
/// A group of conditions holds in one pollution process: within one maximal stretch of days above
/// the group's lowest threshold, every condition has a run of at least its length. So under
/// "AQI > 200 for 72 h and AQI > 300 for 24 h" the day above 300 must belong to the run above 200
/// (210/220/230/190/310 is not red: the 310 stands apart).

#include <cstddef>
#include <vector>

#include "plans/plan.hpp"

namespace hazeguard::engine {

/// @brief Days [begin, end) of a series.
struct DaySpan {
    std::size_t begin = 0, end = 0;
    std::size_t length() const { return end - begin; }
};

/// @brief Daily values in order; `follows[i]` says day i is the calendar day after day i − 1 (a
/// gap ends every run). Empty `follows`: the days are consecutive.
struct DailySeries {
    std::vector<int> values;
    std::vector<bool> follows;
};

/// @brief One stretch in which a group held, and for each of its conditions (in order) every run
/// of at least the condition's length inside the stretch.
struct GroupHold {
    DaySpan stretch;
    std::vector<std::vector<DaySpan>> runs;
};

/// @brief Every stretch of `series` in which all of `group` holds, earliest first.
std::vector<GroupHold> group_holds(DailySeries const& series, std::vector<plans::Condition> const& group);

}  // namespace hazeguard::engine
