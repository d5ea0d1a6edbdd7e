#pragma once
/// @file list_json.hpp
/// @brief The list's JSON views: an import's answer, the current version with its per-level
/// planned cuts and its make-up, and a plant's entry.

#include <vector>

#include <nlohmann/json.hpp>

#include "engine/service/lists/lists_service.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::api {

/// @brief {"version", "imported_at", …, "levels": {level: reduction summary}, "by_district",
/// "by_grade", "by_industry"}.
nlohmann::json list_json(service::ViewContext const& views, service::ListSheet const& list);
/// @brief An import's answer: a dry run's {"dry_run", "count", "sha256", "problems": [],
/// "warnings"}; else the version (with the list's "warnings" when it is new).
nlohmann::json list_import_json(service::ViewContext const& views, service::ListImport const& result);
/// @brief The import's answer as PUT /v1/enterprises gives it: 201 for a new version, 200 for
/// the current one (the same list again) and for a dry run.
service::Reply list_import_reply(service::ViewContext const& views, service::ListImport const& result);
/// @brief GET /v1/enterprises/versions: {"current": the newest version or null, "versions": [the
/// newest first]}.
nlohmann::json list_versions_json(service::ViewContext const& views, std::vector<ports::ListVersion> const& versions);
/// @brief GET /v1/enterprises/changes: {"from", "to" (the versions), "counts" (first page only),
/// "changes": [{"credit_code", "name", "change", "fields"}], "next" (the next page's path or null)}.
nlohmann::json list_changes_json(service::ViewContext const& views, service::ListChanges const& page, int limit);
/// @brief The entry as on the list, with "list_version".
nlohmann::json enterprise_entry_json(service::EnterpriseEntry const& e);

}  // namespace hazeguard::api
