#include "engine/service/warnings/proposals_service.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "engine/delivery/sms_text.hpp"
#include "engine/domain/ref.hpp"
#include "engine/service/documents/document_page.hpp"
#include "engine/service/documents/notice_document.hpp"
#include "engine/service/error.hpp"
#include "engine/service/timeline.hpp"
#include "engine/service/warnings/proposal_checks.hpp"
#include "engine/service/warnings/wording.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
std::string proposal_ref(std::int64_t id) { return engine::to_string(engine::Ref::proposal(id)); }
json text_or_null(std::optional<std::string> const& t) { return t ? json(*t) : json(nullptr); }
/// The sentence the roster's contacts get by text: what the signed proposal decides.
std::string notice_decision(ports::ProposalRecord const& p, engine::WarningState const& state, ViewContext const& views) {
    auto const& plan = views.plan;
    auto const name = [&](std::optional<int> rank) { return rank ? plan.level_at(*rank).name_cn : std::string(); };
    // Before the change: the level in force, or the one a withdrawn scheduled change would have brought.
    std::optional<int> from = state.level;
    if (!from && state.scheduled) from = state.scheduled->level;
    std::optional<int> to = p.level ? plan.rank(*p.level) : std::nullopt;
    if (!to && p.action == "extend") to = state.level;
    return engine::notice_decision_cn({p.action, name(from), name(to), p.start_at, p.end_at, views.offset_minutes});
}
}  // namespace

engine::Action ProposalsService::action_of(ports::ProposalRecord const& p, Instant now) const {
    int const level = p.level ? views_.plan.rank(*p.level).value_or(0) : 0;
    auto const checks = json::parse(p.checks);
    bool const ordered = checks.value("directive_ordered", false);
    std::string const cause = proposal_ref(p.id);
    bool const fluctuation = checks.contains("fluctuation") && checks["fluctuation"].value("applies", false);
    if (p.action == "issue") return engine::Issue{level, p.start_at, p.end_at, cause, fluctuation, ordered};
    if (p.action == "upgrade") return engine::Upgrade{level, p.start_at, p.end_at, cause, p.open_ended, fluctuation, ordered};
    if (p.action == "downgrade") return engine::Downgrade{level, p.start_at, p.end_at, fluctuation, ordered, cause, p.open_ended};
    if (p.action == "extend") return engine::Extend{p.end_at, now, cause};
    bool const met = checks.contains("lift") && checks["lift"].value("satisfied", false);
    return engine::Lift{p.start_at, met, ordered, cause};
}

ProposalSheet ProposalsService::sheet(ports::Store& store, std::int64_t id) const {
    auto p = store.proposals().find(id);
    if (!p) not_found("proposal " + std::to_string(id));
    auto d = store.documents().find_by_ref(proposal_ref(id));
    return {std::move(*p), d ? std::optional(std::move(d->body)) : std::nullopt};
}

