#pragma once
/// @file console_execution.hpp
/// @brief The plant's execution report form on its order page (after 签收): each line's status,
/// meter readings and a note — the body of POST /v1/orders/{id}/execution.

#include <nlohmann/json.hpp>

#include "api/app/console/console_forms.hpp"

namespace hazeguard::api {

/// @brief Meter rows on the form.
inline constexpr int kExecutionMeterRows = 3;

/// @brief The form's data for `order` (a link's view): its lines, the last report or what was
/// typed (`typed`), and `errors` (field_errors_cn of the body's pointers).
nlohmann::json execution_form_data(nlohmann::json const& order, Form const& typed, nlohmann::json const& errors);

/// @brief The report's body from the posted form.
nlohmann::json execution_body(Form const& form);

}  // namespace hazeguard::api
