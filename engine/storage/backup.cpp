#include "engine/storage/backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/storage/timeline_store.hpp"

namespace hazeguard::storage {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail_errno(std::string const& what) { throw std::runtime_error(what + ": " + std::strerror(errno)); }

void fsync_path(fs::path const& p, int flags) {
    int const fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) fail_errno("cannot open " + p.string() + " to sync it");
    int const rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) fail_errno("cannot sync " + p.string());
}

// The SQLite online backup API rather than VACUUM INTO: it copies pages as they are (no index
// rebuild, so a large database costs I/O, not CPU on a machine the server shares), and with every
// page in one step it reads one snapshot — the last commit before it started — under a WAL read
// lock, which never blocks the server's writer. (Stepping a few pages at a time would restart
// whenever the server commits, and might never finish under load.)
void copy_pages(std::string const& source, fs::path const& target) {
    SQLite::Database src(source, SQLite::OPEN_READONLY, 5000);
    SQLite::Database dst(target.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    {
        SQLite::Backup backup(dst, src);
        int rc = backup.executeStep(-1);
        for (int tries = 0; (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < 200; ++tries) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            rc = backup.executeStep(-1);
        }
        if (rc != SQLITE_DONE) throw std::runtime_error("the database stayed busy; the backup did not finish");
    }
    // The pages carry the source's WAL mode: switch the copy to a rollback journal so that it is
    // one self-contained file (no -wal beside it). The server turns WAL on again when it opens it.
    dst.exec("PRAGMA journal_mode=DELETE");
}

std::int64_t count(SQLite::Database& db, std::string const& table, std::string const& where = "") {
    SQLite::Statement exists(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    exists.bind(1, table);
    if (!exists.executeStep()) return 0;  // an older schema
    return db.execAndGet("SELECT count(*) FROM " + table + (where.empty() ? "" : " WHERE " + where)).getInt64();
}

// Removes the temporary file unless the backup got as far as renaming it.
struct TempFile {
    fs::path path;
    ~TempFile() {
        if (path.empty()) return;
        std::error_code ignored;
        fs::remove(path, ignored);
        fs::remove(path.string() + "-journal", ignored);
    }
};

void rename_no_replace(fs::path const& from, fs::path const& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return;
    if (errno == EEXIST) throw BackupExists(to.string() + " appeared while the backup ran; it was left as it is");
    if (errno != EINVAL && errno != ENOSYS) fail_errno("cannot rename the copy to " + to.string());
    // A file system without RENAME_NOREPLACE: a hard link fails on an existing name just the same.
    if (::link(from.c_str(), to.c_str()) != 0) {
        if (errno == EEXIST) throw BackupExists(to.string() + " appeared while the backup ran; it was left as it is");
        fail_errno("cannot link the copy to " + to.string());
    }
    ::unlink(from.c_str());
}

}  // namespace

BackupSummary inspect_database(std::string const& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    auto const check = db.execAndGet("PRAGMA integrity_check").getString();
    if (check != "ok") throw std::runtime_error(path + " fails PRAGMA integrity_check: " + check);
    BackupSummary s;
    s.bytes = fs::file_size(path);
    s.schema_version = db.execAndGet("PRAGMA user_version").getInt();
    s.orders = count(db, "orders");
    s.acknowledged_orders = count(db, "orders", "ack_at IS NOT NULL");
    s.timeline_rows = count(db, "timeline");
    if (timeline_is_chained(db)) s.timeline_head = timeline_head(db).second;
    return s;
}

BackupSummary backup_database(std::string const& source, std::string const& destination) {
    fs::path const target = fs::absolute(destination);
    std::error_code ec;
    if (fs::symlink_status(target, ec).type() != fs::file_type::not_found)
        throw BackupExists(destination + " already exists; a backup never overwrites a file");
    if (!fs::is_regular_file(source)) throw std::runtime_error("no database at " + source);
    if (!fs::is_directory(target.parent_path()))
        throw std::runtime_error("directory " + target.parent_path().string() + " does not exist");
    TempFile temp{target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))};
    fs::remove(temp.path, ec);
    try {
        copy_pages(source, temp.path);
    } catch (SQLite::Exception const& e) {
        throw std::runtime_error("cannot copy " + source + ": " + e.what());
    }
    fsync_path(temp.path, O_RDONLY);
    // Checked before it gets its name, so a copy that fails the check is never mistaken for a backup.
    auto summary = inspect_database(temp.path.string());
    rename_no_replace(temp.path, target);
    temp.path.clear();
    fsync_path(target.parent_path(), O_RDONLY | O_DIRECTORY);  // the new name is on disk too
    return summary;
}

}  // namespace hazeguard::storage
