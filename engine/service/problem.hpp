#pragma once
/// @file problem.hpp
/// @brief Expected failures of a command or query, shaped for RFC 9457 problem+json. Thrown by
/// the service layer and turned into a response by api/ (never crosses into engine/ or plans/).

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hazeguard::service {

/// @brief A field at fault: JSON pointer (RFC 6901) into the request body, and what is wrong.
struct FieldError {
    std::string pointer;
    std::string message;
};

struct Problem : std::runtime_error {
    Problem(int status_, std::string type_, std::string title_, std::string detail_,
            std::vector<FieldError> errors_ = {}, nlohmann::json extra_ = nlohmann::json::object())
        : std::runtime_error(detail_), status(status_), type(std::move(type_)), title(std::move(title_)),
          detail(std::move(detail_)), errors(std::move(errors_)), extra(std::move(extra_)) {}

    int status;
    std::string type;    ///< "/problems/<slug>", documented in docs/api.md
    std::string title;
    std::string detail;
    std::vector<FieldError> errors;
    nlohmann::json extra;   ///< extension members, e.g. {"state": "normal", "action": "lift"}
};

[[noreturn]] inline void not_found(std::string const& what) {
    throw Problem(404, "/problems/not-found", "Not found", what + " does not exist");
}

[[noreturn]] inline void forbidden(std::string type, std::string detail) {
    throw Problem(403, std::move(type), "Forbidden", std::move(detail));
}

}  // namespace hazeguard::service
