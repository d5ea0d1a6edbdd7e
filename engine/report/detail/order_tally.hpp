#pragma once
/// @file order_tally.hpp
/// @brief Counts of orders by outcome, for a batch, a district, an industry, a grade or in total.

#include <cstdint>

#include "engine/report/detail/report_context.hpp"

namespace hazeguard::engine::report::detail {

/// @brief Every member is a count of orders; termination notices only count in `terminations`.
struct OrderTally {
    std::int64_t orders = 0;
    std::int64_t terminations = 0;
    std::int64_t acknowledged_on_time = 0;
    std::int64_t acknowledged_late = 0;
    std::int64_t never_acknowledged = 0;
    std::int64_t superseded_unacknowledged = 0;
    std::int64_t executed_on_time = 0;
    std::int64_t executed_late = 0;
    std::int64_t execution_missing = 0;
    std::int64_t execution_superseded = 0;
    std::int64_t reminded = 0;
    std::int64_t escalated = 0;

    void add(OrderRecord const& order);
    /// @brief Writes every member into `out` (an object), under the member's name.
    void write(json& out) const;
};

}  // namespace hazeguard::engine::report::detail
