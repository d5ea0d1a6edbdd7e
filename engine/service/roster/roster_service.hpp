#pragma once
/// @file roster_service.hpp
/// @brief The roster of notice recipients (docs/roster-format.md): imported by an admin as a new
/// version (the newest is in force), read by anyone on the staff, and read by the delivery in the
/// transaction of each notice and escalation.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/ports/transactions.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/view_context.hpp"
#include "plans/roster.hpp"

namespace hazeguard::service {

class RosterService {
public:
    RosterService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views)
        : runner_(runner), transactions_(transactions), views_(views) {}

    /// @brief The roster document, checked against the plan's districts (every fault with its
    /// pointer); 201 with the new version, or 200 with `unchanged: true` when it is the roster in
    /// force already.
    void import(Command const& c, nlohmann::json const& body, std::string const& source, Completion done);
    /// @brief The roster in force with its version; not_found before the first import.
    nlohmann::json current();
    bool has_roster();

    /// @brief The roster in force in a transaction or snapshot, if one was imported.
    static std::optional<plans::Roster> in_force(ports::Store& store, plans::Plan const& plan);

private:
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
};

}  // namespace hazeguard::service
