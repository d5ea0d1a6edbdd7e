#pragma once
/// @file console_warning_routes.hpp
/// @brief The duty room's warning pages (docs/console.md): the consultation forecast form and its
/// assessment, proposals, the approver's inbox with 签发 and 退回, the notice as printed.

#include <vector>

#include "api/app/route_table.hpp"

namespace hazeguard::api {

std::vector<Route<RouteSpec>> console_warning_routes(service::Service& s);

}  // namespace hazeguard::api
