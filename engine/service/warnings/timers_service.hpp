#pragma once
/// @file timers_service.hpp
/// @brief Fires the timers that are due (level starts and ends, directive starts and ends,
/// approval and order deadlines), each in its own transaction with the row that marks it fired:
/// after any restart, every due timer fires exactly once, recorded at its due instant.

#include "engine/ports/transactions.hpp"
#include "engine/service/clock.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/orders/order_issuer.hpp"
#include "engine/service/warnings/directives_service.hpp"
#include "engine/service/warnings/proposals_service.hpp"
#include "engine/service/warnings/warning_cycle.hpp"

namespace hazeguard::service {

class TimersService {
public:
    struct Parts {
        WarningCycle& cycle;
        DirectivesService& directives;
        ProposalsService& proposals;
        OrderIssuer& issuer;
    };
    TimersService(ports::Transactions& transactions, CommandRunner& runner, Clock const& clock,
                  std::string plan_version, Parts parts)
        : transactions_(transactions), runner_(runner), clock_(clock), plan_version_(std::move(plan_version)),
          parts_(parts) {}

    /// @brief Fires every timer due now; returns how many. A storage failure turns readiness off
    /// (the timer fires on a later try) and is rethrown.
    int fire_due();

private:
    bool fire_one(ports::Store& store, engine::Instant until);
    ports::Transactions& transactions_;
    CommandRunner& runner_;
    Clock const& clock_;
    std::string plan_version_;
    Parts parts_;
};

}  // namespace hazeguard::service
