#pragma once
/// @file batch_repository.hpp
/// @brief Port: order batches — every level change fans out one order per plant in one batch
/// (set-wise: 100,000 plants in one statement, never a row at a time), with running tallies per
/// district × industry × grade, deadlines, reminders and escalations.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct NewBatch {
    std::int64_t episode = 0, list_version = 0;
    std::optional<std::string> level, previous_level;   ///< no level: a lift (terminations only)
    std::string cause;
    engine::Instant at = 0;         ///< effective from
    engine::Instant issued_at = 0;  ///< sent: `at`, or earlier for a change signed ahead of its start
};

/// @brief What a batch holds once issued.
struct BatchTotals {
    std::int64_t orders = 0, terminations = 0;
    std::array<double, 4> reductions{};   ///< t/day: SO2, NOx, PM, VOCs
};

/// @brief A batch just written, with what it holds.
struct IssuedBatch {
    std::int64_t id = 0;
    BatchTotals totals;
};

/// @brief A batch issued ahead of its change's start (advance notice).
struct AdvanceBatch {
    std::int64_t id = 0, episode = 0, list_version = 0;
    std::optional<std::string> level;
    engine::Instant effective_from = 0;
    bool latest = false;   ///< still its episode's latest batch
};

/// @brief A plant whose order is overdue, as its district is told of it.
struct OverduePlant {
    std::int64_t order_id = 0;
    std::string credit_code, name;
};

/// @brief A batch as its deadlines see it.
struct BatchState {
    std::int64_t episode = 0, list_version = 0;
    bool latest = false;   ///< the episode's latest batch
};

class BatchRepository {
public:
    virtual ~BatchRepository() = default;
    /// @brief The list version the episode works with, if it has one.
    virtual std::optional<std::int64_t> episode_list_version(std::int64_t episode) = 0;
    /// @brief Creates the batch and its rows, as the order lifecycle's entry_in_new_batch() says:
    /// an order for every plant the level asks something of (superseding its previous row), a
    /// termination for every plant whose order ends, and the batch's tallies. `plan_version` selects
    /// the per-level rows. Returns the batch and what it holds (its orders' daily reductions at the
    /// batch's level).
    virtual IssuedBatch issue(NewBatch const& batch, std::string const& plan_version) = 0;
    /// @brief Stores the totals and the deadlines (none where nobody has anything to do).
    virtual void close(std::int64_t batch, BatchTotals const& totals, std::optional<engine::Instant> ack_due,
                       std::optional<engine::Instant> execution_due) = 0;
    virtual std::optional<BatchState> state(std::int64_t batch) = 0;
    /// @brief What caused the batch ("proposal:3", "directive:1"), if the batch exists.
    virtual std::optional<std::string> cause(std::int64_t batch) = 0;
    /// @brief The newest batch of `cause` issued before its effective time, if any.
    virtual std::optional<AdvanceBatch> advance(std::string const& cause) = 0;
    /// @brief Marks the unacknowledged orders reminded; returns how many.
    virtual std::int64_t remind(std::int64_t batch, engine::Instant at) = 0;
    /// @brief Records an escalation per district of the orders not acknowledged (`ack`) or not
    /// executed; returns the counts by district (empty: nothing to escalate).
    virtual std::map<std::string, std::int64_t> escalate(std::int64_t batch, bool ack, engine::Instant at) = 0;
    /// @brief The first `limit` plants of `district` (by order id) whose order of `batch` is not
    /// acknowledged (`ack`) or not executed.
    virtual std::vector<OverduePlant> overdue_plants(std::int64_t batch, std::string const& district, bool ack,
                                                     int limit) = 0;
};

}  // namespace hazeguard::ports
