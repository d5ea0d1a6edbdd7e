#pragma once
/// @file order_status.hpp
/// @brief How one order (not a termination notice) fared against its deadlines.

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/report/evaluation_input.hpp"

namespace hazeguard::engine::report::detail {

enum class AckStatus {
    on_time,     ///< acknowledged at or before ack_due_at (or the order had no deadline)
    late,        ///< acknowledged after ack_due_at
    never,       ///< not acknowledged, and not replaced by a later batch by ack_due_at
    superseded,  ///< not acknowledged, replaced at or before ack_due_at (or with no deadline)
};

enum class ExecutionStatus {
    on_time,     ///< execution reported at or before execution_due_at (or no deadline)
    late,        ///< reported after execution_due_at
    missing,     ///< not reported, and not replaced by execution_due_at
    superseded,  ///< not reported, replaced at or before execution_due_at (or with no deadline)
};

AckStatus ack_status(OrderRecord const& order);
ExecutionStatus execution_status(OrderRecord const& order);

/// @brief "on_time", "late", "never", "superseded".
std::string_view name(AckStatus status);
/// @brief "on_time", "late", "missing", "superseded".
std::string_view name(ExecutionStatus status);

/// @brief Whole minutes from issue to acknowledgement, rounded up ("acknowledged within N
/// minutes"), never below 0; nullopt when not acknowledged.
std::optional<std::int64_t> ack_minutes(OrderRecord const& order);

}  // namespace hazeguard::engine::report::detail
