// Behaviour of the warning machine (engine::Warning): effects of issue/start, the plan's guards
// (upgrade raises, fluctuation, 36 h lift, directive floor), regional directives, planned end,
// extensions and episode numbering. The (phase × event) matrix is in warning_machine_test.cpp.
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "engine/workflow/warning.hpp"
#include "tests/unit/engine/warning_test_support.hpp"

namespace hazeguard::engine {
namespace {
using namespace test;

Downgrade downgrade(int level, Instant start, bool fluctuation = false, bool ordered = false) {
    return Downgrade{.level = level, .start_at = start, .end_at = std::nullopt, .fluctuation = fluctuation,
                     .directive_ordered = ordered, .cause = "proposal:5"};
}
Lift lift(Instant start, bool rule_met, bool ordered = false) {
    return Lift{.start_at = start, .lift_rule_met = rule_met, .directive_ordered = ordered, .cause = "proposal:6"};
}
Upgrade upgrade(int level, Instant start, std::optional<Instant> end = std::nullopt) {
    return Upgrade{.level = level, .start_at = start, .end_at = end, .cause = "proposal:4"};
}

TEST_CASE("an issue is scheduled first and its start opens an episode at the issued level", "[engine][warning]") {
    Warning w{settings()};
    auto const issued = accept(w, Issue{.level = kYellow, .start_at = day(2), .end_at = day(4), .cause = "proposal:1"});
    REQUIRE(issued.effects.size() == 1);
    auto const scheduled = only_effect<ChangeScheduled>(issued);
    CHECK(scheduled.action == "issue");
    CHECK(scheduled.level == std::optional<int>{kYellow});
    CHECK(scheduled.start_at == day(2));
    CHECK(scheduled.cause == "proposal:1");
    CHECK(w.phase() == Phase::scheduled);
    CHECK_FALSE(w.state().level.has_value());

    auto const started = accept(w, StartDue{.at = day(2)});
    auto const opened = only_effect<EpisodeOpened>(started);
    CHECK(opened.episode == 1);
    CHECK(opened.at == day(2));
    CHECK_FALSE(opened.reopened);
    auto const changed = only_effect<LevelChanged>(started);
    CHECK_FALSE(changed.from.has_value());
    CHECK(changed.to == std::optional<int>{kYellow});
    CHECK(changed.at == day(2));
    CHECK(changed.action == "issue");
    CHECK(changed.cause == "proposal:1");
    auto const end = only_effect<PlannedEndChanged>(started);
    CHECK(end.end_at == std::optional<Instant>{day(4)});

    auto const& s = w.state();
    CHECK(s.phase == Phase::active);
    CHECK(s.level == std::optional<int>{kYellow});
    CHECK(s.local_level == std::optional<int>{kYellow});
    CHECK(s.level_since == std::optional<Instant>{day(2)});
    CHECK(s.planned_end == std::optional<Instant>{day(4)});
    CHECK(s.episode == std::optional<int>{1});
    CHECK_FALSE(s.scheduled.has_value());
}

TEST_CASE("an upgrade must raise the level in force and start before the planned end", "[engine][warning]") {
    Warning w = active_orange();
    for (int level : {kAdverse, kYellow, kOrange}) {
        auto const o = w.handle(upgrade(level, day(3)));
        INFO("upgrade to rank " << level);
        CHECK_FALSE(o.accepted);
        CHECK(o.refusal.kind == Refusal::Kind::invalid_transition);
        CHECK(o.refusal.action == "upgrade");
    }
    auto const at_end = w.handle(upgrade(kRed, day(4)));
    CHECK_FALSE(at_end.accepted);
    CHECK(at_end.refusal.kind == Refusal::Kind::invalid_transition);

    accept(w, upgrade(kRed, day(3)));
    auto const started = accept(w, StartDue{.at = day(3)});
    auto const changed = only_effect<LevelChanged>(started);
    CHECK(changed.from == std::optional<int>{kOrange});
    CHECK(changed.to == std::optional<int>{kRed});
    CHECK(changed.action == "upgrade");
    CHECK(effects_of<EpisodeOpened>(started).empty());
    // Without an end of its own the upgrade keeps the planned end.
    CHECK(w.state().planned_end == std::optional<Instant>{day(4)});
}

TEST_CASE("an upgrade that states an end replaces the planned end when it starts", "[engine][warning]") {
    Warning w = active_orange();
    accept(w, upgrade(kRed, day(3), day(6)));
    CHECK(w.state().planned_end == std::optional<Instant>{day(4)});
    auto const started = accept(w, StartDue{.at = day(3)});
    CHECK(only_effect<PlannedEndChanged>(started).end_at == std::optional<Instant>{day(6)});
    CHECK(w.state().planned_end == std::optional<Instant>{day(6)});
}

TEST_CASE("a downgrade is refused by the fluctuation rule unless a directive orders it", "[engine][warning]") {
    Warning w = active_orange();
    auto const refused = w.handle(downgrade(kYellow, day(3), /*fluctuation=*/true));
    REQUIRE_FALSE(refused.accepted);
    CHECK(refused.refusal.kind == Refusal::Kind::plan_rule);
    CHECK(refused.refusal.rule == "fluctuation");
    CHECK(refused.refusal.phase == Phase::active);
    CHECK(w.phase() == Phase::active);

    accept(w, downgrade(kYellow, day(3), /*fluctuation=*/true, /*ordered=*/true));
    auto const started = accept(w, StartDue{.at = day(3)});
    auto const changed = only_effect<LevelChanged>(started);
    CHECK(changed.from == std::optional<int>{kOrange});
    CHECK(changed.to == std::optional<int>{kYellow});
    CHECK(changed.action == "downgrade");
}

TEST_CASE("a downgrade must lower the level in force", "[engine][warning]") {
    Warning w = active_orange();
    for (int level : {kOrange, kRed}) {
        auto const o = w.handle(downgrade(level, day(3)));
        CHECK_FALSE(o.accepted);
        CHECK(o.refusal.kind == Refusal::Kind::invalid_transition);
        CHECK(o.refusal.rule.empty());
    }
    CHECK(w.handle(downgrade(kYellow, day(3))).accepted);
}

TEST_CASE("a lift is refused by the 36 h rule unless met or ordered by a directive", "[engine][warning]") {
    Warning w = active_orange();
    auto const refused = w.handle(lift(day(3), /*rule_met=*/false));
    REQUIRE_FALSE(refused.accepted);
    CHECK(refused.refusal.kind == Refusal::Kind::plan_rule);
    CHECK(refused.refusal.rule == "lift");
    CHECK(w.try_handle(lift(day(3), false, /*ordered=*/true)).accepted);

    accept(w, lift(day(3), /*rule_met=*/true));
    CHECK(w.phase() == Phase::change_scheduled);
    auto const lifted = accept(w, StartDue{.at = day(3)});
    auto const changed = only_effect<LevelChanged>(lifted);
    CHECK(changed.from == std::optional<int>{kOrange});
    CHECK_FALSE(changed.to.has_value());
    CHECK(changed.action == "lift");
    CHECK(only_effect<EpisodeClosed>(lifted).episode == 1);
    CHECK(w.phase() == Phase::normal);
    CHECK(w.state().last_episode_end == std::optional<Instant>{day(3)});
    CHECK_FALSE(w.state().planned_end.has_value());
}

TEST_CASE("a warning that ends does not report its planned end as changed to open-ended", "[engine][warning]") {
    // PlannedEndChanged with no end_at means "open-ended: lift to be notified" (the service writes
    // 解除时间另行通知 to the timeline); a lift or an expiry ends the warning instead.
    Warning lifted = active_orange();
    accept(lifted, lift(day(3), true));
    auto const by_lift = accept(lifted, StartDue{.at = day(3)});
    CHECK(effects_of<PlannedEndChanged>(by_lift).empty());
    CHECK(only_effect<EpisodeClosed>(by_lift).episode == 1);

    Warning expired = active_orange();
    auto const by_end = accept(expired, EndDue{.at = day(4)});
    CHECK(effects_of<PlannedEndChanged>(by_end).empty());
}

TEST_CASE("a lift is refused while a regional directive is in force", "[engine][warning][directive]") {
    Warning w = active_orange();
    accept(w, DirectiveStart{.id = "SX-2026-07", .level = kYellow, .at = day(2) + kHour});
    for (bool ordered : {false, true}) {
        auto const o = w.handle(lift(day(3), true, ordered));
        CHECK_FALSE(o.accepted);
        CHECK(o.refusal.kind == Refusal::Kind::plan_rule);
        CHECK(o.refusal.rule == "directive_floor");
    }
}

TEST_CASE("a downgrade below a directive's level is refused, down to it is allowed", "[engine][warning][directive]") {
    Warning w = active_orange();
    accept(w, DirectiveStart{.id = "SX-2026-07", .level = kYellow, .at = day(2) + kHour});
    auto const below = w.handle(downgrade(kAdverse, day(3), false, /*ordered=*/true));
    REQUIRE_FALSE(below.accepted);
    CHECK(below.refusal.kind == Refusal::Kind::plan_rule);
    CHECK(below.refusal.rule == "directive_floor");
    CHECK(w.handle(downgrade(kYellow, day(3))).accepted);
}

TEST_CASE("a directive in normal opens an episode at its level and its end lifts the warning",
          "[engine][warning][directive]") {
    Warning w{settings()};
    auto const started = accept(w, DirectiveStart{.id = "MEE-2026-03", .level = kOrange, .at = day(2)});
    CHECK(w.phase() == Phase::active);
    CHECK(only_effect<EpisodeOpened>(started).episode == 1);
    auto const up = only_effect<LevelChanged>(started);
    CHECK_FALSE(up.from.has_value());
    CHECK(up.to == std::optional<int>{kOrange});
    CHECK(up.action == "directive_start");
    CHECK(up.cause == "MEE-2026-03");
    CHECK_FALSE(w.state().local_level.has_value());
    CHECK_FALSE(w.state().planned_end.has_value());

    auto const unknown = w.handle(DirectiveEnd{.id = "MEE-2026-99", .at = day(3)});
    CHECK_FALSE(unknown.accepted);
    CHECK(unknown.refusal.kind == Refusal::Kind::invalid_transition);

    auto const ended = accept(w, DirectiveEnd{.id = "MEE-2026-03", .at = day(4)});
    auto const down = only_effect<LevelChanged>(ended);
    CHECK(down.from == std::optional<int>{kOrange});
    CHECK_FALSE(down.to.has_value());
    CHECK(down.action == "directive_end");
    CHECK(only_effect<EpisodeClosed>(ended).at == day(4));
    CHECK(w.phase() == Phase::normal);
}

TEST_CASE("a directive above the local level raises it and its end returns to the local level",
          "[engine][warning][directive]") {
    Warning w{settings()};
    accept(w, Issue{.level = kYellow, .start_at = day(2), .end_at = day(5), .cause = "proposal:1"});
    accept(w, StartDue{.at = day(2)});
    auto const raised = accept(w, DirectiveStart{.id = "SX-2026-07", .level = kOrange, .at = day(3)});
    CHECK(only_effect<LevelChanged>(raised).to == std::optional<int>{kOrange});
    CHECK(w.state().local_level == std::optional<int>{kYellow});
    auto const ended = accept(w, DirectiveEnd{.id = "SX-2026-07", .at = day(4)});
    CHECK(only_effect<LevelChanged>(ended).to == std::optional<int>{kYellow});
    CHECK(effects_of<EpisodeClosed>(ended).empty());
    CHECK(w.phase() == Phase::active);
    CHECK(w.state().planned_end == std::optional<Instant>{day(5)});
}

TEST_CASE("a local orange warning outlives a yellow directive's end", "[engine][warning][directive]") {
    Warning w = active_orange();
    auto const started = accept(w, DirectiveStart{.id = "SX-2026-07", .level = kYellow, .at = day(2) + kHour});
    CHECK(effects_of<LevelChanged>(started).empty());
    auto const ended = accept(w, DirectiveEnd{.id = "SX-2026-07", .at = day(3)});
    CHECK(effects_of<LevelChanged>(ended).empty());
    CHECK(effects_of<EpisodeClosed>(ended).empty());
    CHECK(w.phase() == Phase::active);
    CHECK(w.state().level == std::optional<int>{kOrange});
    CHECK(w.state().planned_end == std::optional<Instant>{day(4)});
}

TEST_CASE("the planned end ends the warning and closes the episode", "[engine][warning]") {
    Warning w = active_orange();
    auto const o = accept(w, EndDue{.at = day(4)});
    auto const changed = only_effect<LevelChanged>(o);
    CHECK(changed.from == std::optional<int>{kOrange});
    CHECK_FALSE(changed.to.has_value());
    CHECK(changed.action == "planned_end");
    auto const closed = only_effect<EpisodeClosed>(o);
    CHECK(closed.episode == 1);
    CHECK(closed.at == day(4));
    CHECK(w.phase() == Phase::normal);
    CHECK_FALSE(w.state().episode.has_value());
    CHECK(w.state().last_episode == std::optional<int>{1});
}

TEST_CASE("the planned end drops a scheduled change and leaves a directive's level in force",
          "[engine][warning][directive]") {
    Warning w = active_orange();
    accept(w, DirectiveStart{.id = "SX-2026-07", .level = kYellow, .at = day(2) + kHour});
    accept(w, upgrade(kRed, day(3) + 12 * kHour));
    auto const o = accept(w, EndDue{.at = day(4)});
    CHECK(only_effect<ScheduleCancelled>(o).action == "upgrade");
    CHECK(only_effect<LevelChanged>(o).to == std::optional<int>{kYellow});
    CHECK(w.phase() == Phase::active);
    CHECK_FALSE(w.state().scheduled.has_value());
}

TEST_CASE("an extension must move the planned end later", "[engine][warning][extend]") {
    Warning w = active_orange();
    for (Instant end : {day(3), day(4)}) {
        auto const o = w.handle(Extend{.end_at = end, .at = day(3), .cause = "proposal:8"});
        CHECK_FALSE(o.accepted);
        CHECK(o.refusal.kind == Refusal::Kind::invalid_transition);
        CHECK(o.refusal.action == "extend");
    }
    auto const o = accept(w, Extend{.end_at = day(6), .at = day(3), .cause = "proposal:8"});
    auto const changed = only_effect<PlannedEndChanged>(o);
    CHECK(changed.end_at == std::optional<Instant>{day(6)});
    CHECK(changed.cause == "proposal:8");
    CHECK(w.state().planned_end == std::optional<Instant>{day(6)});
    CHECK(w.phase() == Phase::active);
}

TEST_CASE("an open-ended extension removes the planned end and cannot be extended again", "[engine][warning][extend]") {
    Warning w = active_orange();
    auto const o = accept(w, Extend{.end_at = std::nullopt, .at = day(3), .cause = "proposal:8"});
    CHECK_FALSE(only_effect<PlannedEndChanged>(o).end_at.has_value());
    CHECK_FALSE(w.state().planned_end.has_value());

    auto const again = w.handle(Extend{.end_at = day(9), .at = day(3), .cause = "proposal:9"});
    CHECK_FALSE(again.accepted);
    CHECK(again.refusal.kind == Refusal::Kind::invalid_transition);
}

TEST_CASE("the planned-end timer is refused when the warning in force has no planned end", "[engine][warning]") {
    // A stale end timer must not be reported as an accepted event that changed nothing.
    auto const setup = GENERATE(as<std::string>{}, "open-ended issue", "open-ended extension", "directive only");
    Warning w{settings()};
    if (setup == "open-ended issue") {
        accept(w, Issue{.level = kYellow, .start_at = day(2), .end_at = std::nullopt, .cause = "proposal:1"});
        accept(w, StartDue{.at = day(2)});
    } else if (setup == "open-ended extension") {
        w = active_orange();
        accept(w, Extend{.end_at = std::nullopt, .at = day(3), .cause = "proposal:8"});
    } else {
        accept(w, DirectiveStart{.id = "MEE-2026-03", .level = kOrange, .at = day(2)});
    }
    REQUIRE(w.phase() == Phase::active);
    REQUIRE_FALSE(w.state().planned_end.has_value());
    std::string const before = dump(w.state());

    auto const o = w.handle(EndDue{.at = day(4)});
    INFO(setup << ": " << describe(o));
    CHECK_FALSE(o.accepted);
    CHECK(o.refusal.kind == Refusal::Kind::invalid_transition);
    CHECK(o.refusal.action == "end_due");
    CHECK(dump(w.state()) == before);
}

TEST_CASE("extending a scheduled issue moves the end it will start with", "[engine][warning][extend]") {
    Warning w = in_phase(Phase::scheduled);
    CHECK_FALSE(w.handle(Extend{.end_at = day(4), .at = day(1), .cause = "proposal:8"}).accepted);
    accept(w, Extend{.end_at = day(5), .at = day(1), .cause = "proposal:8"});
    REQUIRE(w.state().scheduled.has_value());
    CHECK(w.state().scheduled->end_at == std::optional<Instant>{day(5)});
    accept(w, StartDue{.at = day(2)});
    CHECK(w.state().planned_end == std::optional<Instant>{day(5)});
}

TEST_CASE("an extension approved while an upgrade waits is not undone when the upgrade starts",
          "[engine][warning][extend]") {
    Warning w = active_orange();                   // planned end D4
    accept(w, upgrade(kRed, day(3), day(5)));      // upgrade from D3, its own end D5
    accept(w, Extend{.end_at = day(6), .at = day(2) + 3 * kHour, .cause = "proposal:8"});  // later approval: D6
    CHECK(w.state().planned_end == std::optional<Instant>{day(6)});
    accept(w, StartDue{.at = day(3)});
    INFO("D5 = " << day(5) << ", D6 = " << day(6));
    CHECK(w.state().planned_end.value_or(0) == day(6));
}

TEST_CASE("a new warning within 36 h of the last end reopens the same episode", "[engine][warning][episode]") {
    Warning w = active_orange();
    accept(w, EndDue{.at = day(4)});
    accept(w, Issue{.level = kYellow, .start_at = day(5), .end_at = day(6), .cause = "proposal:10"});
    auto const o = accept(w, StartDue{.at = day(5)});  // 24 h after the end
    auto const opened = only_effect<EpisodeOpened>(o);
    CHECK(opened.episode == 1);
    CHECK(opened.reopened);
    CHECK(w.state().episodes_opened == 1);
}

TEST_CASE("a new warning 36 h or more after the last end opens a new episode", "[engine][warning][episode]") {
    auto const gap = GENERATE(36 * kHour, 37 * kHour, 10 * kDay);
    Warning w = active_orange();
    accept(w, EndDue{.at = day(4)});
    accept(w, Issue{.level = kYellow, .start_at = day(4) + gap, .end_at = std::nullopt, .cause = "proposal:10"});
    auto const o = accept(w, StartDue{.at = day(4) + gap});
    auto const opened = only_effect<EpisodeOpened>(o);
    CHECK(opened.episode == 2);
    CHECK_FALSE(opened.reopened);
    CHECK(w.state().episodes_opened == 2);
    CHECK(w.state().episode == std::optional<int>{2});
}

TEST_CASE("lifting a scheduled issue cancels it without opening an episode", "[engine][warning]") {
    Warning w = in_phase(Phase::scheduled);
    auto const o = accept(w, lift(day(1) + 20 * kHour, false));
    auto const cancelled = only_effect<ScheduleCancelled>(o);
    CHECK(cancelled.action == "issue");
    CHECK(cancelled.cause == "proposal:6");
    CHECK(cancelled.scheduled_cause == "proposal:1");   // the issue in_phase() scheduled
    CHECK(effects_of<EpisodeOpened>(o).empty());
    CHECK(w.phase() == Phase::normal);
    CHECK(w.state().episodes_opened == 0);
}

}  // namespace
}  // namespace hazeguard::engine
