#pragma once
/// @file problem_response.hpp
/// @brief RFC 9457 problem+json responses.

#include <string>

#include "api/http/message.hpp"
#include "api/app/problem.hpp"

namespace hazeguard::api {

/// @brief A problem+json response carrying `request_id` and, for validation, `errors[]`.
Response problem_response(Problem const& p, std::string const& request_id, std::string const& instance);

/// @brief A JSON response.
Response json_response(int status, nlohmann::json const& body);

}  // namespace hazeguard::api
