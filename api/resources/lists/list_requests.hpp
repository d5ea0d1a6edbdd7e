#pragma once
/// @file list_requests.hpp
/// @brief The query of GET /v1/enterprises/changes, checked: every bad parameter is a 400
/// problem naming `/query/<name>`.

#include "api/app/route.hpp"
#include "engine/service/lists/list_history.hpp"

namespace hazeguard::api {

/// @brief ?from= and ?to= (list versions, required), ?after= (a credit code: the cursor, at most
/// 18 characters), ?limit= (1–1000, 100 when absent).
service::ListChangesQuery list_changes_query(RouteMatch const& m);

}  // namespace hazeguard::api
