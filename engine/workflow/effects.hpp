#pragma once
/// @file effects.hpp
/// @brief What an accepted event changed, as data. The service turns effects into timeline rows
/// and timers in the same transaction as the new machine state.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/time/timestamp.hpp"

namespace hazeguard::engine {

/// @brief An approved change now waits for `start_at`. Its orders go out at once (advance
/// notice), so it also says what its start will change if nothing else happens first.
struct ChangeScheduled {
    std::string action;
    std::optional<int> level;
    Instant start_at = 0;
    std::string cause;
    std::optional<int> in_force_now;    ///< the level in force at the signature
    std::optional<int> in_force_after;  ///< the level in force after the start (directives included)
    /// The episode the start acts in: the open one, or the one the start opens or continues;
    /// empty when the start would leave the level in force as it is.
    std::optional<int> episode;
};

/// @brief A scheduled change was dropped before it started.
struct ScheduleCancelled {
    std::string action;
    std::string cause;            ///< what cancelled it
    std::string scheduled_cause;  ///< the cancelled change's own cause (its proposal)
};

/// @brief The level in force changed (empty = no warning).
struct LevelChanged {
    std::optional<int> from;
    std::optional<int> to;
    Instant at = 0;
    std::string action;  ///< issue, upgrade, downgrade, lift, planned_end, directive_start, directive_end
    std::string cause;   ///< proposal id, directive id or "planned_end"
};

/// @brief The planned end changed (empty = open-ended).
struct PlannedEndChanged {
    std::optional<Instant> end_at;
    std::string cause;
};

struct EpisodeOpened {
    int episode = 0;
    Instant at = 0;
    bool reopened = false;  ///< a new warning within the merge window continues the last episode
};

struct EpisodeClosed {
    int episode = 0;
    Instant at = 0;
};

using Effect = std::variant<ChangeScheduled, ScheduleCancelled, LevelChanged, PlannedEndChanged, EpisodeOpened,
                            EpisodeClosed>;

}  // namespace hazeguard::engine
