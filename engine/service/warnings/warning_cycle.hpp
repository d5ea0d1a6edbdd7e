#pragma once
/// @file warning_cycle.hpp
/// @brief One event for the warning machine, in the command's transaction: load its state, let
/// engine::Warning decide, save the new state, record its effects (timeline, episodes, order
/// batches) and keep the machine's own timers (start, end) in step.

#include <string>

#include "engine/service/command.hpp"
#include "engine/service/orders/order_issuer.hpp"
#include "engine/service/warnings/list_facts.hpp"
#include "engine/service/view_context.hpp"
#include "engine/workflow/warning.hpp"

namespace hazeguard::service {

class WarningCycle {
public:
    WarningCycle(ViewContext views, engine::MachineSettings settings, OrderIssuer& issuer, ListFacts const& lists)
        : views_(views), settings_(settings), issuer_(issuer), lists_(lists) {}

    engine::Warning load(ports::Store& store) const;
    /// @brief Applies `action`; on a refusal nothing is written and the refusal is returned.
    engine::Outcome apply(Tx& tx, engine::Action const& action, std::string const& actor);
    /// @brief Throws the Error (invalid_transition or plan_rule_violation) that answers a refusal.
    [[noreturn]] static void refuse(engine::Refusal const& refusal);
    /// @brief The end_reminder timer: the planned end is near, the duty officer decides on 延长.
    void remind_extension(Tx& tx, engine::Instant due) const;

private:
    void record_effects(Tx& tx, std::vector<engine::Effect> const& effects, std::optional<int> episode,
                        std::string const& actor, engine::WarningState const& after);
    void open_episode(Tx& tx, engine::EpisodeOpened const& e, std::string const& actor);
    void level_changed(Tx& tx, std::optional<int> episode, engine::LevelChanged const& e, std::string const& actor);
    void link_episode(Tx& tx, int episode, std::string const& cause);
    void sync_timers(Tx& tx, engine::WarningState const& s);
    ViewContext views_;
    engine::MachineSettings settings_;
    OrderIssuer& issuer_;
    ListFacts const& lists_;
};

}  // namespace hazeguard::service
