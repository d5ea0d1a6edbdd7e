#include "engine/report/detail/ack_latency.hpp"

#include <algorithm>

namespace hazeguard::engine::report::detail {
namespace {

std::int64_t nearest_rank(std::vector<std::int64_t> const& sorted_minutes, int percent) {
    auto const n = static_cast<std::int64_t>(sorted_minutes.size());
    std::int64_t const rank = (percent * n + 99) / 100;
    return sorted_minutes[static_cast<std::size_t>(std::clamp<std::int64_t>(rank, 1, n) - 1)];
}

struct Point {
    std::int64_t minutes = 0;
    std::int64_t acknowledged = 0;
};

}  // namespace

json latency_summary(std::vector<std::int64_t> minutes) {
    std::sort(minutes.begin(), minutes.end());
    json out = {{"count", minutes.size()}};
    for (auto [key, percent] : {std::pair{"p50", 50}, std::pair{"p90", 90}, std::pair{"p99", 99}})
        out[key] = minutes.empty() ? json(nullptr) : json(nearest_rank(minutes, percent));
    out["max"] = minutes.empty() ? json(nullptr) : json(minutes.back());
    return out;
}

json ack_curve_points(std::vector<std::int64_t> minutes, std::int64_t orders) {
    std::sort(minutes.begin(), minutes.end());
    std::vector<Point> all{{0, 0}};
    for (std::size_t i = 0; i < minutes.size(); ++i) {
        if (minutes[i] != all.back().minutes) all.push_back({minutes[i], 0});
        all.back().acknowledged = static_cast<std::int64_t>(i) + 1;
    }
    std::vector<Point> kept;
    if (all.size() <= kMaxCurvePoints) {
        kept = std::move(all);
    } else {
        kept.reserve(kMaxCurvePoints);
        for (std::size_t k = 0; k < kMaxCurvePoints; ++k)
            kept.push_back(all[k * (all.size() - 1) / (kMaxCurvePoints - 1)]);
    }
    json out = json::array();
    for (auto const& p : kept)
        out.push_back({{"minutes", p.minutes},
                       {"acknowledged", p.acknowledged},
                       {"share", orders > 0 ? rounded(static_cast<double>(p.acknowledged) / static_cast<double>(orders))
                                            : json(nullptr)}});
    return out;
}

}  // namespace hazeguard::engine::report::detail
