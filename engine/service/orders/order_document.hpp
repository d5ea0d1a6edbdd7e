#pragma once
/// @file order_document.hpp
/// @brief An order (一厂一策) or its termination / cancellation as a document page
/// (document_page.hpp): numbered measures, "须" for what is mandatory, the pollutants in Chinese
/// in a fixed order, times as officials write them, the notice it follows by its number.

#include <nlohmann/json.hpp>

#include "engine/ports/order_repository.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

/// @param view the order's JSON view (order_view.hpp)
/// @param basis {number_cn (null for a 调度令), title_cn} of the document the order follows, or null
nlohmann::json order_page(ViewContext const& views, nlohmann::json const& view, nlohmann::json const& basis,
                          ports::OrderDetails const& details);

}  // namespace hazeguard::service
