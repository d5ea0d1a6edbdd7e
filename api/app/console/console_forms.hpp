#pragma once
/// @file console_forms.hpp
/// @brief What the console's forms that change something share: the command of a posted form
/// (its hidden `idem` field is the Idempotency-Key, so a form sent twice — a double click, a
/// reload — does its work once), times typed into datetime-local fields, and the services'
/// refusals and field errors in Chinese.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/app/exchange.hpp"
#include "api/app/route_table.hpp"
#include "engine/service/error.hpp"

namespace hazeguard::api {

using Form = std::map<std::string, std::string>;

/// @brief The value of `name` in `form`, "" when absent.
std::string form_field(Form const& form, std::string const& name);

/// @brief A new key for a form's hidden `idem` field: 32 random hex digits.
std::string new_form_key();

/// @brief The service command of a posted form: the session's principal, the form's `idem` as its
/// Idempotency-Key (none when absent or longer than 255), and the request's fingerprint.
service::Command form_command(Context const& c, Form const& form);

/// @brief "2026-12-15T00:00" (a datetime-local field) → "2026-12-15T00:00:00+08:00"; "" stays "";
/// anything else is returned as typed, for the service to refuse with its field.
std::string instant_of_local_input(std::string const& typed, std::string const& utc_offset);
/// @brief "2026-12-15T00:00:00+08:00" → "2026-12-15T00:00" for a datetime-local field.
std::string local_input_of(nlohmann::json const& rfc3339);

/// @brief A refused command as the console says it: a heading and a sentence (self-approval,
/// authority, the warning's state, the plan's rules, a decided proposal, …).
struct RefusalCn {
    int status;
    std::string heading;
    std::string text;
};
RefusalCn refusal_cn(service::Error const& e);

/// @brief Field errors keyed by the form's field names ("days.2.aqi_high", "start_at"), each
/// with a Chinese sentence, for the templates.
nlohmann::json field_errors_cn(std::vector<service::FieldError> const& errors);

/// @brief Any refusal as the Chinese error page (a page thrown as PageAnswer as it is; an
/// unexpected error logged by the Responder and answered 500).
Response refusal_page(Responder const& respond, std::exception_ptr error);

/// @brief A console route's handler: whatever `f` throws is answered as refusal_page().
RouteHandler console_page(RouteHandler f);

/// @brief A printable document (notice, order, evaluation report) as the API serves it, with a
/// policy that lets its own inline print style through and runs no script at all.
Response document_response(std::string html);

/// @brief The datetime-local value of the local midnight after `rfc3339`'s day ("2026-12-15T00:00").
std::string next_midnight_input(nlohmann::json const& rfc3339);

}  // namespace hazeguard::api