void ProposalsService::create(Command const& c, ProposalRequest request, Answer<ProposalSheet> answer) {
    if (request.level && !views_.plan.rank(*request.level))
        throw Error(Errc::validation, "1 field(s) are invalid: /level is not a level of the plan",
                    {{"/level", "is not a level of the plan"}});
    if (request.rule_set && !views_.plan.rule_set(*request.rule_set))
        throw Error(Errc::validation, "1 field(s) are invalid: /rule_set is not a rule set of the plan",
                    {{"/rule_set", "is not a rule set of the plan"}});
    runner_.run(c, [this, r = std::move(request), who = c.principal](Tx& tx) {
        auto const& plan = views_.plan;
        auto const forecast = forecasts_.stored(tx.store, r.forecast_id);
        if (r.forecast_id && !forecast)
            throw Error(Errc::validation, "no such forecast", {{"/forecast_id", "no forecast with this id"}});
        if (r.directive_id && !tx.store.directives().find(*r.directive_id))
            throw Error(Errc::validation, "no such directive", {{"/directive_id", "no directive with this id"}});
        auto const machine = cycle_.load(tx.store);
        auto const& state = machine.state();
        ports::ProposalRecord p;
        p.action = r.action;
        p.level = r.level;
        p.start_at = r.start.value_or(tx.now);
        p.end_at = r.end;
        // Open-ended: an issue without end, or an explicit "end_at": null (upgrade, downgrade,
        // extend). An upgrade or downgrade without end_at keeps the planned end in force.
        p.open_ended = !r.end && (r.action == "issue" || r.null_end);
        p.note = r.note;
        p.consulted_at = r.consulted.value_or(forecast ? forecast->consulted_at.value_or(forecast->issued_at) : tx.now);
        p.forecast_id = r.forecast_id;
        p.directive_id = r.directive_id;
        p.proposer = who.name;
        p.created_at = tx.now;
        p.form_due_at = p.consulted_at + plan.time_limits.approval_form_hours * engine::kHour;
        p.approval_due_at = tx.now + plan.time_limits.signature_hours * engine::kHour;
        auto const& rules = *plan.rule_set(r.rule_set.value_or(plan.default_rule_set));
        json checks = rule_checks(plan, rules, forecast, r, state.level, p.start_at);
        // Before signing: the list's planned city-wide cuts against the plan's target for the level.
        if (r.level) checks["reduction_plan"] = lists_.reduction_plan(tx.store, lists_.current_version(tx.store), *r.level);
        p.checks = checks.dump();
        // Refuse now what the machine would refuse at signature (it is checked again then).
        if (auto dry = machine.try_handle(action_of(p, tx.now)); !dry.accepted) WarningCycle::refuse(dry.refusal);
        if (!r.directive_id && state.last_episode) {
            auto const last = tx.store.episodes().find(*state.last_episode);
            auto const merged = merged_process(plan, r, state, last ? std::optional(last->peak_level) : std::nullopt, p.start_at);
            if (!merged.is_null())
                WarningCycle::refuse({engine::Refusal::Kind::plan_rule, state.phase, r.action,
                                      "the last episode closed less than " + std::to_string(plan.episode_merge_hours) +
                                          " h before this start: the plan treats both as one process at the stricter level (" +
                                          merged.at("peak_level").get<std::string>() + ")",
                                      "episode_merge"});
        }
        if (forecast && r.forecast_id) {  // the recommendation of the forecast the proposal cites
            std::optional<std::string> directive_level;
            if (r.directive_id) directive_level = tx.store.directives().find(*r.directive_id)->level;
            auto const row = tx.store.forecasts().find(*r.forecast_id);
            auto const d = deviation(plan, rules, *forecast, r, json::parse(row->assessment), directive_level, p.start_at);
            if (!d.is_null()) checks["deviation"] = d;
        }
        if (auto n = advance_notice(plan, r, p.start_at, tx.now); !n.is_null()) checks["advance_notice"] = n;
        p.checks = checks.dump();
        p.id = tx.store.proposals().add(p);
        tx.store.timers().add("approval_due", proposal_ref(p.id), p.approval_due_at, tx.real_now);
        std::string summary = who.name + "提交审批单第" + std::to_string(p.id) + "号（" + action_name_cn(r.action) + "）";
        if (r.level) summary += "：" + plan.level_at(*plan.rank(*r.level)).name_cn;
        json detail{{"proposal_id", p.id}, {"action", r.action}, {"level", text_or_null(r.level)}, {"note", r.note},
                    {"checks", checks}, {"form_late", tx.now > p.form_due_at}, {"forecast", nullptr}};
        if (r.forecast_id) {
            // The rule behind the proposal: what the plan recommended for the referenced forecast.
            auto const f = tx.store.forecasts().find(*r.forecast_id);
            auto const a = json::parse(f->assessment);
            detail["forecast"] = {{"id", *r.forecast_id}, {"rule_set", f->rule_set},
                                  {"recommended_level", a.at("recommended_level")}, {"fired", a.at("fired")}};
        }
        record(tx.store, plan.version, {state.episode, proposal_ref(p.id), tx.now, "proposal", who.name, summary, detail});
        return sheet(tx.store, p.id);
    }, std::move(answer));
}

ports::ProposalRecord ProposalsService::open_for_decision(ports::Store& store, std::int64_t id,
                                                          Principal const& decider) const {
    auto p = store.proposals().find(id);
    if (!p) not_found("proposal " + std::to_string(id));
    if (p->status != "pending")
        throw Error(Errc::proposal_not_pending, "proposal " + std::to_string(id) + " is " + p->status, {},
                    {{"proposal_status", p->status}});
    if (p->proposer == decider.name)
        throw Error(Errc::self_approval, "the proposer of a proposal may not sign or reject it");
    return *p;
}

