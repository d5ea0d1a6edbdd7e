// The machine's effects become timeline rows, episode records and order batches here.
#include "engine/service/warnings/warning_cycle.hpp"

#include <algorithm>

#include "engine/domain/ref.hpp"
#include "engine/service/error.hpp"
#include "engine/service/timeline.hpp"
#include "engine/service/warnings/wording.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;
}  // namespace

engine::Warning WarningCycle::load(ports::Store& store) const { return engine::Warning(settings_, store.warning().state()); }

void WarningCycle::refuse(engine::Refusal const& r) {
    bool const rule = r.kind == engine::Refusal::Kind::plan_rule;
    json extra{{"state", std::string(engine::phase_name(r.phase))}, {"action", r.action}};
    if (rule) extra["rule"] = r.rule;
    throw Error(rule ? Errc::plan_rule_violation : Errc::invalid_transition, r.reason, {}, extra);
}

engine::Outcome WarningCycle::apply(Tx& tx, engine::Action const& a, std::string const& actor) {
    engine::Warning w = load(tx.store);
    auto const episode_before = w.state().episode;
    auto outcome = w.handle(a);
    if (!outcome.accepted) return outcome;
    tx.store.warning().save(w.state());
    record_effects(tx, outcome.effects, episode_before, actor, w.state());
    sync_timers(tx, w.state());
    return outcome;
}

void WarningCycle::link_episode(Tx& tx, int episode, std::string const& cause) {
    // Rows recorded before the episode existed (the proposal, its forecast, the directive) join it.
    std::vector<std::string> refs{cause};
    if (auto const ref = engine::parse_ref(cause); ref && ref->is(engine::Ref::Kind::proposal)) {
        if (auto const p = tx.store.proposals().find(ref->id); p && p->forecast_id)
            refs.push_back(engine::to_string(engine::Ref::forecast(*p->forecast_id)));
        tx.store.proposals().join_episode(ref->id, episode);
    }
    for (auto const& r : refs) tx.store.episodes().adopt(episode, r);
}

void WarningCycle::open_episode(Tx& tx, engine::EpisodeOpened const& e, std::string const& actor) {
    auto const& plan = views_.plan;
    if (e.reopened) {
        tx.store.episodes().reopen(e.episode);
    } else {
        // The episode keeps the list version current when it opened.
        tx.store.episodes().open({e.episode, e.at, std::nullopt, plan.version, plan.default_rule_set, views_.drill, "",
                                  lists_.current_version(tx.store)});
    }
    record(tx.store, plan.version,
           {e.episode, engine::to_string(engine::Ref::episode(e.episode)), e.at, "episode_opened", actor,
            e.reopened ? "距上次过程结束不足" + std::to_string(plan.episode_merge_hours) + "小时，并入同一污染过程"
                       : "污染过程开始",
            {{"episode_id", e.episode}, {"reopened", e.reopened}}});
}

void WarningCycle::level_changed(Tx& tx, std::optional<int> episode, engine::LevelChanged const& e,
                                 std::string const& actor) {
    auto const& plan = views_.plan;
    auto name = [&](std::optional<int> rank) { return rank ? plan.level_at(*rank).name_cn : std::string("无预警"); };
    auto id_of = [&](std::optional<int> rank) { return rank ? json(plan.level_at(*rank).id) : json(nullptr); };
    if (!e.from && episode) link_episode(tx, *episode, e.cause);
    record(tx.store, plan.version,
           {episode, e.cause, e.at, "transition", actor, name(e.from) + " → " + name(e.to) + "（" + transition_cn(e.action) + "）",
            {{"from", id_of(e.from)}, {"to", id_of(e.to)}, {"action", e.action}, {"cause", e.cause}}});
    if (!episode) return;
    issuer_.fan_out(tx, *episode, e);
    if (!e.to) return;
    auto const stored = tx.store.episodes().find(*episode);
    auto const peak = stored ? plan.rank(stored->peak_level) : std::nullopt;
    if (!peak || *e.to > *peak) tx.store.episodes().set_peak_level(*episode, plan.level_at(*e.to).id);
}

