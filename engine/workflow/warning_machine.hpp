#pragma once
// PRIVATE to engine/workflow/warning.cpp: the Boost.MSM definition of the warning lifecycle.
// The transition table below is repeated in docs/state-machine.md; keep the two in step.
#include "engine/workflow/msm_config.hpp"  // must precede every Boost include

#include <boost/msm/back/state_machine.hpp>
#include <boost/msm/front/functor_row.hpp>
#include <boost/msm/front/state_machine_def.hpp>

#include "engine/workflow/machine_logic.hpp"

namespace hazeguard::engine::detail {

namespace msm = boost::msm;
namespace mpl = boost::mpl;
using msm::front::none;
using msm::front::Row;

/// @brief Sent once after construction: enter the phase stored in the state data.
struct Restore {};

// --- states: each records its phase on entry --------------------------------------------------
template <Phase P>
struct PhaseState : msm::front::state<> {
    template <class Event, class Fsm>
    void on_entry(Event const&, Fsm& fsm) {
        fsm.data.phase = P;
    }
};
struct Restoring : msm::front::state<> {};
struct Normal : PhaseState<Phase::normal> {};
struct Scheduled : PhaseState<Phase::scheduled> {};
struct Active : PhaseState<Phase::active> {};
struct ChangeScheduled : PhaseState<Phase::change_scheduled> {};

// --- guards ----------------------------------------------------------------------------------
template <Phase P>
struct IsPhase {
    template <class E, class Fsm, class S, class T>
    bool operator()(E const&, Fsm& fsm, S&, T&) const {
        return fsm.data.phase == P;
    }
};
/// Upgrade/downgrade/lift/extend: the plan's and the machine's conditions (records the refusal).
struct Allowed {
    template <class E, class Fsm, class S, class T>
    bool operator()(E const& e, Fsm& fsm, S&, T&) const {
        return fsm.allowed(e);
    }
};
/// After this event, will a warning still be in force (true) or none (false)?
template <bool InForce>
struct Leaves {
    template <class E, class Fsm, class S, class T>
    bool operator()(E const& e, Fsm& fsm, S&, T&) const {
        return fsm.known(e) && fsm.level_after(e).has_value() == InForce;
    }
};

// --- actions ---------------------------------------------------------------------------------
struct Apply {
    template <class E, class Fsm, class S, class T>
    void operator()(E const& e, Fsm& fsm, S&, T&) const {
        fsm.apply(e);
    }
};
/// A change scheduled and not yet started, revised upward (records the refusal).
struct Revises {
    template <class E, class Fsm, class S, class T>
    bool operator()(E const& e, Fsm& fsm, S&, T&) const {
        return fsm.revises(e);
    }
};
struct Revise {
    template <class E, class Fsm, class S, class T>
    void operator()(E const& e, Fsm& fsm, S&, T&) const {
        fsm.revise(e);
    }
};
struct CancelScheduled {
    template <class E, class Fsm, class S, class T>
    void operator()(E const& e, Fsm& fsm, S&, T&) const {
        fsm.cancel_scheduled(e.cause);
    }
};

// --- the machine -----------------------------------------------------------------------------
struct WarningMachineDef : msm::front::state_machine_def<WarningMachineDef>, MachineLogic {
    using initial_state = Restoring;

    // clang-format off
    struct transition_table : mpl::vector<
    //    Start            Event           Next             Action           Guard
    //  +----------------+---------------+----------------+----------------+------------------------+
    Row < Restoring      , Restore       , Normal         , none           , IsPhase<Phase::normal> >,
    Row < Restoring      , Restore       , Scheduled      , none           , IsPhase<Phase::scheduled> >,
    Row < Restoring      , Restore       , Active         , none           , IsPhase<Phase::active> >,
    Row < Restoring      , Restore       , ChangeScheduled, none           , IsPhase<Phase::change_scheduled> >,
    //  +----------------+---------------+----------------+----------------+------------------------+
    Row < Normal         , Issue         , Scheduled      , Apply          , Allowed                >,
    Row < Normal         , DirectiveStart, Active         , Apply          , none                   >,
    //  +----------------+---------------+----------------+----------------+------------------------+
    Row < Scheduled      , Lift          , Normal         , CancelScheduled, none                   >,
    Row < Scheduled      , Extend        , Scheduled      , Apply          , Allowed                >,
    Row < Scheduled      , Upgrade       , Scheduled      , Revise         , Revises                >,
    Row < Scheduled      , StartDue      , Active         , Apply          , Leaves<true>           >,
    Row < Scheduled      , StartDue      , Normal         , Apply          , Leaves<false>          >,
    Row < Scheduled      , DirectiveStart, ChangeScheduled, Apply          , none                   >,
    //  +----------------+---------------+----------------+----------------+------------------------+
    Row < Active         , Issue         , ChangeScheduled, Apply          , Allowed                >,
    Row < Active         , Upgrade       , ChangeScheduled, Apply          , Allowed                >,
    Row < Active         , Downgrade     , ChangeScheduled, Apply          , Allowed                >,
    Row < Active         , Lift          , ChangeScheduled, Apply          , Allowed                >,
    Row < Active         , Extend        , Active         , Apply          , Allowed                >,
    Row < Active         , EndDue        , Active         , Apply          , Leaves<true>           >,
    Row < Active         , EndDue        , Normal         , Apply          , Leaves<false>          >,
    Row < Active         , DirectiveStart, Active         , Apply          , none                   >,
    Row < Active         , DirectiveEnd  , Active         , Apply          , Leaves<true>           >,
    Row < Active         , DirectiveEnd  , Normal         , Apply          , Leaves<false>          >,
    //  +----------------+---------------+----------------+----------------+------------------------+
    Row < ChangeScheduled, StartDue      , Active         , Apply          , Leaves<true>           >,
    Row < ChangeScheduled, StartDue      , Normal         , Apply          , Leaves<false>          >,
    Row < ChangeScheduled, Extend        , ChangeScheduled, Apply          , Allowed                >,
    Row < ChangeScheduled, Upgrade       , ChangeScheduled, Revise         , Revises                >,
    Row < ChangeScheduled, EndDue        , Active         , Apply          , Leaves<true>           >,
    Row < ChangeScheduled, EndDue        , Normal         , Apply          , Leaves<false>          >,
    Row < ChangeScheduled, DirectiveStart, ChangeScheduled, Apply          , none                   >,
    Row < ChangeScheduled, DirectiveEnd  , ChangeScheduled, Apply          , Leaves<true>           >,
    Row < ChangeScheduled, DirectiveEnd  , Scheduled      , Apply          , Leaves<false>          >
    //  +----------------+---------------+----------------+----------------+------------------------+
    > {};
    // clang-format on

    /// No row matched (or every guard said no): record the refusal; never assert.
    template <class Fsm, class Event>
    void no_transition(Event const& e, Fsm&, int) {
        refuse_in_state(Action{e});
    }
    template <class Fsm>
    void no_transition(Restore const&, Fsm&, int) {}
};

using WarningMachine = msm::back::state_machine<WarningMachineDef>;

}  // namespace hazeguard::engine::detail
