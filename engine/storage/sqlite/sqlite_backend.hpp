#pragma once
/// @file sqlite_backend.hpp
/// @brief The service's SQLite storage: the writer connection with its group committer, a reader
/// connection (WAL: readers never wait for the writer), and the ports over both. The composition
/// root (service::Service) sees only this class and the ports.

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "engine/ports/transactions.hpp"
#include "engine/time/timestamp.hpp"

namespace SQLite {
class Database;
}

namespace hazeguard::storage {

class GroupCommitter;
class SqliteTransactions;

/// @brief Where a drill's simulated clock stands: sim_start at real instant real_start, running
/// `speed` times as fast.
struct DrillAnchor {
    engine::Instant sim_start = 0;
    engine::Instant real_start = 0;
    double speed = 1.0;
};

/// @brief What a database records about the service that runs on it.
struct ServiceRecord {
    bool drill = false;
    DrillAnchor new_anchor;   ///< used when a drill database has none yet
    std::string plan_id, plan_version, plan_json;
};

class SqliteBackend {
public:
    /// @param db an opened, migrated database (storage::open_database)
    explicit SqliteBackend(std::unique_ptr<SQLite::Database> db);
    ~SqliteBackend();

    /// @brief In one transaction: refuses a live database served as a drill or the other way
    /// round (std::runtime_error), records the mode and the plan version, creates the machine's
    /// row; returns a drill's clock anchor (the stored one: a restarted drill resumes its clock).
    /// Then opens the reader connection and starts the group committer.
    std::optional<DrillAnchor> start(ServiceRecord const& record, engine::Instant real_now);

    ports::Transactions& transactions();
    /// @brief Every group commit: jobs in it, seconds BEGIN to COMMIT, whether it reached the disk.
    void observe_commits(std::function<void(std::size_t jobs, double seconds, bool committed)> observer);
    /// @brief Runs what is queued and stops the writer thread (before the services go).
    void stop();

private:
    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<SQLite::Database> reader_;   ///< none for :memory:
    std::mutex db_mutex_, reader_mutex_;
    std::unique_ptr<GroupCommitter> committer_;
    std::unique_ptr<SqliteTransactions> transactions_;
};

/// @brief The backend of the database at `path` (created and migrated if needed; open_database()).
std::unique_ptr<SqliteBackend> open_backend(std::string const& path);

}  // namespace hazeguard::storage
