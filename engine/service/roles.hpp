#pragma once
/// @file roles.hpp
/// @brief Role checks: 403 problem+json naming the role that was needed.

#include <initializer_list>
#include <string>

#include "engine/service/principal.hpp"
#include "engine/service/problem.hpp"

namespace hazeguard::service {

inline void require_role(Principal const& p, std::initializer_list<char const*> roles) {
    std::string list;
    for (auto const* r : roles) {
        if (p.role == r) return;
        list += (list.empty() ? "" : " or ") + std::string(r);
    }
    forbidden("/problems/forbidden-role", "role '" + p.role + "' may not do this; it needs " + list);
}

}  // namespace hazeguard::service
