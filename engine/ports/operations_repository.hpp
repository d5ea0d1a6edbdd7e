#pragma once
/// @file operations_repository.hpp
/// @brief Port: what an operator's tools read of storage — schema readiness, the gauges behind
/// /metrics, the timeline's head.

#include <cstdint>
#include <string>
#include <utility>

namespace hazeguard::ports {

/// @brief The orders of the open episode's latest batch, from the running tallies.
struct OpenBatchTally {
    std::int64_t total = 0, acknowledged = 0, executed = 0;
};

class OperationsRepository {
public:
    virtual ~OperationsRepository() = default;
    /// @brief The schema is the one this build expects.
    virtual bool schema_current() = 0;
    /// @brief Timers neither fired nor cancelled.
    virtual std::int64_t timers_pending() = 0;
    /// @brief Zeros when no episode is open or it has no batch.
    virtual OpenBatchTally open_batch_tally() = 0;
    /// @brief The timeline's row count and the last row's hash.
    virtual std::pair<std::int64_t, std::string> timeline_head() = 0;
};

}  // namespace hazeguard::ports
