#include "engine/report/detail/justified_levels.hpp"

#include <algorithm>

namespace hazeguard::engine::report::detail {
namespace {

struct Span {
    std::size_t begin = 0, end = 0;  // [begin, end) into ctx.daily
};

bool follows(ReportContext const& ctx, std::size_t i) {
    return i > 0 && ctx.daily[i]->day_start - ctx.daily[i - 1]->day_start == kDay;
}

// Maximal stretches of consecutive days with AQI > bound within [within.begin, within.end).
std::vector<Span> stretches_above(ReportContext const& ctx, int bound, Span within) {
    std::vector<Span> out;
    for (std::size_t i = within.begin; i < within.end; ++i) {
        if (ctx.daily[i]->aqi <= bound) continue;
        if (out.empty() || out.back().end != i || !follows(ctx, i))
            out.push_back({i, i + 1});
        else
            out.back().end = i + 1;
    }
    return out;
}

std::vector<Span> qualifying_runs(ReportContext const& ctx, plans::Condition const& c, Span within) {
    auto runs = stretches_above(ctx, c.aqi_above, within);
    std::erase_if(runs, [&](Span const& s) { return s.end - s.begin < static_cast<std::size_t>(std::max(c.days, 1)); });
    return runs;
}

// Marks the days the group justifies.
void mark_group(ReportContext const& ctx, std::vector<plans::Condition> const& group, std::vector<bool>& justified) {
    if (group.empty()) return;
    int lowest = group.front().aqi_above;
    for (auto const& c : group) lowest = std::min(lowest, c.aqi_above);
    for (auto const& stretch : stretches_above(ctx, lowest, {0, ctx.daily.size()})) {
        std::vector<Span> days;
        bool every_condition = true;
        for (auto const& c : group) {
            auto runs = qualifying_runs(ctx, c, stretch);
            if (runs.empty()) {
                every_condition = false;
                break;
            }
            days.insert(days.end(), runs.begin(), runs.end());
        }
        if (!every_condition) continue;
        for (auto const& run : days)
            for (std::size_t i = run.begin; i < run.end; ++i) justified[i] = true;
    }
}

}  // namespace

std::vector<std::optional<int>> justified_ranks(ReportContext const& ctx) {
    std::vector<std::optional<int>> out(ctx.daily.size());
    if (!ctx.rules) return out;
    for (auto const& rule : ctx.rules->rules) {
        auto const rank = ctx.plan.rank(rule.level);
        if (!rank) continue;
        std::vector<bool> justified(ctx.daily.size(), false);
        for (auto const& group : rule.criterion.any_of) mark_group(ctx, group, justified);
        for (std::size_t i = 0; i < out.size(); ++i)
            if (justified[i]) out[i] = std::max(out[i].value_or(*rank), *rank);
    }
    return out;
}

}  // namespace hazeguard::engine::report::detail
