#pragma once
/// @file transactions.hpp
/// @brief Port: how the services reach storage. A write job runs in a durable transaction and
/// learns its outcome only once that is on disk; a read runs on a consistent snapshot. SQLite
/// implements it with a group commit (engine/storage/sqlite/sqlite_transactions.*): many jobs, one
/// transaction and one fsync, each job in its own SAVEPOINT. A server database maps the same
/// contract onto one transaction per group (or per job) on a pooled connection, with SAVEPOINTs,
/// which PostgreSQL has too; nothing here needs more than BEGIN/SAVEPOINT/COMMIT.

#include <exception>
#include <functional>

#include "engine/ports/store.hpp"

namespace hazeguard::ports {

class Transactions {
public:
    virtual ~Transactions() = default;
    /// @brief Null when the job's changes are on disk; else why not. Storage that refuses
    /// (busy, full, I/O error) is reported as a service::Error (storage_busy, storage_unavailable).
    using Done = std::function<void(std::exception_ptr error)>;
    /// @brief Queues `job` and returns at once; `done` is called once, after the commit. If the
    /// job throws, only its own changes are undone.
    virtual void write_async(std::function<void(Store&)> job, Done done) = 0;
    /// @brief write_async() and wait; rethrows the job's error. Inside a job: runs inline.
    virtual void write(std::function<void(Store&)> const& job) = 0;
    /// @brief Runs `query` on a snapshot (never waits for a write in progress).
    virtual void read(std::function<void(Store&)> const& query) = 0;
    /// @brief Runs a long `query` (a report) in one read transaction of its own: no other read
    /// waits for it, and it sees one snapshot throughout. By default, as read().
    virtual void read_alone(std::function<void(Store&)> const& query) { read(query); }
};

}  // namespace hazeguard::ports
