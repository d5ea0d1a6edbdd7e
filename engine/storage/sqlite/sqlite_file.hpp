#pragma once
/// @file sqlite_file.hpp
/// @brief A database file as a command-line tool uses it (`hazeguard token`, `hazeguard report`):
/// one process, one connection, no group committer. Includes no SQLite header, so the CLI reaches
/// storage only through the ports.

#include <memory>
#include <string>

#include "engine/ports/transactions.hpp"

namespace hazeguard::storage {

class SqliteFile final : public ports::Transactions {
public:
    /// @brief Opens the file at `path`, creating and migrating it if needed (storage/database.hpp).
    /// Throws std::runtime_error with a readable message on failure.
    explicit SqliteFile(std::string const& path);
    ~SqliteFile() override;
    SqliteFile(SqliteFile const&) = delete;
    SqliteFile& operator=(SqliteFile const&) = delete;

    /// @brief Runs `job` in one IMMEDIATE transaction at once, then calls `done`.
    void write_async(std::function<void(ports::Store&)> job, Done done) override;
    /// @brief Runs `job` in one IMMEDIATE transaction, committed when it returns (rolled back when
    /// it throws); a busy database or a storage failure is rethrown as a service::Error.
    void write(std::function<void(ports::Store&)> const& job) override;
    void read(std::function<void(ports::Store&)> const& query) override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hazeguard::storage
