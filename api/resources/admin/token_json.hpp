#pragma once
/// @file token_json.hpp
/// @brief The JSON view of bearer tokens (GET /v1/tokens): never the token, only a short prefix
/// of its hash; times in the plan's offset.

#include <vector>

#include <nlohmann/json.hpp>

#include "engine/service/identity/identity_service.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::api {

nlohmann::json token_json(service::ViewContext const& views, service::TokenSheet const& t);
/// @brief {"items": [token]}.
nlohmann::json tokens_json(service::ViewContext const& views, std::vector<service::TokenSheet> const& items);

}  // namespace hazeguard::api