void WarningCycle::record_effects(Tx& tx, std::vector<engine::Effect> const& effects, std::optional<int> episode,
                                  std::string const& actor, engine::WarningState const& after) {
    // A withdrawn change whose cancellation comes with a level change needs no orders of its own:
    // the level change's batch replaces the withdrawn one.
    bool const level_changes = std::any_of(effects.begin(), effects.end(), [](engine::Effect const& e) {
        return std::holds_alternative<engine::LevelChanged>(e);
    });
    auto const& plan = views_.plan;
    auto name = [&](std::optional<int> rank) { return rank ? plan.level_at(*rank).name_cn : std::string("无预警"); };
    auto id_of = [&](std::optional<int> rank) { return rank ? json(plan.level_at(*rank).id) : json(nullptr); };
    for (auto const& effect : effects) {
        std::visit(Overloaded{
                       [&](engine::ChangeScheduled const& e) {
                           record(tx.store, plan.version,
                                  {episode, e.cause, tx.now, "scheduled", actor,
                                   "已批准" + action_cn(e.action) + (e.level ? name(e.level) : "") + "，定于" +
                                       engine::format_local_time_cn(e.start_at, views_.offset_minutes) + "生效",
                                   {{"action", e.action}, {"level", id_of(e.level)}, {"start_at", views_.local(e.start_at)}}});
                           issuer_.announce(tx, e);
                       },
                       [&](engine::ScheduleCancelled const& e) {
                           record(tx.store, plan.version,
                                  {episode, e.cause, tx.now, "schedule_cancelled", actor,
                                   "已排定的" + action_cn(e.action) + "取消", {{"action", e.action}}});
                           if (!level_changes) issuer_.withdraw(tx, e, after.episode, after.level);
                       },
                       [&](engine::PlannedEndChanged const& e) {
                           record(tx.store, plan.version,
                                  {episode, e.cause, tx.now, "planned_end", actor,
                                   e.end_at ? "计划结束时间：" + engine::format_local_time_cn(*e.end_at, views_.offset_minutes) : "解除时间另行通知（不设结束时间）",
                                   {{"end_at", views_.local_or_null(e.end_at)}}});
                       },
                       [&](engine::EpisodeOpened const& e) {
                           episode = e.episode;
                           open_episode(tx, e, actor);
                       },
                       [&](engine::LevelChanged const& e) { level_changed(tx, episode, e, actor); },
                       [&](engine::EpisodeClosed const& e) {
                           tx.store.episodes().close(e.episode, e.at);
                           record(tx.store, plan.version,
                                  {e.episode, engine::to_string(engine::Ref::episode(e.episode)), e.at, "episode_closed",
                                   actor, "预警解除，污染过程结束", {{"episode_id", e.episode}}});
                           episode.reset();
                       }},
                   effect);
    }
}

void WarningCycle::remind_extension(Tx& tx, Instant due) const {
    auto const s = tx.store.warning().state();
    if (!s.level || !s.planned_end) return;
    record(tx.store, views_.plan.version,
           {s.episode, engine::to_string(engine::Ref::warning()), due, "extension_reminder", "system",
            "预警计划于" + engine::format_local_time_cn(*s.planned_end, views_.offset_minutes) +
                "结束，请值班员组织会商研判是否延长（延长须报批）",
            {{"planned_end", views_.local(*s.planned_end)}, {"level", views_.plan.level_at(*s.level).id}}});
}

void WarningCycle::sync_timers(Tx& tx, engine::WarningState const& s) {
    // The machine's own timers are derived from its state: at most one scheduled start, one end
    // and the reminder before the end.
    struct Want {
        char const* kind;
        std::string ref;
        Instant due;
    };
    std::vector<Want> want;
    if (s.scheduled) want.push_back({"start", s.scheduled->cause, s.scheduled->start_at});
    if (s.level && s.planned_end) want.push_back({"end", engine::to_string(engine::Ref::warning()), *s.planned_end});
    // Before a planned end the duty officer is reminded to decide on an extension (延长).
    if (int const h = views_.plan.time_limits.extension_reminder_hours; h > 0 && s.level && s.planned_end)
        want.push_back({"end_reminder", engine::to_string(engine::Ref::warning()),
                        std::max(*s.planned_end - h * engine::kHour, s.level_since.value_or(0))});
    auto& timers = tx.store.timers();
    for (std::string const kind : {"start", "end", "end_reminder"}) {
        bool kept = false;
        for (auto const& t : timers.pending(kind)) {
            bool const match = std::any_of(want.begin(), want.end(), [&](Want const& w) {
                return w.kind == kind && w.ref == t.ref && w.due == t.due_at;
            });
            if (match && !kept) kept = true;
            else timers.cancel(t.id, tx.real_now);
        }
        if (!kept)
            for (auto const& w : want)
                if (w.kind == kind) timers.add(w.kind, w.ref, w.due, tx.real_now);
    }
}

}  // namespace hazeguard::service
