#pragma once
/// @file episodes_service.hpp
/// @brief What the duty room reads of the warning: its status now (level, why, what is scheduled,
/// pending proposals, the next timers) and the pollution episodes with their timelines.

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/ports/transactions.hpp"
#include "engine/service/clock.hpp"
#include "engine/workflow/warning_state.hpp"

namespace hazeguard::service {

/// @brief The warning now: its state, the batch a scheduled change already sent (if any), the
/// number of pending proposals and the next 20 timers.
struct WarningStatus {
    engine::Instant now = 0;
    engine::WarningState state;
    std::optional<ports::AdvanceBatch> scheduled_batch;
    std::int64_t pending_proposals = 0;
    std::vector<ports::TimerRecord> next;
};

/// @brief One episode with its whole timeline (each row's detail as stored JSON text).
struct EpisodeSheet {
    ports::EpisodeRecord episode;
    std::vector<engine::TimelineRecord> timeline;
};

class EpisodesService {
public:
    EpisodesService(ports::Transactions& transactions, Clock const& clock)
        : transactions_(transactions), clock_(clock) {}

    WarningStatus status();
    /// @brief The newest 200 episodes.
    std::vector<ports::EpisodeRecord> episodes();
    /// @brief Error not_found for an unknown episode.
    EpisodeSheet episode(std::int64_t id);

private:
    ports::Transactions& transactions_;
    Clock const& clock_;
};

}  // namespace hazeguard::service
