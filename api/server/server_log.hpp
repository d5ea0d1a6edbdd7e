#pragma once
/// @file server_log.hpp
/// @brief The server's log: one JSON object per line on stderr (ts, level, component "http",
/// msg, extra members), written whole so lines from I/O threads never interleave; and the access
/// log, one line per answered request (component "access"). Beast-free.

#include <string>

#include <nlohmann/json.hpp>

#include "api/server/http_server.hpp"

namespace hazeguard::api {

void log_line(std::string const& level, std::string const& msg, nlohmann::ordered_json extra = {});

/// @brief The access log line of one exchange: request id, method, route template (the raw path
/// only when no route matched), status, body bytes, duration and principal name — never a token
/// or a query string, which may carry personal data.
void log_access(Exchange const& exchange);
/// @brief The line log_access() writes (newline included): the same members, in the same order
/// and the same JSON text as log_line's objects.
std::string access_log_line(Exchange const& exchange);

}  // namespace hazeguard::api
