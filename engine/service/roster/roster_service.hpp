#pragma once
/// @file roster_service.hpp
/// @brief The roster of notice recipients (docs/roster-format.md): imported by an admin as a new
/// version (the newest is in force), read by anyone on the staff, and read by the delivery in the
/// transaction of each notice and escalation.

#include <optional>
#include <string>

#include "engine/ports/roster_repository.hpp"
#include "engine/ports/transactions.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/view_context.hpp"
#include "plans/roster.hpp"

namespace hazeguard::service {

/// @brief A roster version with the roster it holds; `unchanged` when an import found it in force
/// already.
struct RosterSheet {
    ports::RosterVersion version;
    plans::Roster roster;
    bool unchanged = false;
};

class RosterService {
public:
    RosterService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views)
        : runner_(runner), transactions_(transactions), views_(views) {}

    /// @brief Stores a roster (read and checked against the plan's districts by its caller:
    /// plans::parse_roster) as a new version, unless it is the roster in force already (then that
    /// version, `unchanged`).
    void import(Command const& c, plans::Roster roster, std::string const& source, Answer<RosterSheet> answer);
    /// @brief The roster in force with its version; not_found before the first import.
    RosterSheet current();
    bool has_roster();

    /// @brief The roster in force in a transaction or snapshot, if one was imported.
    static std::optional<plans::Roster> in_force(ports::Store& store, plans::Plan const& plan);

private:
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
};

}  // namespace hazeguard::service
