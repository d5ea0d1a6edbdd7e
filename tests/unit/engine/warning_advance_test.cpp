// The scheduling of a change says what its start will bring — the level in force after it and
// the episode it acts in — so the orders can go out at the signature (issue #10 §1).
#include <optional>
#include <utility>

#include <catch2/catch.hpp>

#include "engine/workflow/warning.hpp"
#include "tests/unit/engine/warning_test_support.hpp"

namespace hazeguard::engine {
namespace {
using namespace test;

// Orders go out at the signature (advance notice): the scheduling says what its start will do.
TEST_CASE("a scheduled change says the level and episode its start will bring", "[engine][warning][advance]") {
    SECTION("an issue from nothing: a new episode, the issued level") {
        Warning w{settings()};
        auto const e = only_effect<ChangeScheduled>(
            accept(w, Issue{.level = kYellow, .start_at = day(2), .end_at = day(4), .cause = "proposal:1"}));
        CHECK_FALSE(e.in_force_now.has_value());
        CHECK(e.in_force_after == std::optional<int>{kYellow});
        CHECK(e.episode == std::optional<int>{1});
        CHECK(only_effect<EpisodeOpened>(accept(w, StartDue{.at = day(2)})).episode == *e.episode);
    }
    SECTION("an upgrade or a lift: the open episode") {
        Warning w = active_orange();
        auto const up = only_effect<ChangeScheduled>(accept(w, Upgrade{.level = kRed, .start_at = day(3), .end_at = std::nullopt, .cause = "proposal:4"}));
        CHECK(up.in_force_now == std::optional<int>{kOrange});
        CHECK(up.in_force_after == std::optional<int>{kRed});
        CHECK(up.episode == std::optional<int>{1});
        accept(w, StartDue{.at = day(3)});
        auto const off = only_effect<ChangeScheduled>(accept(w, Lift{.start_at = day(3) + 12 * kHour, .lift_rule_met = true, .directive_ordered = false, .cause = "proposal:6"}));
        CHECK(off.in_force_now == std::optional<int>{kRed});
        CHECK_FALSE(off.in_force_after.has_value());
        CHECK(off.episode == std::optional<int>{1});
    }
    SECTION("a new issue within 36 h of the last end: the episode it reopens; later: a new one") {
        auto const [gap, episode] = GENERATE(std::pair{24 * kHour, 1}, std::pair{36 * kHour, 2});
        Warning w = active_orange();
        accept(w, EndDue{.at = day(4)});
        auto const e = only_effect<ChangeScheduled>(
            accept(w, Issue{.level = kYellow, .start_at = day(4) + gap, .end_at = std::nullopt, .cause = "proposal:10"}));
        CHECK(e.episode == std::optional<int>{episode});
        CHECK(only_effect<EpisodeOpened>(accept(w, StartDue{.at = day(4) + gap})).episode == episode);
    }
}

}  // namespace
}  // namespace hazeguard::engine
