#pragma once
/// @file problem.hpp
/// @brief An RFC 9457 problem as api/ answers it, and the one table that turns a service::Error
/// into one (status, type, title; the catalogue is docs/api.md).

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/service/error.hpp"

namespace hazeguard::api {

using service::FieldError;

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

/// @brief The problem that answers a refusal of the services.
Problem problem_of(service::Error const& e);

}  // namespace hazeguard::api
