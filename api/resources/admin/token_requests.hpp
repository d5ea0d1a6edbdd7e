#pragma once
/// @file token_requests.hpp
/// @brief POST /v1/tokens read into a typed request, every fault with its JSON pointer (422).

#include <nlohmann/json.hpp>

#include "engine/service/identity/identity_service.hpp"
#include "plans/plan.hpp"

namespace hazeguard::api {

/// @brief {"role", "name", "authority"?, "enterprise_id"?, "expires_in_days"?}: a principal the
/// plan allows (service::principal_problems) and a lifetime of 1 to kMaxTokenDays days.
service::TokenRequest read_token_request(nlohmann::json const& body, plans::Plan const& plan);

}  // namespace hazeguard::api
