#include "engine/service/warnings/proposal_checks.hpp"

#include <algorithm>
#include <cmath>

#include "engine/forecast/assessment.hpp"
#include "engine/service/error.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
json fluctuation_json(engine::FluctuationCheck const& fl, bool known) {
    return {{"applies", fl.applies}, {"thresholds", fl.thresholds}, {"crossings", fl.crossings},
            {"explanation_cn", known ? fl.explanation_cn : "无预报可供判断波动。"}};
}
}  // namespace

json rule_checks(plans::Plan const& plan, plans::RuleSet const& rules, std::optional<engine::Forecast> const& f,
                 ProposalRequest const& r, std::optional<int> level, Instant start) {
    json checks{{"directive_ordered", r.directive_id.has_value()}};
    // Frequent fluctuation between two levels: the higher one is executed (domain §4.3). A
    // downgrade is checked between its level and the level in force, an issue or upgrade between
    // its level and the next one up.
    if ((r.action == "issue" || r.action == "upgrade") && r.level) {
        if (auto const up = engine::next_level_up(rules, *r.level)) {
            auto const fl = f ? engine::check_fluctuation(plan, rules, *f, r.level, *up, start) : engine::FluctuationCheck{};
            checks["fluctuation"] = fluctuation_json(fl, f.has_value());
        }
    }
    if (!level) return checks;
    std::string const current = plan.level_at(*level).id;
    if (r.action == "downgrade" && r.level) {
        auto const fl = f ? engine::check_fluctuation(plan, rules, *f, r.level, current, start) : engine::FluctuationCheck{};
        checks["fluctuation"] = fluctuation_json(fl, f.has_value());
    } else if (r.action == "lift") {
        auto const lc = f ? engine::check_lift(plan, rules, *f, current, start) : engine::LiftCheck{};
        checks["lift"] = {{"satisfied", lc.satisfied}, {"hours_below", lc.hours_below},
                          {"hours_required", plan.lift.min_hours_below},
                          {"explanation_cn", f ? lc.explanation_cn : "无预报，无法确认满足解除条件。"}};
    }
    return checks;
}

json deviation(plans::Plan const& plan, plans::RuleSet const& rules, engine::Forecast const& f, ProposalRequest const& r,
               json const& assessment, std::optional<std::string> const& directive_level, Instant start) {
    if (!r.level || (r.action != "issue" && r.action != "upgrade" && r.action != "downgrade")) return nullptr;
    auto const& recommended = assessment.at("recommended_level");
    std::optional<std::string> const rec = recommended.is_null() ? std::nullopt : std::optional(recommended.at("id").get<std::string>());
    if (rec == r.level || directive_level == r.level) return nullptr;
    // The level the fluctuation rule calls for (the next one up from the recommendation) is the plan's own.
    if (rec && engine::next_level_up(rules, *rec) == r.level &&
        engine::check_fluctuation(plan, rules, f, rec, *r.level, start).applies)
        return nullptr;
    if (!r.justification || r.justification->empty())
        throw Error(Errc::validation, "the proposed level differs from the forecast assessment's recommendation",
                    {{"/justification", "is required: the proposal asks for " + *r.level + " where the assessment recommends " +
                                            rec.value_or("no warning")}});
    return {{"recommended_level", rec ? json(*rec) : json(nullptr)}, {"justification", *r.justification}};
}

json advance_notice(plans::Plan const& plan, ProposalRequest const& r, Instant start, Instant now) {
    if (!r.level || (r.action != "issue" && r.action != "upgrade")) return nullptr;
    auto const it = plan.time_limits.advance_notice_hours.find(*r.level);
    if (it == plan.time_limits.advance_notice_hours.end()) return nullptr;
    double const hours = static_cast<double>(start - now) / engine::kHour;
    return {{"required_hours", it->second}, {"hours", std::max(0.0, std::round(hours * 10) / 10)}, {"short", hours < it->second}};
}

json merged_process(plans::Plan const& plan, ProposalRequest const& r, engine::WarningState const& state,
                    std::optional<std::string> const& last_peak, Instant start) {
    if (r.action != "issue" || !r.level || !state.last_episode || !state.last_episode_end || !last_peak) return nullptr;
    Instant const since = start - *state.last_episode_end;
    if (since >= static_cast<Instant>(plan.episode_merge_hours) * engine::kHour) return nullptr;
    auto const peak = plan.rank(*last_peak), level = plan.rank(*r.level);
    if (!peak || !level || *level >= *peak) return nullptr;
    return {{"last_episode", *state.last_episode}, {"peak_level", *last_peak},
            {"hours_since", static_cast<double>(since) / engine::kHour}, {"stricter_level_required", true}};
}

}  // namespace hazeguard::service
