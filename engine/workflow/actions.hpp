#pragma once
/// @file actions.hpp
/// @brief The events the warning machine accepts. Each carries the instant it refers to: the
/// machine never reads a clock. Facts the plan's rules need (fluctuation, lift rule) are worked
/// out from the forecast by engine/forecast/assessment.* and travel inside the event.

#include <optional>
#include <string>
#include <variant>

#include "engine/time/timestamp.hpp"

namespace hazeguard::engine {

/// @brief Approved: start a warning at `level` from `start_at` (open-ended when no end). Refused
/// while the forecast fluctuates across the bound to the next level up, unless a directive orders it.
struct Issue {
    int level = 0;
    Instant start_at = 0;
    std::optional<Instant> end_at;
    std::string cause;
    bool fluctuation = false;        ///< the forecast wobbles across the next level's bound (§4.3)
    bool directive_ordered = false;
};

/// @brief Approved: raise the level from `start_at`. `end_at` replaces the planned end if given;
/// `open_ended` removes it; otherwise the planned end is kept.
struct Upgrade {
    int level = 0;
    Instant start_at = 0;
    std::optional<Instant> end_at;
    std::string cause;
    bool open_ended = false;
    bool fluctuation = false;        ///< as for Issue: the plan then executes the next level up
    bool directive_ordered = false;
};

/// @brief Approved: lower the level. Refused while the forecast fluctuates across a bound between
/// the two levels, unless a regional directive orders it.
struct Downgrade {
    int level = 0;
    Instant start_at = 0;
    std::optional<Instant> end_at;
    bool fluctuation = false;
    bool directive_ordered = false;
    std::string cause;
    bool open_ended = false;   ///< as for Upgrade
};

/// @brief Approved: move the planned end later, or make the warning open-ended (no end_at).
struct Extend {
    std::optional<Instant> end_at;
    Instant at = 0;
    std::string cause;
};

/// @brief Approved: end the warning at `start_at` (cancels a scheduled, not yet started issue).
struct Lift {
    Instant start_at = 0;
    bool lift_rule_met = false;
    bool directive_ordered = false;
    std::string cause;
};

/// @brief Timer: the scheduled change's start time has come.
struct StartDue {
    Instant at = 0;
};

/// @brief Timer: the planned end has come.
struct EndDue {
    Instant at = 0;
};

/// @brief A regional directive takes effect: the level is at least `level` while it lasts.
struct DirectiveStart {
    std::string id;
    int level = 0;
    Instant at = 0;
};

/// @brief A regional directive ends; the warning it forced lifts with it.
struct DirectiveEnd {
    std::string id;
    Instant at = 0;
};

using Action = std::variant<Issue, Upgrade, Downgrade, Extend, Lift, StartDue, EndDue, DirectiveStart, DirectiveEnd>;

/// @brief "issue", "upgrade", ... — the name used in errors and the timeline.
std::string action_name(Action const& a);

}  // namespace hazeguard::engine
