#include "engine/report/detail/sections.hpp"

#include <algorithm>
#include <tuple>

namespace hazeguard::engine::report::detail {
namespace {

// From the local midnight of the earlier of (first observed day, opening) to the latest of (end
// of the opening day, end of the last observed day, closing).
json window(ReportContext const& ctx) {
    auto const& in = ctx.input;
    Instant from = in.opened_at;
    Instant to = ctx.local_midnight(in.opened_at) + kDay;
    if (!ctx.daily.empty()) {
        from = std::min(from, ctx.daily.front()->day_start);
        to = std::max(to, ctx.daily.back()->day_start + kDay);
    }
    if (in.closed_at) to = std::max(to, *in.closed_at);
    return {{"from", ctx.time(ctx.local_midnight(from))}, {"to", ctx.time(to)}};
}

}  // namespace

json episode_section(ReportContext const& ctx) {
    auto const& in = ctx.input;
    return {{"id", in.episode_id},
            {"drill", in.drill},
            {"plan_version", in.plan_version},
            {"rule_set", ctx.rules ? json(ctx.rules->id) : json(nullptr)},
            {"list_version", in.list_version ? json(*in.list_version) : json(nullptr)},
            {"opened_at", ctx.time(in.opened_at)},
            {"closed_at", ctx.time_or_null(in.closed_at)},
            {"peak_level", text_or_null(in.peak_level)},
            {"peak_level_cn", in.peak_level.empty() ? json(nullptr) : json(ctx.level_name_cn(in.peak_level))},
            {"window", window(ctx)}};
}

json timeline_section(ReportContext const& ctx) {
    std::vector<TimelineEntry const*> rows;
    rows.reserve(ctx.input.timeline.size());
    for (auto const& t : ctx.input.timeline) rows.push_back(&t);
    std::stable_sort(rows.begin(), rows.end(),
                     [](auto const* a, auto const* b) { return std::tie(a->at, a->seq) < std::tie(b->at, b->seq); });
    json out = json::array();
    for (auto const* t : rows)
        out.push_back({{"seq", t->seq},
                       {"at", ctx.time(t->at)},
                       {"kind", t->kind},
                       {"ref", t->ref},
                       {"actor", t->actor},
                       {"summary_cn", t->summary_cn}});
    return out;
}

}  // namespace hazeguard::engine::report::detail
