#include "engine/service/warnings/proposal_request.hpp"

#include "engine/forecast/assessment.hpp"
#include "engine/service/input.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

ProposalRequest read_proposal(json const& body, plans::Plan const& plan) {
    Input in(body);
    in.reject_unknown({"action", "level", "start_at", "end_at", "consultation_note", "consulted_at", "forecast_id",
                       "directive_id", "rule_set"});
    ProposalRequest r;
    r.action = in.one_of("action", true, {"issue", "upgrade", "downgrade", "extend", "lift"}).value_or("");
    bool const has_level = r.action == "issue" || r.action == "upgrade" || r.action == "downgrade";
    if (has_level) {
        r.level = in.text("level", true, 32);
        if (r.level && !plan.rank(*r.level)) in.error("level", "is not a level of the plan");
    } else if (in.has("level") && !r.action.empty()) {  // with an unknown action, only the action is at fault
        in.error("level", "must not be given for " + r.action);
    }
    if (r.action == "extend") {
        if (in.has("start_at")) in.error("start_at", "must not be given for extend (the new end is end_at)");
        if (!in.has("end_at")) in.error("end_at", "is required for extend: the new end, or null for open-ended");
    } else {
        r.start = in.instant("start_at", true);
    }
    r.end = in.instant("end_at", false);
    r.null_end = in.is_null("end_at");
    if (r.action == "lift" && in.has("end_at")) in.error("end_at", "must not be given for lift");
    if (r.start && r.end && *r.end <= *r.start) in.error("end_at", "must be after start_at");
    r.note = in.text("consultation_note", true).value_or("");
    r.consulted = in.instant("consulted_at", false);
    r.forecast_id = in.id("forecast_id", false);
    r.directive_id = in.id("directive_id", false);
    r.rule_set = in.text("rule_set", false);
    if (r.rule_set && !plan.rule_set(*r.rule_set)) in.error("rule_set", "is not a rule set of the plan");
    in.finish();
    return r;
}

json rule_checks(plans::Plan const& plan, plans::RuleSet const& rules, std::optional<engine::Forecast> const& f,
                 std::string const& action, std::optional<int> level, Instant start, bool directive_ordered) {
    json checks{{"directive_ordered", directive_ordered}};
    if (!level) return checks;
    std::string const current = plan.level_at(*level).id;
    if (action == "downgrade") {
        auto const fl = f ? engine::check_fluctuation(plan, rules, *f, current, start) : engine::FluctuationCheck{};
        checks["fluctuation"] = {{"applies", fl.applies}, {"crossings", fl.crossings},
                                 {"explanation_cn", f ? fl.explanation_cn : "无预报可供判断波动。"}};
    } else if (action == "lift") {
        auto const lc = f ? engine::check_lift(plan, rules, *f, current, start) : engine::LiftCheck{};
        checks["lift"] = {{"satisfied", lc.satisfied}, {"hours_below", lc.hours_below},
                          {"hours_required", plan.lift.min_hours_below},
                          {"explanation_cn", f ? lc.explanation_cn : "无预报，无法确认满足解除条件。"}};
    }
    return checks;
}

}  // namespace hazeguard::service
