#pragma once
/// @file list_json.hpp
/// @brief The list's JSON views: the current version with its per-level planned cuts and its
/// make-up, and a plant's entry.

#include <nlohmann/json.hpp>

#include "engine/service/lists/lists_service.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::api {

/// @brief {"version", "imported_at", …, "levels": {level: reduction summary}, "by_district",
/// "by_grade", "by_industry"}.
nlohmann::json list_json(service::ViewContext const& views, service::ListSheet const& list);
/// @brief The entry as on the list, with "list_version".
nlohmann::json enterprise_entry_json(service::EnterpriseEntry const& e);

}  // namespace hazeguard::api
