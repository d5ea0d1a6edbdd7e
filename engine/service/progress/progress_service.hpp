#pragma once
/// @file progress_service.hpp
/// @brief Progress of an episode's orders for officials: every batch, and for the current one the
/// counts by status × district × industry × grade (from the running tallies, never the orders),
/// the overdue orders and the escalations.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/ports/transactions.hpp"
#include "engine/service/clock.hpp"

namespace hazeguard::service {

/// @brief Orders of a batch by status: sent (not acknowledged), acknowledged (not executed),
/// executed, and those overdue for their acknowledgement or execution report.
struct ProgressTally {
    std::int64_t total = 0, sent = 0, acknowledged = 0, executed = 0, ack_overdue = 0, execution_overdue = 0,
                 acknowledged_late = 0;
};

/// @brief An episode's batches (oldest first) and, when it has any, the last one's tallies.
struct EpisodeProgress {
    std::int64_t episode = 0;
    engine::Instant now = 0;
    std::vector<ports::BatchRecord> batches;
    ProgressTally counts;
    std::map<std::string, ProgressTally> by_district, by_industry, by_grade;
    std::int64_t reached = 0;   ///< orders of the current batch a channel has delivered
    std::vector<ports::Escalation> escalations;
};

class ProgressService {
public:
    /// @param transactions and @param clock must outlive the service.
    ProgressService(ports::Transactions& transactions, Clock const& clock)
        : transactions_(transactions), clock_(clock) {}

    /// @brief GET /v1/episodes/{id}/progress; Error not_found for an unknown episode.
    EpisodeProgress episode_progress(std::int64_t episode);

private:
    ports::Transactions& transactions_;
    Clock const& clock_;
};

}  // namespace hazeguard::service
