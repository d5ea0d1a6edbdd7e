#pragma once
// PRIVATE to engine/service: what one command's transaction carries for the parts of Service that
// still run their own SQL (issue #9 moves them behind ports, as orders and forecasts are).
#include <SQLiteCpp/Database.h>

#include "engine/storage/sqlite/sqlite_transactions.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::service {

struct Service::Tx {
    SQLite::Database& db;
    engine::Instant real_now;   ///< wall clock, for bookkeeping columns
    engine::Instant now;        ///< the service clock (simulated in drills): what the plan's rules see
    ports::Store& store;
};

using storage::is_storage_failure;

}  // namespace hazeguard::service
