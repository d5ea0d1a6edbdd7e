#pragma once
/// @file order_json.hpp
/// @brief The JSON of the orders service's answers (docs/api.md "Orders"): an order with its
/// facts, deadlines, the plant, the measures (一厂一策), its messages and, when asked, its text.

#include <nlohmann/json.hpp>

#include "engine/service/orders/order_sheet.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::api {

nlohmann::json order_json(service::ViewContext const& views, service::OrderSheet const& order);
/// @brief The order a link opens, with where to acknowledge it and, when superseded, the
/// current order's link.
nlohmann::json linked_order_json(service::ViewContext const& views, service::LinkedOrder const& linked);
/// @brief The answer to an acknowledgement: the order's status and the acknowledgement on record.
nlohmann::json ack_json(service::ViewContext const& views, service::AckOutcome const& outcome);
nlohmann::json order_page_json(service::ViewContext const& views, service::OrderPage const& page);
nlohmann::json plant_orders_json(service::ViewContext const& views, service::PlantOrders const& orders);

}  // namespace hazeguard::api