void ProposalsService::approve(Command const& c, std::int64_t id, ApprovalRequest request, Answer<ProposalSheet> answer) {
    runner_.run(c, [this, id, note = std::move(request.note), who = c.principal](Tx& tx) {
        auto const& plan = views_.plan;
        auto const p = open_for_decision(tx.store, id, who);
        auto const state = tx.store.warning().state();
        // Authority must cover every level the action touches: in force, scheduled, and target.
        int rank = std::max(state.level.value_or(0), state.scheduled && state.scheduled->level ? *state.scheduled->level : 0);
        if (p.level) rank = std::max(rank, *plan.rank(*p.level));
        auto const& level = plan.level_at(rank);
        if (!plan.may_sign(who.authority, level.id)) {
            auto const* a = plan.authority(who.authority);
            throw Error(Errc::insufficient_authority,
                        (a ? a->name_cn : who.authority) + " may not sign " + level.id + " (" + level.name_cn + ")");
        }
        bool const late = tx.now > p.approval_due_at;
        Instant const distribution_due = tx.now + plan.time_limits.distribution_hours * engine::kHour;
        // What the machine would refuse is refused before a document number is given out.
        if (auto dry = cycle_.load(tx.store).try_handle(action_of(p, tx.now)); !dry.accepted)
            WarningCycle::refuse(dry.refusal);
        auto const published = publish_notice(views_, tx.store, p, state, who, tx.now);
        auto const& notice = published.text_cn;
        auto const number = published.document.at("number_cn").get<std::string>();
        tx.store.proposals().decide(id, {"approved", who.name, who.authority, tx.now, note, late, distribution_due, notice});
        tx.store.timers().cancel("approval_due", proposal_ref(id), tx.real_now);
        record(tx.store, plan.version,
               {state.episode, proposal_ref(id), tx.now, "signature", who.name,
                who.name + "签发审批单第" + std::to_string(id) + "号，" + published.document.at("title_cn").get<std::string>() +
                    "（" + number + "）印发" + (late ? "（超过签发时限）" : ""),
                {{"proposal_id", id}, {"decision", "approved"}, {"authority", who.authority}, {"late", late}, {"note", note}}});
        // The notice goes to every registered recipient through the outbox; it counts as
        // distributed when all of them have it (DeliveryService), not at the signature.
        delivery_.enqueue_notice(
            tx, {proposal_ref(id),
                 {{"proposal_id", id}, {"action", p.action}, {"level", views_.level(p.level ? plan.rank(*p.level) : std::nullopt)},
                  {"start_at", views_.local(p.start_at)}, {"end_at", views_.local_or_null(p.end_at)},
                  {"signed_by", who.name}, {"signed_at", views_.local(tx.now)},
                  {"distribution_due_at", views_.local(distribution_due)},
                  {"document", document_summary(published.document)}, {"notice_cn", notice}},
                 distribution_due, notice_decision(p, state, views_)});
        auto const outcome = cycle_.apply(tx, action_of(p, tx.now), who.name);
        if (!outcome.accepted) WarningCycle::refuse(outcome.refusal);
        // An action whose start has come takes effect at signature.
        auto const after = tx.store.warning().state();
        if (after.scheduled && after.scheduled->cause == proposal_ref(id) && after.scheduled->start_at <= tx.now)
            cycle_.apply(tx, engine::StartDue{tx.now}, "system");
        alerts_.publish(tx, state, p.action);
        return sheet(tx.store, id);
    }, std::move(answer));
}

void ProposalsService::reject(Command const& c, std::int64_t id, RejectionRequest request, Answer<ProposalSheet> answer) {
    runner_.run(c, [this, id, reason = std::move(request.reason), who = c.principal](Tx& tx) {
        open_for_decision(tx.store, id, who);
        tx.store.proposals().decide(id, {"rejected", who.name, who.authority, tx.now, reason, std::nullopt,
                                         std::nullopt, std::nullopt});
        tx.store.timers().cancel("approval_due", proposal_ref(id), tx.real_now);
        record(tx.store, views_.plan.version,
               {tx.store.warning().state().episode, proposal_ref(id), tx.now, "signature", who.name,
                who.name + "退回审批单第" + std::to_string(id) + "号：" + reason,
                {{"proposal_id", id}, {"decision", "rejected"}, {"reason", reason}}});
        return sheet(tx.store, id);
    }, std::move(answer));
}

void ProposalsService::approval_overdue(Tx& tx, std::int64_t id, Instant due) {
    auto const p = tx.store.proposals().find(id);
    if (!p || p->status != "pending") return;
    record(tx.store, views_.plan.version,
           {tx.store.warning().state().episode, proposal_ref(id), due, "approval_overdue", "system",
            "审批单第" + std::to_string(id) + "号超过签发时限（" + std::to_string(views_.plan.time_limits.signature_hours) + "小时）仍未签发",
            {{"proposal", proposal_ref(id)}}});
}

std::string ProposalsService::notice_html(std::int64_t id) {
    std::string out;
    transactions_.read([&](ports::Store& store) {
        auto const d = store.documents().find_by_ref(proposal_ref(id));
        if (!d) not_found(store.proposals().find(id) ? "notice of proposal " + std::to_string(id) + " (not signed)"
                                                     : "proposal " + std::to_string(id));
        out = page_html(notice_page(json::parse(d->body)));
    });
    return out;
}

ProposalSheet ProposalsService::proposal(std::int64_t id) {
    ProposalSheet out;
    transactions_.read([&](ports::Store& store) { out = sheet(store, id); });
    return out;
}

std::vector<ProposalSheet> ProposalsService::proposals(std::optional<std::string> const& status) {
    std::vector<ProposalSheet> items;
    transactions_.read([&](ports::Store& store) {
        for (auto id : store.proposals().ids(status, 200)) items.push_back(sheet(store, id));
    });
    return items;
}

}  // namespace hazeguard::service
