#include "engine/service/lists/level_reductions.hpp"

#include <cstdio>

#include "engine/orders/order_content.hpp"

namespace hazeguard::service {
using nlohmann::json;

namespace {
// The order of ports::EnterpriseLevel::reductions and of the enterprise_levels columns.
constexpr char const* kReductionPollutants[] = {"SO2", "NOx", "PM", "VOCs"};

double amount(engine::Pollutants const& p, char const* key) {
    auto it = p.find(key);
    return it == p.end() ? 0.0 : it->second;
}
}  // namespace

std::vector<ports::EnterpriseLevel> level_reductions(plans::Plan const& plan, std::int64_t id,
                                                     engine::Enterprise const& enterprise) {
    std::vector<ports::EnterpriseLevel> rows;
    for (auto const& level : plan.levels) {
        auto const content = engine::select_order(plan, enterprise, level.id);
        if (!content.applies) continue;
        ports::EnterpriseLevel row{id, level.id, content.source, {}};
        for (std::size_t i = 0; i < 4; ++i) row.reductions[i] = amount(content.reductions_t_per_day, kReductionPollutants[i]);
        rows.push_back(std::move(row));
    }
    return rows;
}

json reduction_summary(plans::Plan const& plan, std::optional<std::int64_t> list_version, std::string const& level,
                       std::int64_t enterprises, std::array<double, 4> const& planned) {
    json out{{"level", level}, {"list_version", list_version ? json(*list_version) : json(nullptr)},
             {"enterprises", enterprises}, {"pollutants", json::object()}, {"warnings", json::array()}};
    if (!list_version) out["warnings"].push_back("尚未导入应急减排清单，无法核算减排量");
    auto const target = plan.reduction_targets.find(level);
    for (std::size_t i = 0; i < 4; ++i) {
        std::string const p = kReductionPollutants[i];
        double const baseline = plan.baseline_emissions_t_per_day.count(p) ? plan.baseline_emissions_t_per_day.at(p) : 0;
        double const required =
            target != plan.reduction_targets.end() && target->second.count(p) ? target->second.at(p) : 0;
        double const share = baseline > 0 ? 100.0 * planned[i] / baseline : 0;
        bool const meets = share + 1e-9 >= required;
        out["pollutants"][p] = {{"planned_t_per_day", planned[i]},
                                {"city_baseline_t_per_day", baseline},
                                {"planned_percent", share},
                                {"target_percent", required},
                                {"meets_target", meets}};
        if (!meets) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "%s计划减排%.1f%%，低于预案目标%.0f%%", p.c_str(), share, required);
            out["warnings"].push_back(buf);
        }
    }
    return out;
}

}  // namespace hazeguard::service
