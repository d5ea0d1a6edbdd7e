#include "engine/report/detail/level_in_force.hpp"

#include <algorithm>

namespace hazeguard::engine::report::detail {

std::optional<int> level_in_force(ReportContext const& ctx, Instant day_start) {
    Instant const day_end = day_start + kDay;
    std::optional<int> highest;
    for (auto const* period : ctx.levels) {
        if (period->from >= day_end) break;
        if (period->to && (*period->to <= day_start || *period->to <= period->from)) continue;  // ended, or empty
        if (auto r = ctx.plan.rank(period->level)) highest = std::max(highest.value_or(*r), *r);
    }
    return highest;
}

}  // namespace hazeguard::engine::report::detail
