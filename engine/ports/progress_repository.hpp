#pragma once
/// @file progress_repository.hpp
/// @brief Port: the order batches (one per fan-out) of an episode and the running tallies
/// (order_counts) and escalations that show how far their orders have got, without reading the
/// orders themselves.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

/// @brief One batch as stored.
struct BatchRecord {
    std::int64_t id = 0;
    std::string kind;                          ///< "order" or "termination"
    std::optional<std::string> level, previous_level;   ///< plan level ids
    std::string cause;                         ///< a Ref: "proposal:3", "directive:1", ...
    engine::Instant issued_at = 0, effective_from = 0;
    std::optional<engine::Instant> ack_due_at, execution_due_at;
    std::int64_t count = 0, terminations = 0;
    std::array<double, 4> planned{};           ///< t/day of SO2, NOx, PM, VOCs
    std::int64_t list_version = 0;
};

/// @brief A running tally of one batch for one district × industry × grade × kind.
struct OrderCount {
    std::string district, industry, grade;
    bool termination = false;
    std::int64_t total = 0, acknowledged = 0, executed = 0, acknowledged_late = 0;
};

/// @brief A district's overdue orders escalated (督办).
struct Escalation {
    std::string district, kind;
    std::int64_t count = 0;
    engine::Instant at = 0;
};

class ProgressRepository {
public:
    virtual ~ProgressRepository() = default;
    /// @brief The episode's batches, oldest first.
    virtual std::vector<BatchRecord> batches(std::int64_t episode) = 0;
    virtual std::vector<OrderCount> counts(std::int64_t batch) = 0;
    /// @brief The batch's escalations in the order they were made.
    virtual std::vector<Escalation> escalations(std::int64_t batch) = 0;
    /// @brief How many of the batch's orders reached their plant through a channel: a text
    /// message with a delivery receipt, or a webhook answered 2xx; a running count, kept by
    /// OrderRepository::mark_reached.
    virtual std::int64_t reached(std::int64_t batch) = 0;
};

}  // namespace hazeguard::ports
