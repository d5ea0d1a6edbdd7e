#pragma once
/// @file server_log.hpp
/// @brief The server's log: one JSON object per line on stderr (ts, level, component "http",
/// msg, extra members), written whole so lines from I/O threads never interleave. Beast-free.

#include <string>

#include <nlohmann/json.hpp>

namespace hazeguard::api {

void log_line(std::string const& level, std::string const& msg, nlohmann::ordered_json extra = {});

}  // namespace hazeguard::api
