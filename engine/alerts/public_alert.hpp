#pragma once
/// @file public_alert.hpp
/// @brief What the public is told after a change of the warning, as the data of an OASIS CAP 1.2
/// alert (docs/cap.md). Pure: from the plan, the machine's state before and after the change and
/// the alerts already published, it decides the message type, what it references and the periods
/// it announces. It never reads a clock or storage.

#include <optional>
#include <string>
#include <vector>

#include "engine/time/timestamp.hpp"
#include "engine/workflow/warning_state.hpp"
#include "plans/plan.hpp"

namespace hazeguard::engine {

/// @brief An alert already published: a later one of the same warning references it while it has
/// not expired.
struct PublishedAlert {
    std::string identifier;
    Instant sent = 0;
    std::optional<Instant> expires;  ///< empty: until further notice
    bool closes = false;             ///< it ended its warning (AllClear or Cancel)
};

enum class CapMsgType { alert, update, cancel };
std::string cap_msg_type_name(CapMsgType t);  ///< "Alert", "Update", "Cancel"

/// @brief One level over one period: one CAP info block per language.
struct AlertPeriod {
    int level = 0;                   ///< plan rank
    Instant onset = 0;
    std::optional<Instant> expires;  ///< empty: until further notice
};

/// @brief The next alert to publish.
struct PublicAlert {
    CapMsgType type = CapMsgType::alert;
    std::string action;                  ///< the change: issue, upgrade, downgrade, extend, lift, directive_start, directive_end
    std::vector<PublishedAlert> references;
    std::vector<AlertPeriod> periods;    ///< in force and scheduled, by onset; empty for a Cancel
    /// the last alert of its warning: a lift in effect (an Update with responseType AllClear) or
    /// the withdrawal of a warning that never started (a Cancel)
    bool closes = false;
    /// with `closes`: the level that ended (AllClear) or was withdrawn (Cancel), if published
    std::optional<int> ended_level;
};

/// @brief The alert that tells the public about an accepted change, or nullopt when the plan
/// publishes nothing for it (no public_alert settings, or only unpublished levels involved and
/// nothing published before).
/// @param last_warning the alerts of the most recently published warning, oldest first. That
/// warning is still public while its newest alert neither closed it nor expired; otherwise (or when
/// empty) the next alert starts a new warning.
std::optional<PublicAlert> next_public_alert(plans::Plan const& plan, WarningState const& before,
                                             WarningState const& after, std::string const& action,
                                             std::vector<PublishedAlert> const& last_warning, Instant now);

/// @brief The GB/T 35965.1 identifier: issuer code, "_", the local sending time as
/// YYYYMMDDhhmmss, "_", and `n` (the number of alerts already sent in the same second).
std::string cap_identifier(std::string const& issuer_code, Instant sent, int offset_minutes, int n);

}  // namespace hazeguard::engine
