#pragma once
/// @file principal.hpp
/// @brief Who is calling: resolved from a bearer token (stored hashed).

#include <string>

namespace hazeguard::service {

/// @brief Roles (issue #2): duty_officer, approver, enterprise, department, auditor, admin.
struct Principal {
    std::string name;
    std::string role;
    std::string authority;      ///< approvers: a plan authority id ("deputy_mayor", "mayor")
    std::string enterprise_id;  ///< enterprises: the one enterprise the token is bound to
};

/// @brief True for the six roles hazeguard knows.
bool is_known_role(std::string const& role);

}  // namespace hazeguard::service
