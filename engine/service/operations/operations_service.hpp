#pragma once
/// @file operations_service.hpp
/// @brief What an operator's tools read of the service: readiness (/readyz), the gauges behind
/// /metrics, and the timeline's head (logged at start and stop).

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "engine/ports/transactions.hpp"
#include "engine/service/command_runner.hpp"

namespace hazeguard::service {

/// @brief What the metrics read of the service at scrape time.
struct OperationalSnapshot {
    std::int64_t timers_pending = 0;
    std::map<std::string, std::int64_t> orders_by_status;  ///< sent, acknowledged, executed
};

class OperationsService {
public:
    /// @param runner and @param transactions must outlive the service.
    OperationsService(CommandRunner& runner, ports::Transactions& transactions)
        : runner_(runner), transactions_(transactions) {}

    /// @brief Schema in place and storage accepting writes.
    bool ready();
    /// @brief False from a write that failed in storage (disk full, I/O error) until one succeeds.
    bool storage_writable() const { return runner_.storage_writable(); }
    /// @brief Pending timers, and the open episode's latest batch by status (from the running
    /// tallies: a few hundred rows, never the orders).
    OperationalSnapshot snapshot();
    /// @brief The timeline's row count and head hash once every write submitted so far is on disk
    /// (`hazeguard audit verify --expect-head`).
    std::pair<std::int64_t, std::string> timeline_head();

private:
    CommandRunner& runner_;
    ports::Transactions& transactions_;
};

}  // namespace hazeguard::service
