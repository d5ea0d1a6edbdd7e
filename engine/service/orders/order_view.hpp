#pragma once
/// @file order_view.hpp
/// @brief The JSON of an order (docs/api.md "Orders"): its facts, deadlines, the plant, the
/// measures (一厂一策) and, on request, its Chinese text rendered from templates/orders/.

#include <optional>

#include <nlohmann/json.hpp>

#include "engine/ports/order_repository.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

/// @param basis the document the order follows ({number_cn, title_cn}: the notice or 调度令 that
/// changed the level), or null when there is none (a regional directive's start)
nlohmann::json order_view(ViewContext const& views, ports::OrderRecord const& order, ports::OrderDetails const& details,
                          std::optional<std::int64_t> superseded_by, bool with_text,
                          nlohmann::json const& basis = nullptr);

/// @brief The answer to an acknowledgement: the order's status and the acknowledgement on record.
nlohmann::json acknowledgement_answer(ViewContext const& views, ports::OrderRecord const& order,
                                      ports::Acknowledgement const& ack, std::optional<engine::Instant> due);

}  // namespace hazeguard::service
