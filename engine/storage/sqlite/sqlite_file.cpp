#include "engine/storage/sqlite/sqlite_file.hpp"

#include "engine/storage/database.hpp"
#include "engine/storage/sqlite/sqlite_store.hpp"
#include "engine/storage/sqlite/sqlite_transactions.hpp"

namespace hazeguard::storage {

struct SqliteFile::Impl {
    std::unique_ptr<SQLite::Database> db;
    SqliteStore store;
    explicit Impl(std::unique_ptr<SQLite::Database> opened) : db(std::move(opened)), store(*db) {}
};

SqliteFile::SqliteFile(std::string const& path) : impl_(std::make_unique<Impl>(open_database(path))) {}

SqliteFile::~SqliteFile() = default;

void SqliteFile::write(std::function<void(ports::Store&)> const& job) {
    try {
        SQLite::Transaction tx(*impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
        impl_->store.run(job);
        tx.commit();
    } catch (...) {
        std::rethrow_exception(translate_storage_error(std::current_exception()));
    }
}

void SqliteFile::write_async(std::function<void(ports::Store&)> job, Done done) {
    std::exception_ptr error;
    try {
        write(job);
    } catch (...) {
        error = std::current_exception();
    }
    done(error);
}

void SqliteFile::read(std::function<void(ports::Store&)> const& query) { impl_->store.run(query); }

}  // namespace hazeguard::storage
