#include "engine/forecast/criterion.hpp"

#include <algorithm>

namespace hazeguard::engine {
namespace {

bool continues(DailySeries const& s, std::size_t i) { return i > 0 && (s.follows.empty() || s.follows[i]); }

// Maximal stretches of consecutive days with a value above `bound` inside `within`.
std::vector<DaySpan> stretches_above(DailySeries const& s, int bound, DaySpan within) {
    std::vector<DaySpan> out;
    for (std::size_t i = within.begin; i < within.end; ++i) {
        if (s.values[i] <= bound) continue;
        if (out.empty() || out.back().end != i || !continues(s, i)) out.push_back({i, i + 1});
        else out.back().end = i + 1;
    }
    return out;
}

}  // namespace

std::vector<GroupHold> group_holds(DailySeries const& series, std::vector<plans::Condition> const& group) {
    std::vector<GroupHold> out;
    if (group.empty()) return out;
    int lowest = group.front().aqi_above;
    for (auto const& c : group) lowest = std::min(lowest, c.aqi_above);
    for (auto const& stretch : stretches_above(series, lowest, {0, series.values.size()})) {
        GroupHold hold{stretch, {}};
        for (auto const& c : group) {
            auto runs = stretches_above(series, c.aqi_above, stretch);
            std::erase_if(runs, [&](DaySpan const& r) { return r.length() < static_cast<std::size_t>(std::max(c.days, 1)); });
            if (runs.empty()) break;
            hold.runs.push_back(std::move(runs));
        }
        if (hold.runs.size() == group.size()) out.push_back(std::move(hold));
    }
    return out;
}

}  // namespace hazeguard::engine
