#pragma once
/// @file console_warning_data.hpp
/// @brief The data of the duty room's warning pages: the 7-day consultation form, a forecast's
/// assessment, the proposal form, a proposal with its signing forms, the approver's inbox.

#include <string>

#include <nlohmann/json.hpp>

#include "api/app/console/console_forms.hpp"
#include "engine/service/principal.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::api {

/// @brief Days on the consultation form.
inline constexpr int kForecastFormDays = 7;

/// @brief The consultation form: `typed` (what was posted) or defaults from today; `errors` as
/// field_errors_cn() makes them, keyed by the API body's fields ("days.2.aqi_high").
nlohmann::json forecast_form_data(service::Service& s, Form const& typed, nlohmann::json const& errors);

/// @brief POST /v1/forecasts's body from the form; `rows[i]` is the form row of body day i.
nlohmann::json forecast_body(service::Service& s, Form const& form, std::vector<int>& rows);
/// @brief Body errors ("days.1.aqi_high") renamed to the form's rows ("days.3.aqi_high").
nlohmann::json form_row_errors(nlohmann::json const& errors, std::vector<int> const& rows);

/// @brief A stored forecast (GET /v1/forecasts/{id}'s view) and its assessment, in words.
nlohmann::json assessment_data(nlohmann::json const& forecast);

/// @brief The proposal form: `values` holds action, level, start_at, end_at (datetime-local),
/// consultation_note and forecast_id.
nlohmann::json propose_form_data(service::Service& s, nlohmann::json const& values, nlohmann::json const& errors);
/// @brief What the form proposes after forecast `forecast`: the action and level its assessment calls for.
nlohmann::json proposal_defaults(service::Service& s, nlohmann::json const& forecast);
/// @brief POST /v1/proposals's body from the form.
nlohmann::json proposal_body(service::Service& s, Form const& form);
/// @brief The form's values as they were typed (to show them again with their errors).
nlohmann::json proposal_values(Form const& form);

/// @brief One proposal for `viewer`: the sign and return forms only for an approver who did not
/// propose it, while it is pending. `reject_errors` marks a return without a reason.
nlohmann::json proposal_page_data(service::Service& s, std::int64_t id, service::Principal const& viewer,
                                  nlohmann::json const& reject_errors = nlohmann::json::object());

/// @brief The inbox: pending proposals (each with its forms for `viewer`), then the latest decided.
nlohmann::json inbox_data(service::Service& s, service::Principal const& viewer);

}  // namespace hazeguard::api
