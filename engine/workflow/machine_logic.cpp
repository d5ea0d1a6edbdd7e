#include "engine/workflow/machine_logic.hpp"

#include <algorithm>

namespace hazeguard::engine::detail {
namespace {
constexpr auto kInvalid = Refusal::Kind::invalid_transition;
constexpr auto kRule = Refusal::Kind::plan_rule;

std::optional<int> local_after(ScheduledChange const& c) {
    return c.action == "lift" ? std::nullopt : c.level;
}

std::optional<int> combine(std::optional<int> local, std::optional<int> floor) {
    if (!local) return floor;
    if (!floor) return local;
    return std::max(*local, *floor);
}
}  // namespace

bool MachineLogic::refuse(Refusal::Kind kind, std::string action, std::string reason, std::string rule) {
    refusal = Refusal{kind, data.phase, std::move(action), std::move(reason), std::move(rule)};
    return false;
}

bool MachineLogic::starts_before_end(Instant start, std::string const& action) {
    if (data.planned_end && start >= *data.planned_end)
        return refuse(kInvalid, action, "the change would start at or after the warning's planned end");
    return true;
}

bool MachineLogic::allowed(Issue const& e) {
    // In force only through a regional directive, the city may still issue its own warning
    // (domain §4.2, §6): it takes the directive's level or higher and outlasts the directive.
    if (data.phase == Phase::active) {
        auto const floor = data.directive_floor();
        if (!floor || data.local_level) return false;  // refused for the state (refuse_in_state)
        if (e.level < *floor)
            return refuse(kRule, "issue", "a regional directive in force sets a higher minimum level", "directive_floor");
    }
    if (e.fluctuation && !e.directive_ordered) return refuse_fluctuating("issue");
    return starts_before_end(e.start_at, "issue");
}

bool MachineLogic::refuse_fluctuating(std::string const& action) {
    return refuse(kRule, action,
                  "the forecast fluctuates across the bound of the next level up: the plan executes the higher level",
                  "fluctuation");
}

bool MachineLogic::allowed(Upgrade const& e) {
    auto const level = data.effective_level();
    auto const floor = data.directive_floor();
    // Raising the city's own level to a directive's level in force adopts it (it stays when the
    // directive ends), though the level in force does not change.
    bool const adopts_directive = floor && e.level == *floor && (!data.local_level || e.level > *data.local_level);
    if (level && e.level <= *level && !adopts_directive)
        return refuse(kInvalid, "upgrade", "an upgrade must raise the level in force or adopt a regional directive's level");
    if (e.fluctuation && !e.directive_ordered) return refuse_fluctuating("upgrade");
    return starts_before_end(e.start_at, "upgrade");
}

bool MachineLogic::revises(Upgrade const& e) {
    // A scheduled change revised upward before it starts: above what it would bring and above
    // the level in force.
    auto const brings = combine(local_after(*data.scheduled), data.directive_floor());
    auto const level = data.effective_level();
    if ((brings && e.level <= *brings) || (level && e.level <= *level))
        return refuse(kInvalid, "upgrade", "a revision must raise the level the scheduled change brings");
    if (e.fluctuation && !e.directive_ordered) return refuse_fluctuating("upgrade");
    return starts_before_end(e.start_at, "upgrade");
}

bool MachineLogic::allowed(Downgrade const& e) {
    auto const level = data.effective_level();
    if (!level || e.level >= *level) return refuse(kInvalid, "downgrade", "a downgrade must lower the level in force");
    if (auto floor = data.directive_floor(); floor && e.level < *floor)
        return refuse(kRule, "downgrade", "a regional directive in force sets a higher minimum level",
                      "directive_floor");
    if (e.fluctuation && !e.directive_ordered)
        return refuse(kRule, "downgrade",
                      "the forecast still fluctuates across the bounds between the two levels: the plan keeps the higher level",
                      "fluctuation");
    return starts_before_end(e.start_at, "downgrade");
}

bool MachineLogic::allowed(Lift const& e) {
    if (data.directive_floor())
        return refuse(kRule, "lift", "a regional directive is in force: the warning lifts with the directive",
                      "directive_floor");
    if (!e.lift_rule_met && !e.directive_ordered)
        return refuse(kRule, "lift", "the forecast does not stay below the level's start criterion long enough",
                      "lift");
    return true;
}

bool MachineLogic::allowed(Extend const& e) {
    bool const pending_issue = data.phase == Phase::scheduled;
    std::optional<Instant> const end = pending_issue ? data.scheduled->end_at : data.planned_end;
    if (!end) return refuse(kInvalid, "extend", "the warning is already open-ended");
    if (e.end_at && *e.end_at <= *end) return refuse(kInvalid, "extend", "an extension must move the end later");
    return true;
}

bool MachineLogic::known(StartDue const&) { return data.scheduled.has_value(); }
bool MachineLogic::known(EndDue const&) { return data.planned_end.has_value(); }
bool MachineLogic::known(DirectiveEnd const& e) {
    return std::any_of(data.directives.begin(), data.directives.end(), [&](auto const& d) { return d.id == e.id; }) ||
           refuse(kInvalid, "directive_end", "directive " + e.id + " is not in force");
}

std::optional<int> MachineLogic::level_after(StartDue const&) const {
    return combine(local_after(*data.scheduled), data.directive_floor());
}

std::optional<int> MachineLogic::level_after(EndDue const&) const { return data.directive_floor(); }

std::optional<int> MachineLogic::level_after(DirectiveEnd const& e) const {
    WarningState s = data;
    std::erase_if(s.directives, [&](auto const& d) { return d.id == e.id; });
    return s.effective_level();
}

void MachineLogic::schedule(ScheduledChange change) {
    ChangeScheduled e{change.action, change.level, change.start_at, change.cause, data.level,
                      combine(local_after(change), data.directive_floor()), std::nullopt};
    if (e.in_force_after != e.in_force_now) e.episode = data.episode ? *data.episode : episode_opened_at(change.start_at);
    effects.push_back(std::move(e));
    data.scheduled = std::move(change);
}

int MachineLogic::episode_opened_at(Instant at) const {
    bool const merge = data.last_episode_end && at - *data.last_episode_end < settings.episode_merge_seconds;
    return merge ? *data.last_episode : data.episodes_opened + 1;
}

void MachineLogic::apply(Issue const& e) {
    schedule({"issue", e.level, e.start_at, true, e.end_at, e.cause});
}
void MachineLogic::apply(Upgrade const& e) {
    schedule({"upgrade", e.level, e.start_at, e.end_at || e.open_ended, e.end_at, e.cause});
}
void MachineLogic::apply(Downgrade const& e) {
    schedule({"downgrade", e.level, e.start_at, e.end_at || e.open_ended, e.end_at, e.cause});
}
void MachineLogic::apply(Lift const& e) { schedule({"lift", std::nullopt, e.start_at, false, std::nullopt, e.cause}); }

void MachineLogic::apply(Extend const& e) {
    if (data.phase == Phase::scheduled) {
        data.scheduled->end_at = e.end_at;
        effects.push_back(PlannedEndChanged{e.end_at, e.cause});
        return;
    }
    set_planned_end(e.end_at, e.cause);
    // A change waiting to start that brings its own end must not undo the extension.
    if (auto& c = data.scheduled; c && c->sets_end && c->end_at && (!e.end_at || *e.end_at > *c->end_at))
        c->end_at = e.end_at;
}

void MachineLogic::apply(StartDue const& e) {
    ScheduledChange const c = *data.scheduled;
    data.scheduled.reset();
    data.local_level = local_after(c);
    if (c.action == "lift") end_local_plan(e.at, c.action, c.cause);
    else {
        if (c.sets_end) set_planned_end(c.end_at, c.cause);
        settle(e.at, c.action, c.cause);
    }
}

void MachineLogic::apply(EndDue const& e) {
    if (data.scheduled) cancel_scheduled("planned_end");
    data.local_level.reset();
    end_local_plan(e.at, "planned_end", "planned_end");
}

void MachineLogic::end_local_plan(Instant at, std::string const& action, std::string const& cause) {
    // The local warning's planned end goes with it; only a directive still in force makes the
    // remaining warning open-ended, which is then worth saying.
    bool const had_end = data.planned_end.has_value();
    data.planned_end.reset();
    settle(at, action, cause);
    if (data.level && had_end) effects.push_back(PlannedEndChanged{std::nullopt, cause});
}

void MachineLogic::apply(DirectiveStart const& e) {
    std::erase_if(data.directives, [&](auto const& d) { return d.id == e.id; });  // a revised directive replaces
    data.directives.push_back({e.id, e.level});
    settle(e.at, "directive_start", e.id);
}

void MachineLogic::apply(DirectiveEnd const& e) {
    std::erase_if(data.directives, [&](auto const& d) { return d.id == e.id; });
    settle(e.at, "directive_end", e.id);
}

void MachineLogic::revise(Upgrade const& e) {
    ScheduledChange const old = *data.scheduled;
    cancel_scheduled(e.cause);
    // The revised change keeps the end the old one set, unless it sets its own.
    bool const own_end = e.end_at || e.open_ended;
    std::optional<Instant> const end = own_end ? e.end_at : old.end_at;
    if (!data.level) schedule({"issue", e.level, e.start_at, true, end, e.cause});
    else schedule({"upgrade", e.level, e.start_at, own_end || old.sets_end, end, e.cause});
}

void MachineLogic::cancel_scheduled(std::string const& cause) {
    effects.push_back(ScheduleCancelled{data.scheduled->action, cause, data.scheduled->cause});
    data.scheduled.reset();
}

void MachineLogic::set_planned_end(std::optional<Instant> end, std::string const& cause) {
    if (end == data.planned_end) return;
    data.planned_end = end;
    effects.push_back(PlannedEndChanged{end, cause});
}

void MachineLogic::settle(Instant at, std::string const& action, std::string const& cause) {
    auto const before = data.level;
    auto const after = data.effective_level();
    if (before == after) return;
    if (!before) {
        int const episode = episode_opened_at(at);
        bool const merge = episode != data.episodes_opened + 1;
        data.episode = episode;
        if (!merge) ++data.episodes_opened;
        effects.push_back(EpisodeOpened{episode, at, merge});
    }
    data.level = after;
    data.level_since = after ? std::optional<Instant>{at} : std::nullopt;
    effects.push_back(LevelChanged{before, after, at, action, cause});
    if (!after) {
        effects.push_back(EpisodeClosed{*data.episode, at});
        data.last_episode = data.episode;
        data.last_episode_end = at;
        data.episode.reset();
        data.planned_end.reset();
    }
}

void MachineLogic::refuse_in_state(Action const& a) {
    if (refusal) return;
    std::string reason;
    switch (data.phase) {
        case Phase::normal: reason = "no warning is in force or scheduled"; break;
        case Phase::scheduled: reason = "an approved issue is scheduled and not yet in force"; break;
        case Phase::active: reason = "a warning is in force and no change is scheduled"; break;
        case Phase::change_scheduled: reason = "an approved change is already scheduled"; break;
    }
    refuse(kInvalid, action_name(a), "action '" + action_name(a) + "' is not possible in state '" +
                                         std::string(phase_name(data.phase)) + "': " + reason);
}

}  // namespace hazeguard::engine::detail
