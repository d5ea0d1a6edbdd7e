#pragma once
/// @file order_requests.hpp
/// @brief The orders' request bodies read and checked (every fault with its pointer, 422 at once).

#include <nlohmann/json.hpp>

#include "engine/service/orders/orders_service.hpp"

namespace hazeguard::api {

/// @brief {by, phone, note}: who acknowledges, a phone of 7 to 20 digits, an optional note.
service::AckRequest read_acknowledgement(nlohmann::json const& body);

/// @brief {lines: [{line_id, status, note}], electricity: [{meter, kwh, at}], note}.
service::ExecutionReport read_execution_report(nlohmann::json const& body);

}  // namespace hazeguard::api
