#include "engine/report/detail/sections.hpp"

#include "engine/report/detail/order_digest.hpp"

#include <algorithm>

namespace hazeguard::engine::report::detail {
namespace {

/// Floating-point slack when comparing planned against required tonnes.
constexpr double kTonneSlack = 1e-9;

// Tonnes of one pollutant; 0 when not listed.
double amount(Tonnes const& tonnes, std::string const& pollutant) {
    auto it = tonnes.find(pollutant);
    return it == tonnes.end() ? 0.0 : it->second;
}

json by_batch(ReportContext const& ctx) {
    auto const& baseline = ctx.plan.baseline_emissions_t_per_day;
    json out = json::array();
    for (auto const* b : ctx.batches) {
        if (b->level.empty()) continue;
        json target = json::object(), required = json::object(), planned = json::object(),
             planned_share = json::object(), meets = json::object();
        auto const targets = ctx.plan.reduction_targets.find(b->level);
        if (targets != ctx.plan.reduction_targets.end())
            for (auto const& [pollutant, percent] : targets->second) {
                double const share = percent / 100.0;
                double const city = amount(baseline, pollutant);
                double const need = share * city, have = amount(b->planned_t_per_day, pollutant);
                target[pollutant] = rounded(share);
                required[pollutant] = rounded(need);
                planned[pollutant] = rounded(have);
                planned_share[pollutant] = city > 0 ? rounded(have / city) : json(nullptr);
                meets[pollutant] = have >= need - kTonneSlack;
            }
        out.push_back({{"ref", ref("batch", b->id)},
                       {"level", b->level},
                       {"target_share", std::move(target)},
                       {"required_t_per_day", std::move(required)},
                       {"planned_t_per_day", std::move(planned)},
                       {"planned_share", std::move(planned_share)},
                       {"meets_target", std::move(meets)}});
    }
    return out;
}

}  // namespace

json reductions_section(ReportContext const& ctx, OrderDigest const& digest) {
    json electricity = {{"tolerance", rounded(ctx.plan.evaluation.electricity_tolerance)},
                        {"orders_reporting", digest.electricity_rows.size()},
                        {"short", digest.electricity_short},
                        {"rows", digest.electricity_rows}};
    return {{"by_batch", by_batch(ctx)}, {"electricity", std::move(electricity)}};
}

}  // namespace hazeguard::engine::report::detail
