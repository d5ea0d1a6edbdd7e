#pragma once
/// @file warning.hpp
/// @brief The warning lifecycle (Boost.MSM) behind a plain class: only warning.cpp includes MSM.
/// Pure: no I/O, no clock; accepted events return their effects as data.

#include <memory>
#include <string>
#include <vector>

#include "engine/workflow/actions.hpp"
#include "engine/workflow/effects.hpp"
#include "engine/workflow/warning_state.hpp"

namespace hazeguard::engine {

/// @brief Why an event was refused.
struct Refusal {
    enum class Kind {
        invalid_transition,  ///< the action is impossible in this state (409 invalid-transition)
        plan_rule            ///< a rule of the plan forbids it (409 plan-rule-violation)
    };
    Kind kind = Kind::invalid_transition;
    Phase phase = Phase::normal;
    std::string action;
    std::string reason;      ///< English, for the problem detail
    std::string rule;        ///< the plan rule that refused, e.g. "fluctuation", "lift", "directive_floor"
};

/// @brief The result of handling one event.
struct Outcome {
    bool accepted = false;
    std::vector<Effect> effects;   ///< when accepted
    Refusal refusal;               ///< when refused
};

/// @brief Plan settings the machine itself needs.
struct MachineSettings {
    Instant episode_merge_seconds = 36 * kHour;
};

class Warning {
public:
    /// @brief A machine in `state` (a fresh WarningState for a new city).
    explicit Warning(MachineSettings settings, WarningState state = {});
    ~Warning();
    Warning(Warning const& other);
    Warning& operator=(Warning const& other);
    Warning(Warning&&) noexcept;
    Warning& operator=(Warning&&) noexcept;

    /// @brief Processes one event; on refusal the state is unchanged.
    Outcome handle(Action const& action);
    /// @brief Would `action` be accepted now? (Runs it on a copy.)
    Outcome try_handle(Action const& action) const;

    WarningState const& state() const;
    Phase phase() const { return state().phase; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hazeguard::engine
