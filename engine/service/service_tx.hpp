#pragma once
// PRIVATE to engine/service: what one command's transaction carries.
#include <SQLiteCpp/Database.h>

#include "engine/time/timestamp.hpp"

namespace hazeguard::service {

struct Service::Tx {
    SQLite::Database& db;
    engine::Instant real_now;   ///< wall clock, for bookkeeping columns
    engine::Instant now;        ///< the service clock (simulated in drills): what the plan's rules see
};

/// @brief SQLite result codes no retry by the client can fix until an operator acts: disk full, I/O
/// errors, a read-only, vanished or damaged file.
bool is_storage_failure(int code);

}  // namespace hazeguard::service
