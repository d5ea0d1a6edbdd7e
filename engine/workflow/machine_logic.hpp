#pragma once
/// @file machine_logic.hpp
/// @brief The data and the plain-C++ guards/actions of the warning machine. The MSM table in
/// warning_machine.hpp decides *which* of these run; this class decides *what* they do.

#include <optional>
#include <string>
#include <vector>

#include "engine/workflow/actions.hpp"
#include "engine/workflow/effects.hpp"
#include "engine/workflow/warning.hpp"
#include "engine/workflow/warning_state.hpp"

namespace hazeguard::engine::detail {

class MachineLogic {
public:
    WarningState data;
    MachineSettings settings;
    std::vector<Effect> effects;       ///< effects of the event being processed
    std::optional<Refusal> refusal;    ///< set by a guard that said no, or by no_transition

    // guards
    bool allowed(Issue const& e);
    bool allowed(Upgrade const& e);
    bool allowed(Downgrade const& e);
    bool allowed(Lift const& e);
    bool allowed(Extend const& e);
    bool revises(Upgrade const& e);
    bool known(StartDue const&);
    bool known(EndDue const&);
    bool known(DirectiveEnd const& e);
    std::optional<int> level_after(StartDue const& e) const;
    std::optional<int> level_after(EndDue const& e) const;
    std::optional<int> level_after(DirectiveEnd const& e) const;

    // actions
    void apply(Issue const& e);
    void apply(Upgrade const& e);
    void apply(Downgrade const& e);
    void apply(Lift const& e);
    void apply(Extend const& e);
    void apply(StartDue const& e);
    void apply(EndDue const& e);
    void apply(DirectiveStart const& e);
    void apply(DirectiveEnd const& e);
    void cancel_scheduled(std::string const& cause);
    /// @brief Replaces the scheduled change by a higher one (its orders are withdrawn and the new
    /// change's announced: engine/service/orders/order_issuer.hpp).
    void revise(Upgrade const& e);

    /// @brief Records why `a` is impossible in the current phase (unless a guard already did).
    void refuse_in_state(Action const& a);

private:
    bool refuse(Refusal::Kind kind, std::string action, std::string reason, std::string rule = {});
    bool starts_before_end(Instant start, std::string const& action);
    bool refuse_fluctuating(std::string const& action);
    void schedule(ScheduledChange change);
    /// The episode a warning starting at `at` belongs to: the last one, if it ended within the
    /// merge window, else a new one.
    int episode_opened_at(Instant at) const;
    /// Re-derives the level in force after local/directive data changed; emits level and episode effects.
    void settle(Instant at, std::string const& action, std::string const& cause);
    void set_planned_end(std::optional<Instant> end, std::string const& cause);
    void end_local_plan(Instant at, std::string const& action, std::string const& cause);
};

}  // namespace hazeguard::engine::detail
