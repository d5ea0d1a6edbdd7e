#pragma once
/// @file open_service.hpp
/// @brief Opening a database file with the whole service on it, for a command-line tool that runs
/// commands (`hazeguard observations import`): the caller sees no SQLite type.

#include <memory>
#include <string>

#include "engine/service/service.hpp"

namespace hazeguard::storage {

/// @brief Opens (creating and migrating) the database at `path` and starts the service on it in
/// the mode the file was served in (drill or live; live for a new file). Throws
/// std::runtime_error with a readable message on failure.
std::unique_ptr<service::Service> open_service(std::string const& path, plans::Plan const& plan,
                                               std::string const& plan_json);

}  // namespace hazeguard::storage
