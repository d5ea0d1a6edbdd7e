#pragma once
/// @file never_acknowledged.hpp
/// @brief The orders never acknowledged (docs/report-format.md, `orders`), in the report's order —
/// batch id, credit code, order id — as rows: the report lists the first ones, the paged list
/// (never_acknowledged_page) all of them.

#include <cstddef>
#include <vector>

#include "engine/report/detail/report_context.hpp"

namespace hazeguard::engine::report::detail {

/// @brief Puts the first `count` orders of `orders` in the report's order (the rest in no order).
void order_never_acknowledged(std::vector<OrderRecord const*>& orders, std::size_t count);

/// @brief Rows [from, from + count) of `orders` (already in order), as the report writes them.
json never_acknowledged_rows(ReportContext const& ctx, std::vector<OrderRecord const*> const& orders,
                             std::size_t from, std::size_t count);

}  // namespace hazeguard::engine::report::detail
