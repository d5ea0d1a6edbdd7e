#pragma once
/// @file warning_test_support.hpp
/// @brief Helpers for the warning machine tests: level ranks of the Taiyuan plan, scenario days
/// (D1 = 2026-12-14 00:00 +08:00), effect extraction, and warnings driven into each phase.

#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/workflow/warning.hpp"
#include "engine/workflow/warning_json.hpp"

namespace hazeguard::engine::test {

// Ranks in plans/taiyuan.json.
constexpr int kAdverse = 0;
constexpr int kYellow = 1;
constexpr int kOrange = 2;
constexpr int kRed = 3;

/// @brief Local midnight (+08:00) of scenario day Dn; D1 = 2026-12-14 (2026-12-13T16:00:00Z).
inline Instant day(int n) { return Instant{1797177600} + static_cast<Instant>(n - 1) * kDay; }

/// @brief Taiyuan's machine settings: episodes closer than 36 h merge.
inline MachineSettings settings() { return MachineSettings{36 * kHour}; }

/// @brief The state as its stored JSON text, for whole-state comparisons.
inline std::string dump(WarningState const& s) { return to_json(s).dump(); }

/// @brief Every effect of type T, in order.
template <class T>
std::vector<T> effects_of(Outcome const& o) {
    std::vector<T> out;
    for (auto const& e : o.effects)
        if (auto const* p = std::get_if<T>(&e)) out.push_back(*p);
    return out;
}

/// @brief The one effect of type T (fails the test when there is not exactly one).
template <class T>
T only_effect(Outcome const& o) {
    auto const all = effects_of<T>(o);
    REQUIRE(all.size() == 1);
    return all.front();
}

/// @brief The variant indexes of the effects, to compare two outcomes' effect sequences.
inline std::vector<std::size_t> effect_kinds(Outcome const& o) {
    std::vector<std::size_t> out;
    for (auto const& e : o.effects) out.push_back(e.index());
    return out;
}

/// @brief A one-line description of an outcome, for INFO.
inline std::string describe(Outcome const& o) {
    std::ostringstream s;
    if (o.accepted) s << "accepted with " << o.effects.size() << " effect(s)";
    else
        s << "refused (" << (o.refusal.kind == Refusal::Kind::plan_rule ? "plan_rule" : "invalid_transition")
          << ", rule '" << o.refusal.rule << "'): " << o.refusal.reason;
    return s.str();
}

/// @brief Handles `a` and requires it to be accepted.
inline Outcome accept(Warning& w, Action const& a) {
    auto o = w.handle(a);
    INFO(action_name(a) << " in " << phase_name(w.phase()) << ": " << describe(o));
    REQUIRE(o.accepted);
    return o;
}

/// @brief Orange from D2 00:00 to D4 00:00 (proposal:1), started at D2 00:00.
inline Warning active_orange() {
    Warning w{settings()};
    accept(w, Issue{.level = kOrange, .start_at = day(2), .end_at = day(4), .cause = "proposal:1"});
    accept(w, StartDue{.at = day(2)});
    return w;
}

/// @brief A fresh warning driven into `p`: normal = fresh; scheduled = after Issue (orange D2..D4);
/// active = after StartDue; change_scheduled = active + Upgrade to red from D3.
inline Warning in_phase(Phase p) {
    Warning w{settings()};
    if (p == Phase::normal) return w;
    accept(w, Issue{.level = kOrange, .start_at = day(2), .end_at = day(4), .cause = "proposal:1"});
    if (p == Phase::scheduled) return w;
    accept(w, StartDue{.at = day(2)});
    if (p == Phase::active) return w;
    accept(w, Upgrade{.level = kRed, .start_at = day(3), .end_at = std::nullopt, .cause = "proposal:2"});
    return w;
}

/// @brief One event of each of the nine kinds, in Action's variant order.
inline std::vector<Action> one_of_each_event() {
    return {
        Issue{.level = kYellow, .start_at = day(5), .end_at = day(6), .cause = "proposal:9"},
        Upgrade{.level = kRed, .start_at = day(3), .end_at = std::nullopt, .cause = "proposal:9"},
        Downgrade{.level = kYellow, .start_at = day(3), .end_at = std::nullopt, .fluctuation = false,
                  .directive_ordered = false, .cause = "proposal:9"},
        Extend{.end_at = day(5), .at = day(2) + kHour, .cause = "proposal:9"},
        Lift{.start_at = day(3), .lift_rule_met = true, .directive_ordered = false, .cause = "proposal:9"},
        StartDue{.at = day(2)},
        EndDue{.at = day(4)},
        DirectiveStart{.id = "SX-2026-07", .level = kOrange, .at = day(2) + 2 * kHour},
        DirectiveEnd{.id = "SX-2026-07", .at = day(3)},
    };
}

}  // namespace hazeguard::engine::test
