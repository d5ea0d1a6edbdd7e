#pragma once
/// @file order_document.hpp
/// @brief An order (一厂一策) or its termination / cancellation as a document page
/// (document_page.hpp): numbered measures, "须" for what is mandatory, the pollutants in Chinese
/// in a fixed order, times as officials write them, the notice it follows by its number.

#include <nlohmann/json.hpp>

#include "engine/service/orders/order_sheet.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

/// @brief The page of `order` (its text_cn and link are not read).
nlohmann::json order_page(ViewContext const& views, OrderSheet const& order);

}  // namespace hazeguard::service
