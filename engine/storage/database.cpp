#include "engine/storage/database.hpp"

#include <filesystem>
#include <mutex>
#include <stdexcept>

#include <sqlite3.h>

#include "engine/storage/migrations.hpp"
#include "engine/storage/timeline_store.hpp"

namespace hazeguard::storage {

int schema_version() { return static_cast<int>(migrations().size()); }

namespace {
/// Pages of 4 KiB (SQLite's default page size, which the schema keeps) that the page-cache pool holds.
constexpr int pool_pages = 1024;

/// Process-wide SQLite settings, only possible before SQLite initialises (before the process's
/// first connection; later each is refused with SQLITE_MISUSE and changes nothing):
/// - no memory statistics: with them every sqlite3_malloc and sqlite3_free of every connection
///   takes one process-wide mutex, on which the writer thread and the I/O threads' reader met at
///   each acknowledgement (perf: the most frequent futex wait of the ack benchmark); nothing here
///   reads those statistics.
/// - a pool of page buffers (4.3 MiB) shared by the connections: in WAL mode a reader drops its
///   whole page cache whenever it starts a snapshot after a commit, so under a stream of writes
///   each token check read its pages into freshly malloc'd 4 KiB buffers — and each such malloc
///   consolidated glibc's small free chunks and grew the heap (perf: a quarter of the lookup).
///   Pages beyond the pool are malloc'd as before.
void configure_sqlite_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        int header = 0;
        if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK) return;
        int const line = 4096 + header;
        // Never freed: SQLite may use it until the process ends (a static pointer, so still reachable).
        static char* const pool = new char[static_cast<std::size_t>(line) * pool_pages];
        sqlite3_config(SQLITE_CONFIG_PAGECACHE, pool, line, pool_pages);
    });
}
}  // namespace

std::unique_ptr<SQLite::Database> open_database(std::string const& path) {
    configure_sqlite_once();
    try {
        auto const parent = std::filesystem::path(path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent);
        auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 5000);
        db->exec("PRAGMA journal_mode=WAL");
        // FULL: the WAL is fsync'd at every commit, so a 2xx answer means the change is on disk.
        db->exec("PRAGMA synchronous=FULL");
        db->exec("PRAGMA foreign_keys=ON");
        int version = db->execAndGet("PRAGMA user_version").getInt();
        if (version > schema_version())
            throw std::runtime_error("database schema version " + std::to_string(version) +
                                     " is newer than this build (" + std::to_string(schema_version()) + ")");
        for (; version < schema_version(); ++version) {
            SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
            bool const chained = timeline_is_chained(*db);
            db->exec(std::string(migrations()[static_cast<std::size_t>(version)]));
            // Keyed on the column, not on the migration's number: whichever migration adds the
            // hash column chains the rows written before it, in its own transaction.
            if (!chained && timeline_is_chained(*db)) seal_timeline(*db);
            db->exec("PRAGMA user_version=" + std::to_string(version + 1));
            tx.commit();
        }
        return db;
    } catch (SQLite::Exception const& e) {
        throw std::runtime_error("cannot open database " + path + ": " + e.what());
    } catch (std::filesystem::filesystem_error const& e) {
        throw std::runtime_error("cannot create the directory for " + path + ": " + e.what());
    }
}

}  // namespace hazeguard::storage
