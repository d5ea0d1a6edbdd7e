#include "engine/service/forecasts/stored_assessment.hpp"

#include "engine/forecast/assessment.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

json stored_assessment(ViewContext const& views, engine::Forecast const& f, plans::RuleSet const& rules,
                     engine::WarningState const& state) {
    auto const& plan = views.plan;
    auto const a = engine::assess(plan, rules, f);
    json fired = nullptr;
    if (a.recommendation) {
        fired = {{"level", a.recommendation->level_id}, {"group", a.recommendation->group_index},
                 {"conditions", json::array()}};
        for (auto const& m : a.recommendation->matched)
            fired["conditions"].push_back(
                {{"aqi_above", m.condition.aqi_above}, {"days", m.condition.days}, {"dates", m.dates}});
    }
    json view{{"rule_set", {{"id", rules.id}, {"title_cn", rules.title_cn}, {"source", rules.source}}},
              {"forecast_value", a.forecast_value},
              {"recommended_level", views.level(a.recommendation ? std::optional<int>(a.recommendation->level_rank)
                                                                 : std::nullopt)},
              {"fired", fired},
              {"pollutant_path", a.pollutant_path},
              {"primary_pollutants", a.primary_pollutants},
              {"explanation_cn", a.explanation_cn},
              {"active", nullptr}};
    if (!state.level) return view;
    // During a warning: would the plan let the level drop or lift from the next local midnight?
    std::string const current = plan.level_at(*state.level).id;
    Instant const from = engine::local_midnight(f.issued_at, views.offset_minutes) + engine::kDay;
    int const rec = a.recommendation ? a.recommendation->level_rank : -1;
    // Fluctuation between the level in force and the one recommended below it, or, when the
    // recommendation is not lower, between it and the next level up.
    std::optional<std::string> lower = a.recommendation ? std::optional(a.recommendation->level_id) : std::nullopt;
    std::string upper = current;
    if (rec >= *state.level) upper = engine::next_level_up(rules, *lower).value_or(*lower);
    auto const fl = engine::check_fluctuation(plan, rules, f, lower, upper, from);
    auto const lift = engine::check_lift(plan, rules, f, current, from);
    std::string action = "maintain";
    if (rec >= *state.level && fl.applies && upper != current) action = "upgrade";
    else if (rec > *state.level) action = "upgrade";
    else if (rec < *state.level && fl.applies) action = "maintain";
    else if (rec < 0 && lift.satisfied) action = "lift";
    else if (rec >= 0 && rec < *state.level) action = "downgrade";
    view["active"] = {{"level", views.level(state.level)},
                      {"evaluated_from", views.local(from)},
                      {"recommended_action", action},
                      {"fluctuation",
                       {{"applies", fl.applies}, {"thresholds", fl.thresholds}, {"crossings", fl.crossings},
                        {"explanation_cn", fl.explanation_cn}}},
                      {"lift",
                       {{"satisfied", lift.satisfied}, {"lift_below", lift.lift_below},
                        {"hours_below", lift.hours_below}, {"hours_required", lift.hours_required},
                        {"explanation_cn", lift.explanation_cn}}}};
    return view;
}

}  // namespace hazeguard::service
