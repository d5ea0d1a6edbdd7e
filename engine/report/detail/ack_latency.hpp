#pragma once
/// @file ack_latency.hpp
/// @brief Acknowledgement latency in whole minutes: percentiles and cumulative curves.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/report/detail/report_context.hpp"

namespace hazeguard::engine::report::detail {

/// @brief Most points one batch's curve carries.
inline constexpr std::size_t kMaxCurvePoints = 200;

/// @brief {"count", "p50", "p90", "p99", "max"}: nearest-rank percentiles (the value at rank
/// ⌈p/100 · count⌉ of the sorted latencies); null members when `minutes` is empty.
json latency_summary(std::vector<std::int64_t> minutes);

/// @brief Cumulative acknowledgements of one batch: a point at minute 0, then one at each
/// distinct latency, {"minutes", "acknowledged", "share" = acknowledged / orders}. Beyond
/// kMaxCurvePoints points it keeps the points at indexes ⌊k · (n − 1) / (kMaxCurvePoints − 1)⌋,
/// k = 0 … kMaxCurvePoints − 1: evenly spaced, first and last included.
json ack_curve_points(std::vector<std::int64_t> minutes, std::int64_t orders);

}  // namespace hazeguard::engine::report::detail
