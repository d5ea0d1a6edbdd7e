// engine/storage/timeline_store.* and backup.*: chained appends inside savepoints, the rows of an
// older database sealed by the migration that adds the chain, and a verified backup.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "engine/storage/backup.hpp"
#include "engine/storage/database.hpp"
#include "engine/storage/migrations.hpp"
#include "engine/storage/timeline_store.hpp"

namespace hazeguard::storage {
namespace {
namespace fs = std::filesystem;

struct TempDir {
    fs::path path = fs::temp_directory_path() /
                    ("hg-timeline-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
    std::string file(std::string const& name) const { return (path / name).string(); }
};

engine::TimelineRecord entry(std::string summary) {
    return {0, std::nullopt, "forecast:1", 1797213600, "forecast", "值班员张伟", std::move(summary), "{}", "2024.1"};
}

TEST_CASE("appended rows chain, also across a rolled-back savepoint", "[engine][audit][storage]") {
    TempDir dir;
    auto db = open_database(dir.file("db.sqlite"));
    SQLite::Transaction tx(*db);
    append_timeline(*db, entry("一"));
    db->exec("SAVEPOINT job");
    append_timeline(*db, entry("回滚"));
    db->exec("ROLLBACK TO job");
    db->exec("RELEASE job");
    append_timeline(*db, entry("二"));
    tx.commit();
    auto const r = verify_timeline(*db);
    CHECK(r.ok());
    CHECK(r.rows == 2);
    CHECK(r.head == timeline_head(*db).second);
    CHECK(db->execAndGet("SELECT summary_cn FROM timeline WHERE id = 2").getString() == "二");
    db->exec("UPDATE timeline SET actor = '别人' WHERE id = 1");
    auto const bad = verify_timeline(*db);
    REQUIRE(bad.finding);
    CHECK(bad.finding->id == 1);
    CHECK_FALSE(bad.ok());
}

TEST_CASE("the migration that adds the chain seals the rows already there, once", "[engine][audit][storage]") {
    TempDir dir;
    auto const path = dir.file("old.sqlite");
    {
        // An older database: every migration before the one that adds the hash column, with rows.
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        int version = 0;
        for (auto const sql : migrations()) {
            SQLite::Transaction tx(db);
            db.exec(std::string(sql));
            if (timeline_is_chained(db)) break;  // rolled back: this one is the chain's
            db.exec("PRAGMA user_version=" + std::to_string(++version));
            tx.commit();
        }
        REQUIRE(version < schema_version());
        for (int i = 0; i < 3; ++i)
            db.exec("INSERT INTO timeline(episode_id, ref, at, kind, actor, summary_cn, detail, plan_version) "
                    "VALUES (NULL, 'forecast:1', 1797213600, 'forecast', '值班员', '旧行', '{}', '2019.1')");
    }
    {
        auto db = open_database(path);
        auto const r = verify_timeline(*db);
        CHECK(r.ok());
        CHECK(r.rows == 3);
        SQLite::Transaction tx(*db);
        append_timeline(*db, entry("新行"));
        tx.commit();
        CHECK(verify_timeline(*db).rows == 4);
    }
    CHECK(verify_timeline_file(path).ok());
    CHECK_THROWS_AS(verify_timeline_file(dir.file("missing.sqlite")), std::runtime_error);
}

TEST_CASE("a backup is a verified copy and never replaces a file", "[engine][storage][backup]") {
    TempDir dir;
    auto const source = dir.file("live.sqlite");
    auto db = open_database(source);
    {
        SQLite::Transaction tx(*db);
        append_timeline(*db, entry("一"));
        tx.commit();
    }
    auto const copy = dir.file("copy.sqlite");
    auto const s = backup_database(source, copy);
    CHECK(s.schema_version == schema_version());
    CHECK(s.timeline_rows == 1);
    CHECK(s.timeline_head == timeline_head(*db).second);
    CHECK(s.bytes == fs::file_size(copy));
    CHECK_FALSE(fs::exists(copy + "-wal"));  // one self-contained file
    CHECK(verify_timeline_file(copy).ok());
    CHECK_THROWS_AS(backup_database(source, copy), BackupExists);
    CHECK_THROWS_AS(backup_database(dir.file("none.sqlite"), dir.file("other.sqlite")), std::runtime_error);
    CHECK_THROWS_AS(backup_database(source, dir.file("no/such/dir.sqlite")), std::runtime_error);
    int files = 0;
    for ([[maybe_unused]] auto const& e : fs::directory_iterator(dir.path)) ++files;
    CHECK(files == 4);  // live.sqlite, its -wal and -shm, copy.sqlite: no temporary file left behind
}

}  // namespace
}  // namespace hazeguard::storage
