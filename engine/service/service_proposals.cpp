// Proposals (审批单): a duty officer proposes, an approver with authority signs or rejects.
#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/forecast/assessment.hpp"
#include "engine/service/input.hpp"
#include "engine/service/service.hpp"
#include "engine/service/service_tx.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
std::string ref(std::int64_t id) { return "proposal:" + std::to_string(id); }

std::optional<Instant> opt_instant(SQLite::Column const& c) {
    return c.isNull() ? std::nullopt : std::optional<Instant>(c.getInt64());
}

// What the plan's rules say about a downgrade or lift at `start` (fluctuation, 36 h), as stored facts.
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
}  // namespace

json Service::open_for_decision(std::int64_t id, Principal const& decider) {
    auto p = proposal_view(id);
    if (p.at("status") != "pending")
        throw Error(Errc::proposal_not_pending,
                      "proposal " + std::to_string(id) + " is " + p.at("status").get<std::string>(), {},
                      {{"proposal_status", p.at("status")}});
    if (p.at("proposer") == decider.name)
        throw Error(Errc::self_approval, "the proposer of a proposal may not sign or reject it");
    return p;
}

engine::Action Service::proposal_action(std::int64_t id) {
    SQLite::Statement q(conn(), "SELECT action, level, start_at, end_at, checks, open_ended FROM proposals WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) not_found("proposal " + std::to_string(id));
    auto const action = q.getColumn(0).getString();
    int const level = q.getColumn(1).isNull() ? 0 : plan_.rank(q.getColumn(1).getString()).value_or(0);
    Instant const start = q.getColumn(2).getInt64();
    auto const end = opt_instant(q.getColumn(3));
    bool const open_ended = q.getColumn(5).getInt() == 1;
    auto const checks = json::parse(q.getColumn(4).getString());
    bool const ordered = checks.value("directive_ordered", false);
    std::string const cause = ref(id);
    if (action == "issue") return engine::Issue{level, start, end, cause};
    if (action == "upgrade") return engine::Upgrade{level, start, end, cause, open_ended};
    if (action == "downgrade") {
        bool const fluctuation = checks.contains("fluctuation") && checks["fluctuation"].value("applies", false);
        return engine::Downgrade{level, start, end, fluctuation, ordered, cause, open_ended};
    }
    if (action == "extend") return engine::Extend{end, now(), cause};
    bool const met = checks.contains("lift") && checks["lift"].value("satisfied", false);
    return engine::Lift{start, met, ordered, cause};
}

void Service::create_proposal(Command const& c, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({"action", "level", "start_at", "end_at", "consultation_note", "consulted_at", "forecast_id",
                       "directive_id", "rule_set"});
    auto const action = in.one_of("action", true, {"issue", "upgrade", "downgrade", "extend", "lift"}).value_or("");
    bool const has_level = action == "issue" || action == "upgrade" || action == "downgrade";
    std::optional<std::string> level;
    if (has_level) {
        level = in.text("level", true, 32);
        if (level && !plan_.rank(*level)) in.error("level", "is not a level of the plan");
    } else if (in.has("level") && !action.empty()) {  // with an unknown action, only the action is at fault
        in.error("level", "must not be given for " + action);
    }
    std::optional<Instant> start;
    if (action == "extend") {
        if (in.has("start_at")) in.error("start_at", "must not be given for extend (the new end is end_at)");
        if (!in.has("end_at")) in.error("end_at", "is required for extend: the new end, or null for open-ended");
    } else {
        start = in.instant("start_at", true);
    }
    auto const end = in.instant("end_at", false);
    bool const in_null_end = in.is_null("end_at");
    if (action == "lift" && in.has("end_at")) in.error("end_at", "must not be given for lift");
    if (start && end && *end <= *start) in.error("end_at", "must be after start_at");
    auto const note = in.text("consultation_note", true);
    auto const consulted = in.instant("consulted_at", false);
    auto const forecast_id = in.id("forecast_id", false);
    auto const directive_id = in.id("directive_id", false);
    auto const rule_set_id = in.text("rule_set", false);
    if (rule_set_id && !plan_.rule_set(*rule_set_id)) in.error("rule_set", "is not a rule set of the plan");
    in.finish();

    run_async(c, [this, action, level, start, end, in_null_end, note, consulted, forecast_id, directive_id, rule_set_id,
                  who = c.principal](Tx& tx) {
        auto forecast = forecasts_->stored(tx.store, forecast_id);
        if (forecast_id && !forecast)
            throw Error(Errc::validation, "no such forecast",
                          {{"/forecast_id", "no forecast with this id"}});
        if (directive_id && conn().execAndGet("SELECT count(*) FROM directives WHERE id = " +
                                            std::to_string(*directive_id)).getInt() == 0)
            throw Error(Errc::validation, "no such directive",
                          {{"/directive_id", "no directive with this id"}});
        auto const state = load_machine().state();
        Instant const consulted_at = consulted.value_or(forecast ? forecast->consulted_at.value_or(forecast->issued_at)
                                                                 : tx.now);
        json checks = rule_checks(plan_, rule_set(rule_set_id), forecast, action, state.level,
                                  start.value_or(tx.now), directive_id.has_value());
        // Before signing: the list's planned city-wide cuts against the plan's target for the level.
        if (level) checks["reduction_plan"] = reduction_plan(current_list_version(), *level);
        Instant const form_due = consulted_at + plan_.time_limits.approval_form_hours * engine::kHour;
        Instant const approval_due = tx.now + plan_.time_limits.signature_hours * engine::kHour;
        SQLite::Statement q(tx.db, "INSERT INTO proposals(action, level, start_at, end_at, open_ended, note, "
                                   "consulted_at, forecast_id, directive_id, proposer, created_at, form_due_at, "
                                   "approval_due_at, checks, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'pending')");
        q.bind(1, action);
        if (level) q.bind(2, *level);
        q.bind(3, start.value_or(tx.now));
        if (end) q.bind(4, *end);
        // Open-ended: an issue without end, or an explicit "end_at": null (upgrade, downgrade,
        // extend). An upgrade or downgrade without end_at keeps the planned end in force.
        bool const open_ended = !end && (action == "issue" || in_null_end);
        q.bind(5, open_ended ? 1 : 0);
        q.bind(6, *note);
        q.bind(7, consulted_at);
        if (forecast_id) q.bind(8, *forecast_id);
        if (directive_id) q.bind(9, *directive_id);
        q.bind(10, who.name);
        q.bind(11, tx.now);
        q.bind(12, form_due);
        q.bind(13, approval_due);
        q.bind(14, checks.dump());
        q.exec();
        auto const id = tx.db.getLastInsertRowid();
        // Refuse now what the machine would refuse at signature (it is checked again then).
        if (auto dry = load_machine().try_handle(proposal_action(id)); !dry.accepted) refuse(dry.refusal);
        add_timer("approval_due", ref(id), approval_due);
        std::string summary = who.name + "提交审批单P-" + std::to_string(id) + "（" + action + "）";
        if (level) summary += "：" + plan_.level_at(*plan_.rank(*level)).name_cn;
        json detail{{"proposal_id", id}, {"action", action}, {"level", level ? json(*level) : json(nullptr)},
                    {"note", *note}, {"checks", checks}, {"form_late", tx.now > form_due}, {"forecast", nullptr}};
        if (forecast_id) {
            // The rule behind the proposal: what the plan recommended for the referenced forecast.
            SQLite::Statement fq(tx.db, "SELECT assessment, rule_set FROM forecasts WHERE id = ?");
            fq.bind(1, *forecast_id);
            fq.executeStep();
            auto const a = json::parse(fq.getColumn(0).getString());
            detail["forecast"] = {{"id", *forecast_id}, {"rule_set", fq.getColumn(1).getString()},
                                  {"recommended_level", a.at("recommended_level")}, {"fired", a.at("fired")}};
        }
        timeline(tx, state.episode, ref(id), tx.now, "proposal", who.name, summary, detail);
        return Reply{201, proposal_view(id), "/v1/proposals/" + std::to_string(id)};
    }, std::move(done));
}

void Service::approve_proposal(Command const& c, std::int64_t id, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({"note"});
    auto const note = in.text("note", false).value_or("");
    in.finish();
    run_async(c, [this, id, note, who = c.principal](Tx& tx) {
        auto const p = open_for_decision(id, who);
        auto const state = load_machine().state();
        // Authority must cover every level the action touches: in force, scheduled, and target.
        int rank = std::max(state.level.value_or(0), state.scheduled && state.scheduled->level ? *state.scheduled->level : 0);
        if (!p.at("level").is_null()) rank = std::max(rank, *plan_.rank(p.at("level").at("id").get<std::string>()));
        auto const& level = plan_.level_at(rank);
        if (!plan_.may_sign(who.authority, level.id)) {
            auto const* a = plan_.authority(who.authority);
            throw Error(Errc::insufficient_authority,
                      (a ? a->name_cn : who.authority) + " may not sign " + level.id + " (" + level.name_cn + ")");
        }
        bool const late =
            tx.now > tx.db.execAndGet("SELECT approval_due_at FROM proposals WHERE id = " + std::to_string(id)).getInt64();
        Instant const distribution_due = tx.now + plan_.time_limits.distribution_hours * engine::kHour;
        SQLite::Statement u(tx.db, "UPDATE proposals SET status = 'approved', decided_by = ?, decided_authority = ?, "
                                   "decided_at = ?, decision_note = ?, approval_late = ?, distribution_due_at = ?, "
                                   "notice = ? WHERE id = ?");
        u.bind(1, who.name);
        u.bind(2, who.authority);
        u.bind(3, tx.now);
        u.bind(4, note);
        u.bind(5, late ? 1 : 0);
        u.bind(6, distribution_due);
        u.bind(7, render_notice(id, tx.now, who));
        u.bind(8, id);
        u.exec();
        cancel_timers("approval_due", ref(id));
        timeline(tx, state.episode, ref(id), tx.now, "signature", who.name,
                 who.name + "签发审批单P-" + std::to_string(id) + (late ? "（超过签发时限）" : ""),
                 {{"proposal_id", id}, {"decision", "approved"}, {"authority", who.authority},
                  {"late", late}, {"note", note}});
        timeline(tx, state.episode, ref(id), tx.now, "distribution", "system",
                 "向各有关部门、县（市、区）分发通知（时限至" + local(distribution_due) + "）",
                 {{"proposal_id", id}, {"due_at", local(distribution_due)}, {"on_time", true}});
        auto const outcome = handle(tx, proposal_action(id), who.name);
        if (!outcome.accepted) refuse(outcome.refusal);
        // An action whose start has come takes effect at signature.
        auto const after = load_machine().state();
        if (after.scheduled && after.scheduled->cause == ref(id) && after.scheduled->start_at <= tx.now)
            handle(tx, engine::StartDue{tx.now}, "system");
        return Reply{200, proposal_view(id), ""};
    }, std::move(done));
}

void Service::reject_proposal(Command const& c, std::int64_t id, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({"reason"});
    auto const reason = in.text("reason", true);
    in.finish();
    run_async(c, [this, id, reason, who = c.principal](Tx& tx) {
        auto const p = open_for_decision(id, who);
        SQLite::Statement u(tx.db, "UPDATE proposals SET status = 'rejected', decided_by = ?, decided_authority = ?, "
                                   "decided_at = ?, decision_note = ? WHERE id = ?");
        u.bind(1, who.name);
        u.bind(2, who.authority);
        u.bind(3, tx.now);
        u.bind(4, *reason);
        u.bind(5, id);
        u.exec();
        cancel_timers("approval_due", ref(id));
        timeline(tx, load_machine().state().episode, ref(id), tx.now, "signature", who.name,
                 who.name + "退回审批单P-" + std::to_string(id) + "：" + *reason,
                 {{"proposal_id", id}, {"decision", "rejected"}, {"reason", *reason}});
        return Reply{200, proposal_view(id), ""};
    }, std::move(done));
}

}  // namespace hazeguard::service
