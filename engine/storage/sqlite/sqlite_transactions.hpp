#pragma once
/// @file sqlite_transactions.hpp
/// @brief ports::Transactions over SQLite: writes through the group committer on the writer
/// connection, reads on the reader connection (WAL: a reader never waits for the writer). SQLite's
/// errors leave here as service::Error where a client can act on them (busy, storage failure).

#include <exception>
#include <mutex>
#include <string>

#include "engine/ports/transactions.hpp"
#include "engine/storage/group_commit.hpp"
#include "engine/storage/sqlite/sqlite_store.hpp"

namespace hazeguard::storage {

/// @brief SQLite result codes no retry by the client can fix until an operator acts: disk full, I/O
/// errors, a read-only, vanished or damaged file.
bool is_storage_failure(int code);

/// @brief An SQLite::Exception a client can act on as a service::Error (storage_busy,
/// storage_unavailable); any other error as it is.
std::exception_ptr translate_storage_error(std::exception_ptr error);

class SqliteTransactions final : public ports::Transactions {
public:
    /// @param reader the reader connection, or null (an in-memory database: reads use the writer
    /// under `writer_mutex`); every argument must outlive this object.
    SqliteTransactions(SQLite::Database& writer, SQLite::Database* reader, GroupCommitter& committer,
                       std::mutex& writer_mutex, std::mutex& reader_mutex);
    void write_async(std::function<void(ports::Store&)> job, Done done) override;
    void write(std::function<void(ports::Store&)> const& job) override;
    void read(std::function<void(ports::Store&)> const& query) override;
    /// @brief On a connection opened for the query (a database file; else as read()).
    void read_alone(std::function<void(ports::Store&)> const& query) override;

private:
    void run_job(std::function<void(ports::Store&)> const& job);
    GroupCommitter& committer_;
    std::mutex& read_mutex_;
    SqliteStore writer_store_;
    std::unique_ptr<SqliteStore> reader_store_;   ///< null: reads use writer_store_
    std::string file_;                            ///< the database file ("" in memory)
};

}  // namespace hazeguard::storage
