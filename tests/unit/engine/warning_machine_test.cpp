// The warning machine's (phase × event) matrix, refusal invariants, try_handle, copies and
// restoring from stored state (WarningState and its JSON form). Behaviour scenarios are in
// warning_behaviour_test.cpp.
#include <array>
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "engine/workflow/warning.hpp"
#include "engine/workflow/warning_json.hpp"
#include "tests/unit/engine/warning_test_support.hpp"

namespace hazeguard::engine {
namespace {
using namespace test;

constexpr std::array<Phase, 4> kPhases = {Phase::normal, Phase::scheduled, Phase::active, Phase::change_scheduled};
constexpr std::array<char const*, 9> kEventNames = {"issue",     "upgrade", "downgrade",       "extend",       "lift",
                                                    "start_due", "end_due", "directive_start", "directive_end"};

using Next = std::optional<Phase>;  // empty = refused
constexpr auto N = Phase::normal;
constexpr auto S = Phase::scheduled;
constexpr auto A = Phase::active;
constexpr auto C = Phase::change_scheduled;
constexpr Next X = std::nullopt;

// Rows: starting phase (normal, scheduled, active, change_scheduled) as built by in_phase();
// columns: the events of one_of_each_event() (issue, upgrade, downgrade, extend, lift, start_due,
// end_due, directive_start, directive_end).
constexpr std::array<std::array<Next, 9>, 4> kExpected = {{
    /* normal    */ {S, X, X, X, X, X, X, A, X},
    /* scheduled */ {X, S, X, S, N, A, X, C, X},
    /* active    */ {X, C, C, A, C, X, N, A, X},
    /* change_s. */ {X, X, X, C, X, A, N, C, X},
}};

TEST_CASE("every phase accepts or refuses each of the nine events as the transition table says",
          "[engine][warning][matrix]") {
    auto const p = GENERATE(range(std::size_t{0}, kPhases.size()));
    auto const e = GENERATE(range(std::size_t{0}, kEventNames.size()));
    Phase const from = kPhases[p];
    Action const event = one_of_each_event()[e];
    REQUIRE(action_name(event) == kEventNames[e]);

    Warning w = in_phase(from);
    REQUIRE(w.phase() == from);
    std::string const before = dump(w.state());
    auto const outcome = w.handle(event);
    INFO(kEventNames[e] << " in " << phase_name(from) << ": " << describe(outcome));

    Next const expected = kExpected[p][e];
    CHECK(outcome.accepted == expected.has_value());
    if (expected) {
        CHECK(w.phase() == *expected);
        CHECK(w.state().phase == *expected);
    } else {
        CHECK(outcome.refusal.kind == Refusal::Kind::invalid_transition);
        CHECK(outcome.refusal.phase == from);
        CHECK(outcome.refusal.action == kEventNames[e]);
        CHECK_FALSE(outcome.refusal.reason.empty());
        CHECK(outcome.refusal.rule.empty());
        CHECK(outcome.effects.empty());
        CHECK(w.phase() == from);
        CHECK(dump(w.state()) == before);
    }
}

TEST_CASE("a refusal in a phase without a matching row names the action and the phase", "[engine][warning]") {
    Warning w{settings()};
    auto const o = w.handle(Lift{.start_at = day(2), .lift_rule_met = true, .directive_ordered = false, .cause = "p"});
    REQUIRE_FALSE(o.accepted);
    CHECK(o.refusal.reason.find("'lift'") != std::string::npos);
    CHECK(o.refusal.reason.find("'normal'") != std::string::npos);
}

TEST_CASE("a refused event leaves the whole state unchanged and the machine usable", "[engine][warning]") {
    Warning w = active_orange();
    std::string const before = dump(w.state());
    auto const refused = w.handle(Downgrade{.level = kYellow, .start_at = day(3), .end_at = std::nullopt,
                                            .fluctuation = true, .directive_ordered = false, .cause = "proposal:3"});
    REQUIRE_FALSE(refused.accepted);
    CHECK(dump(w.state()) == before);
    CHECK(w.phase() == Phase::active);
    // The same machine still takes the next valid event.
    auto const ok = w.handle(Extend{.end_at = day(5), .at = day(3), .cause = "proposal:4"});
    CHECK(ok.accepted);
    CHECK(w.state().planned_end == std::optional<Instant>{day(5)});
}

TEST_CASE("try_handle reports the outcome without changing the state", "[engine][warning]") {
    Warning w = in_phase(Phase::scheduled);
    std::string const before = dump(w.state());

    auto const trial = w.try_handle(StartDue{.at = day(2)});
    CHECK(trial.accepted);
    CHECK(w.phase() == Phase::scheduled);
    CHECK(dump(w.state()) == before);

    auto const refused_trial = w.try_handle(EndDue{.at = day(4)});
    CHECK_FALSE(refused_trial.accepted);
    CHECK(dump(w.state()) == before);

    auto const real = w.handle(StartDue{.at = day(2)});
    CHECK(real.accepted);
    CHECK(effect_kinds(real) == effect_kinds(trial));
    CHECK(w.phase() == Phase::active);
}

TEST_CASE("a copied warning evolves independently of the original", "[engine][warning]") {
    Warning original = in_phase(Phase::active);
    Warning copy = original;
    accept(copy, EndDue{.at = day(4)});
    CHECK(copy.phase() == Phase::normal);
    CHECK(original.phase() == Phase::active);
    CHECK(original.state().level == std::optional<int>{kOrange});
    // The original's MSM state is still active too: it accepts an upgrade.
    CHECK(original.handle(Upgrade{.level = kRed, .start_at = day(3), .end_at = std::nullopt, .cause = "p"}).accepted);

    Warning assigned{settings()};
    assigned = original;
    CHECK(assigned.phase() == Phase::change_scheduled);
    CHECK(assigned.handle(StartDue{.at = day(3)}).accepted);
    CHECK(original.phase() == Phase::change_scheduled);
}

TEST_CASE("a warning restored from its state behaves like the original for every event", "[engine][warning][restore]") {
    auto const p = GENERATE(range(std::size_t{0}, kPhases.size()));
    auto const e = GENERATE(range(std::size_t{0}, kEventNames.size()));
    bool const via_json = GENERATE(false, true);
    Phase const phase = kPhases[p];
    Action const event = one_of_each_event()[e];
    INFO(kEventNames[e] << " in restored " << phase_name(phase) << (via_json ? " (via JSON)" : ""));

    Warning original = in_phase(phase);
    WarningState const stored = via_json ? warning_state_from_json(to_json(original.state())) : original.state();
    Warning restored{settings(), stored};
    REQUIRE(restored.phase() == phase);
    CHECK(dump(restored.state()) == dump(original.state()));

    auto const a = original.handle(event);
    auto const b = restored.handle(event);
    CHECK(a.accepted == b.accepted);
    CHECK(effect_kinds(a) == effect_kinds(b));
    CHECK(restored.phase() == original.phase());
    CHECK(dump(restored.state()) == dump(original.state()));
}

TEST_CASE("a restored change_scheduled warning applies its scheduled upgrade on StartDue", "[engine][warning][restore]") {
    WarningState s;
    s.phase = Phase::change_scheduled;
    s.local_level = kYellow;
    s.level = kYellow;
    s.level_since = day(2);
    s.planned_end = day(4);
    s.scheduled = ScheduledChange{"upgrade", kOrange, day(3), false, std::nullopt, "proposal:7"};
    s.episodes_opened = 3;
    s.episode = 3;
    Warning w{settings(), s};
    REQUIRE(w.phase() == Phase::change_scheduled);

    auto const o = accept(w, StartDue{.at = day(3)});
    auto const changed = only_effect<LevelChanged>(o);
    CHECK(changed.from == std::optional<int>{kYellow});
    CHECK(changed.to == std::optional<int>{kOrange});
    CHECK(changed.action == "upgrade");
    CHECK(changed.cause == "proposal:7");
    CHECK(w.phase() == Phase::active);
    CHECK(w.state().episode == std::optional<int>{3});
    CHECK(w.state().planned_end == std::optional<Instant>{day(4)});
    CHECK_FALSE(w.state().scheduled.has_value());
}

TEST_CASE("a restored normal warning numbers its next episode after the stored count", "[engine][warning][restore]") {
    WarningState s;
    s.episodes_opened = 4;
    s.last_episode = 4;
    s.last_episode_end = day(1);
    Warning w{settings(), s};
    accept(w, Issue{.level = kYellow, .start_at = day(5), .end_at = std::nullopt, .cause = "proposal:1"});
    auto const o = accept(w, StartDue{.at = day(5)});
    auto const opened = only_effect<EpisodeOpened>(o);
    CHECK(opened.episode == 5);
    CHECK_FALSE(opened.reopened);
}

TEST_CASE("a restored active warning with a directive keeps the directive as a floor", "[engine][warning][restore]") {
    WarningState s;
    s.phase = Phase::active;
    s.directives = {{"MEE-2026-03", kOrange}};
    s.level = kOrange;
    s.level_since = day(2);
    s.episodes_opened = 1;
    s.episode = 1;
    Warning w{settings(), warning_state_from_json(to_json(s))};

    auto const lift = w.handle(Lift{.start_at = day(3), .lift_rule_met = true, .directive_ordered = false, .cause = "p"});
    REQUIRE_FALSE(lift.accepted);
    CHECK(lift.refusal.rule == "directive_floor");

    auto const end = accept(w, DirectiveEnd{.id = "MEE-2026-03", .at = day(4)});
    CHECK(w.phase() == Phase::normal);
    CHECK(only_effect<EpisodeClosed>(end).episode == 1);
}

}  // namespace
}  // namespace hazeguard::engine
