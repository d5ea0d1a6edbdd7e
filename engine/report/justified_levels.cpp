#include "engine/report/detail/justified_levels.hpp"

#include <algorithm>

#include "engine/forecast/criterion.hpp"

namespace hazeguard::engine::report::detail {
namespace {

DailySeries observed_series(ReportContext const& ctx) {
    DailySeries s;
    for (std::size_t i = 0; i < ctx.daily.size(); ++i) {
        s.values.push_back(ctx.daily[i]->aqi);
        s.follows.push_back(i > 0 && ctx.daily[i]->day_start - ctx.daily[i - 1]->day_start == kDay);
    }
    return s;
}

// Marks the days the group justifies: every qualifying run of its conditions where it holds.
void mark_group(DailySeries const& series, std::vector<plans::Condition> const& group, std::vector<bool>& justified) {
    for (auto const& hold : group_holds(series, group))
        for (auto const& runs : hold.runs)
            for (auto const& run : runs)
                for (std::size_t i = run.begin; i < run.end; ++i) justified[i] = true;
}

}  // namespace

std::vector<std::optional<int>> justified_ranks(ReportContext const& ctx) {
    std::vector<std::optional<int>> out(ctx.daily.size());
    if (!ctx.rules) return out;
    auto const series = observed_series(ctx);
    for (auto const& rule : ctx.rules->rules) {
        auto const rank = ctx.plan.rank(rule.level);
        if (!rank) continue;
        std::vector<bool> justified(ctx.daily.size(), false);
        for (auto const& group : rule.criterion.any_of) mark_group(series, group, justified);
        for (std::size_t i = 0; i < out.size(); ++i)
            if (justified[i]) out[i] = std::max(out[i].value_or(*rank), *rank);
    }
    return out;
}

}  // namespace hazeguard::engine::report::detail
