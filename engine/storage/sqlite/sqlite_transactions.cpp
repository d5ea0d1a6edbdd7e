#include "engine/storage/sqlite/sqlite_transactions.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "engine/service/error.hpp"

namespace hazeguard::storage {
using service::Errc;
using service::Error;

bool is_storage_failure(int code) {
    return code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_READONLY || code == SQLITE_CANTOPEN ||
           code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

std::exception_ptr translate_storage_error(std::exception_ptr error) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (SQLite::Exception const& e) {
        // Another process holding the database is the client's cue to retry; a storage failure is
        // the operator's (readiness goes off).
        if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED)
            return std::make_exception_ptr(Error(Errc::storage_busy, "the database is busy; retry shortly"));
        if (is_storage_failure(e.getErrorCode()))
            return std::make_exception_ptr(Error(Errc::storage_unavailable,
                                                 "the change could not be written to disk and was not made; "
                                                 "the operator has been alerted (readiness is off) — retry later"));
    } catch (...) {
    }
    return error;
}

SqliteTransactions::SqliteTransactions(SQLite::Database& writer, SQLite::Database* reader, GroupCommitter& committer,
                                       std::mutex& writer_mutex, std::mutex& reader_mutex)
    : committer_(committer), read_mutex_(reader ? reader_mutex : writer_mutex), writer_store_(writer),
      reader_store_(reader ? std::make_unique<SqliteStore>(*reader) : nullptr),
      file_(reader ? reader->getFilename() : std::string()) {}

void SqliteTransactions::run_job(std::function<void(ports::Store&)> const& job) { writer_store_.run(job); }

void SqliteTransactions::write_async(std::function<void(ports::Store&)> job, Done done) {
    committer_.submit_async([this, job = std::move(job)] { run_job(job); },
                            [done = std::move(done)](std::exception_ptr error) { done(translate_storage_error(error)); });
}

void SqliteTransactions::write(std::function<void(ports::Store&)> const& job) {
    try {
        committer_.submit([&] { run_job(job); });
    } catch (...) {
        std::rethrow_exception(translate_storage_error(std::current_exception()));
    }
}

void SqliteTransactions::read(std::function<void(ports::Store&)> const& query) {
    std::lock_guard lock(read_mutex_);
    (reader_store_ ? *reader_store_ : writer_store_).run(query);
}

void SqliteTransactions::read_alone(std::function<void(ports::Store&)> const& query) {
    if (file_.empty()) return read(query);
    try {
        // Used by this thread only: no per-call locking inside SQLite (100,000 rows × 25 columns).
        SQLite::Database db(file_, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX, 5000);
        // SQLite's default page cache (2 MiB): a report walks its tables in key order and reads each
        // page once, so a larger cache only takes fresh memory, whose page faults cost more than
        // the reads here (64 MiB, a fresh server's first report of 100,000 orders: 6,750 faults and
        // 250 ms of CPU instead of 1,014 and 160 ms).
        SqliteStore store(db);
        SQLite::Transaction snapshot(db);  // rolled back at the end: nothing was written
        store.run(query);
    } catch (SQLite::Exception const&) {
        std::rethrow_exception(translate_storage_error(std::current_exception()));
    }
}

}  // namespace hazeguard::storage
