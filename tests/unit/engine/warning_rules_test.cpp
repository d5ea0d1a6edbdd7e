// The plan's rules of issue #11 §2 as the warning machine applies them: a regional directive in
// force does not stop the city from issuing or adopting its level on its own.
#include <optional>
#include <variant>

#include <catch2/catch.hpp>

#include "engine/workflow/warning.hpp"
#include "tests/unit/engine/warning_test_support.hpp"

namespace hazeguard::engine {
namespace {
using namespace test;

Warning under_orange_directive() {
    Warning w{settings()};
    accept(w, DirectiveStart{.id = "directive:1", .level = kOrange, .at = day(2)});
    return w;
}

TEST_CASE("Directives: the city issues its own warning at a directive's level while the directive is in force",
          "[engine][warning][rules]") {
    Warning w = under_orange_directive();
    REQUIRE(w.phase() == Phase::active);

    auto const below = w.handle(Issue{.level = kYellow, .start_at = day(2) + kHour, .end_at = std::nullopt, .cause = "proposal:1"});
    CHECK_FALSE(below.accepted);
    CHECK(below.refusal.kind == Refusal::Kind::plan_rule);
    CHECK(below.refusal.rule == "directive_floor");

    auto const issued =
        accept(w, Issue{.level = kOrange, .start_at = day(2) + kHour, .end_at = day(5), .cause = "proposal:2"});
    auto const scheduled = only_effect<ChangeScheduled>(issued);
    CHECK(scheduled.in_force_now == std::optional<int>{kOrange});
    CHECK(scheduled.in_force_after == std::optional<int>{kOrange});
    CHECK_FALSE(scheduled.episode.has_value());  // nothing changes in force: no new orders
    CHECK(w.phase() == Phase::change_scheduled);

    auto const started = accept(w, StartDue{.at = day(2) + kHour});
    CHECK(effects_of<LevelChanged>(started).empty());
    CHECK(w.state().local_level == std::optional<int>{kOrange});

    // The city's own orange outlasts the directive.
    auto const ended = accept(w, DirectiveEnd{.id = "directive:1", .at = day(3)});
    CHECK(effects_of<LevelChanged>(ended).empty());
    CHECK(w.state().level == std::optional<int>{kOrange});
    CHECK(w.phase() == Phase::active);

    // A second issue while the city's own warning is in force is still impossible.
    auto const again = w.handle(Issue{.level = kRed, .start_at = day(3), .end_at = std::nullopt, .cause = "proposal:3"});
    CHECK_FALSE(again.accepted);
    CHECK(again.refusal.kind == Refusal::Kind::invalid_transition);
}

TEST_CASE("Directives: the city upgrades its own level to a directive's level in force, once",
          "[engine][warning][rules]") {
    Warning w{settings()};
    accept(w, Issue{.level = kYellow, .start_at = day(2), .end_at = std::nullopt, .cause = "proposal:1"});
    accept(w, StartDue{.at = day(2)});
    accept(w, DirectiveStart{.id = "directive:1", .level = kOrange, .at = day(2) + kHour});
    REQUIRE(w.state().level == std::optional<int>{kOrange});

    auto const adopted = accept(w, Upgrade{.level = kOrange, .start_at = day(2) + 2 * kHour, .end_at = std::nullopt, .cause = "proposal:2"});
    CHECK_FALSE(only_effect<ChangeScheduled>(adopted).episode.has_value());
    accept(w, StartDue{.at = day(2) + 2 * kHour});
    CHECK(w.state().local_level == std::optional<int>{kOrange});

    auto const same = w.handle(Upgrade{.level = kOrange, .start_at = day(2) + 3 * kHour, .end_at = std::nullopt, .cause = "proposal:3"});
    CHECK_FALSE(same.accepted);
    CHECK(same.refusal.kind == Refusal::Kind::invalid_transition);
    accept(w, DirectiveEnd{.id = "directive:1", .at = day(3)});
    CHECK(w.state().level == std::optional<int>{kOrange});
}

TEST_CASE("Directives: without a directive an upgrade must still raise the level in force", "[engine][warning][rules]") {
    Warning w = active_orange();
    auto const same = w.handle(Upgrade{.level = kOrange, .start_at = day(3), .end_at = std::nullopt, .cause = "proposal:2"});
    CHECK_FALSE(same.accepted);
    auto const issue = w.handle(Issue{.level = kRed, .start_at = day(3), .end_at = std::nullopt, .cause = "proposal:3"});
    CHECK_FALSE(issue.accepted);
    CHECK(issue.refusal.reason.find("is not possible in state 'active'") != std::string::npos);
}

TEST_CASE("Fluctuation: an issue or upgrade below the level the wobbling forecast reaches is refused, unless a directive orders it",
          "[engine][warning][rules]") {
    Warning w{settings()};
    auto const issue = w.handle(Issue{.level = kYellow, .start_at = day(2), .end_at = std::nullopt, .cause = "proposal:1",
                                      .fluctuation = true});
    CHECK_FALSE(issue.accepted);
    CHECK(issue.refusal.kind == Refusal::Kind::plan_rule);
    CHECK(issue.refusal.rule == "fluctuation");
    CHECK(issue.refusal.action == "issue");
    accept(w, Issue{.level = kYellow, .start_at = day(2), .end_at = std::nullopt, .cause = "proposal:1",
                    .fluctuation = true, .directive_ordered = true});
    accept(w, StartDue{.at = day(2)});

    auto const up = w.handle(Upgrade{.level = kOrange, .start_at = day(3), .end_at = std::nullopt, .cause = "proposal:2", .open_ended = false, .fluctuation = true});
    CHECK_FALSE(up.accepted);
    CHECK(up.refusal.rule == "fluctuation");
    accept(w, Upgrade{.level = kOrange, .start_at = day(3), .end_at = std::nullopt, .cause = "proposal:2"});
}

TEST_CASE("Extension: a scheduled change is revised upward before it starts, the old change cancelled first",
          "[engine][warning][rules]") {
    Warning w = active_orange();  // orange D2..D4
    accept(w, Downgrade{.level = kYellow, .start_at = day(3), .end_at = std::nullopt, .fluctuation = false,
                        .directive_ordered = false, .cause = "proposal:2"});
    auto const lower = w.handle(Upgrade{.level = kOrange, .start_at = day(3), .end_at = std::nullopt, .cause = "proposal:3"});
    CHECK_FALSE(lower.accepted);  // not above the level in force

    auto const revised = accept(w, Upgrade{.level = kRed, .start_at = day(3), .end_at = std::nullopt, .cause = "proposal:3"});
    REQUIRE(revised.effects.size() == 2);
    auto const cancelled = std::get<ScheduleCancelled>(revised.effects[0]);
    CHECK(cancelled.scheduled_cause == "proposal:2");
    auto const scheduled = std::get<ChangeScheduled>(revised.effects[1]);
    CHECK(scheduled.action == "upgrade");
    CHECK(scheduled.in_force_after == std::optional<int>{kRed});
    CHECK(w.phase() == Phase::change_scheduled);
    accept(w, StartDue{.at = day(3)});
    CHECK(w.state().level == std::optional<int>{kRed});
    CHECK(w.state().planned_end == std::optional<Instant>{day(4)});  // the old end holds

    // A scheduled issue revised upward stays an issue and keeps its end.
    Warning fresh{settings()};
    accept(fresh, Issue{.level = kYellow, .start_at = day(2), .end_at = day(4), .cause = "proposal:1"});
    auto const up = accept(fresh, Upgrade{.level = kOrange, .start_at = day(2), .end_at = std::nullopt, .cause = "proposal:2"});
    CHECK(std::get<ChangeScheduled>(up.effects[1]).action == "issue");
    CHECK(fresh.phase() == Phase::scheduled);
    accept(fresh, StartDue{.at = day(2)});
    CHECK(fresh.state().level == std::optional<int>{kOrange});
    CHECK(fresh.state().planned_end == std::optional<Instant>{day(4)});
}

}  // namespace
}  // namespace hazeguard::engine
