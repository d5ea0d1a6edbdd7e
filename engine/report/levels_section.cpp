#include "engine/report/detail/sections.hpp"

#include "engine/report/detail/justified_levels.hpp"
#include "engine/report/detail/level_in_force.hpp"

namespace hazeguard::engine::report::detail {
namespace {

// A pre-stage level counts as no warning.
std::optional<int> as_warning(ReportContext const& ctx, std::optional<int> rank) {
    if (!rank || ctx.plan.level_at(*rank).pre_stage) return std::nullopt;
    return rank;
}

std::string verdict(std::optional<int> justified, std::optional<int> in_force) {
    int const j = justified.value_or(-1), f = in_force.value_or(-1);
    return f < j ? "under" : f > j ? "over" : "ok";
}

json level_id(ReportContext const& ctx, std::optional<int> rank) {
    return rank ? json(ctx.plan.level_at(*rank).id) : json(nullptr);
}

struct Run {
    std::size_t first = 0, last = 0;
};

// Maximal runs of calendar-consecutive days with the same verdict (not "ok"), justified level and
// level in force.
json mismatch_runs(ReportContext const& ctx, json const& days) {
    std::vector<Run> runs;
    auto same = [&](std::size_t a, std::size_t b) {
        for (char const* key : {"verdict", "justified", "in_force"})
            if (days[a][key] != days[b][key]) return false;
        return ctx.daily[b]->day_start - ctx.daily[a]->day_start == kDay;
    };
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (days[i]["verdict"] == "ok") continue;
        if (!runs.empty() && runs.back().last + 1 == i && same(i - 1, i))
            runs.back().last = i;
        else
            runs.push_back({i, i});
    }
    json out = json::array();
    for (auto const& r : runs)
        out.push_back({{"verdict", days[r.first]["verdict"]},
                       {"justified", days[r.first]["justified"]},
                       {"in_force", days[r.first]["in_force"]},
                       {"from", ctx.daily[r.first]->date},
                       {"to", ctx.daily[r.last]->date},
                       {"days", r.last - r.first + 1},
                       {"first_day", r.first}});
    return out;
}

}  // namespace

json levels_section(ReportContext const& ctx) {
    auto const justified = justified_ranks(ctx);
    json days = json::array();
    std::int64_t under = 0, over = 0;
    for (std::size_t i = 0; i < ctx.daily.size(); ++i) {
        auto const in_force = level_in_force(ctx, ctx.daily[i]->day_start);
        auto const v = verdict(as_warning(ctx, justified[i]), as_warning(ctx, in_force));
        under += v == "under";
        over += v == "over";
        days.push_back({{"date", ctx.daily[i]->date},
                        {"observed", ctx.daily[i]->aqi},
                        {"justified", level_id(ctx, justified[i])},
                        {"in_force", level_id(ctx, in_force)},
                        {"verdict", v}});
    }
    auto runs = mismatch_runs(ctx, days);
    return {{"rule_set", ctx.rules ? json(ctx.rules->id) : json(nullptr)},
            {"days", std::move(days)},
            {"runs", std::move(runs)},
            {"under_warned_days", under},
            {"over_warned_days", over}};
}

}  // namespace hazeguard::engine::report::detail
