#pragma once
/// @file warning_state.hpp
/// @brief The data the warning machine keeps: what is in force, what is scheduled, which
/// episode is open. Persisted as JSON (engine/workflow/warning_json.*), never as MSM state ids.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/time/timestamp.hpp"

namespace hazeguard::engine {

/// @brief The machine's states. `scheduled`: nothing in force, an approved issue waits for its
/// start; `change_scheduled`: a warning is in force and an approved change waits for its start.
enum class Phase { normal, scheduled, active, change_scheduled };

std::string_view phase_name(Phase p);
std::optional<Phase> phase_from_name(std::string_view name);

/// @brief An approved action waiting for its start time.
struct ScheduledChange {
    std::string action;               ///< "issue", "upgrade", "downgrade" or "lift"
    std::optional<int> level;         ///< target rank; empty for a lift
    Instant start_at = 0;
    bool sets_end = false;            ///< true when the action states the end (or open-endedness)
    std::optional<Instant> end_at;    ///< with sets_end: the planned end, empty = open-ended
    std::string cause;                ///< proposal id
};

/// @brief A regional directive in force: the level cannot go below `level` while it lasts.
struct DirectiveFloor {
    std::string id;
    int level = 0;
};

/// @brief Everything the machine knows. Levels are plan ranks (index into Plan::levels).
struct WarningState {
    Phase phase = Phase::normal;
    std::optional<int> local_level;          ///< set by local (approved) actions
    std::vector<DirectiveFloor> directives;  ///< regional directives in force
    std::optional<int> level;                ///< effective level in force = max(local, directives)
    std::optional<Instant> level_since;
    std::optional<Instant> planned_end;      ///< empty while in force = open-ended
    std::optional<ScheduledChange> scheduled;
    int episodes_opened = 0;                 ///< episode numbers are 1, 2, ...
    std::optional<int> episode;              ///< the open episode
    std::optional<int> last_episode;         ///< the most recently closed episode
    std::optional<Instant> last_episode_end;

    /// @brief The highest level among the directives in force, if any.
    std::optional<int> directive_floor() const;
    /// @brief max(local_level, directive_floor()).
    std::optional<int> effective_level() const;
};

}  // namespace hazeguard::engine
