#include "engine/storage/timeline_store.hpp"

#include <filesystem>
#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>

namespace hazeguard::storage {
namespace {

constexpr char const* kColumns = "id, episode_id, ref, at, kind, actor, summary_cn, detail, plan_version";

engine::TimelineRecord record_at(SQLite::Statement& q) {
    engine::TimelineRecord r;
    r.id = q.getColumn(0).getInt64();
    if (!q.getColumn(1).isNull()) r.episode_id = q.getColumn(1).getInt64();
    r.ref = q.getColumn(2).getString();
    r.at = q.getColumn(3).getInt64();
    r.kind = q.getColumn(4).getString();
    r.actor = q.getColumn(5).getString();
    r.summary_cn = q.getColumn(6).getString();
    r.detail = q.getColumn(7).getString();
    r.plan_version = q.getColumn(8).getString();
    return r;
}

std::optional<std::string> text_or_null(SQLite::Column const& c) {
    return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

}  // namespace

void append_timeline(SQLite::Database& db, engine::TimelineRecord row) {
    SQLite::Statement last(db, "SELECT id, hash FROM timeline ORDER BY id DESC LIMIT 1");
    std::string prev(engine::kChainGenesis);
    row.id = 1;
    if (last.executeStep()) {
        row.id = last.getColumn(0).getInt64() + 1;
        prev = last.getColumn(1).getString();
    }
    SQLite::Statement q(db, "INSERT INTO timeline(id, episode_id, ref, at, kind, actor, summary_cn, detail, "
                            "plan_version, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, row.id);
    if (row.episode_id) q.bind(2, *row.episode_id);
    q.bind(3, row.ref);
    q.bind(4, row.at);
    q.bind(5, row.kind);
    q.bind(6, row.actor);
    q.bind(7, row.summary_cn);
    q.bind(8, row.detail);
    q.bind(9, row.plan_version);
    q.bind(10, prev);
    q.bind(11, engine::timeline_hash(prev, row));
    q.exec();
}

bool timeline_is_chained(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT 1 FROM pragma_table_info('timeline') WHERE name = 'hash'");
    return q.executeStep();
}

void seal_timeline(SQLite::Database& db) {
    SQLite::Statement rows(db, std::string("SELECT ") + kColumns + " FROM timeline ORDER BY id");
    SQLite::Statement update(db, "UPDATE timeline SET prev_hash = ?, hash = ? WHERE id = ?");
    std::string prev(engine::kChainGenesis);
    while (rows.executeStep()) {
        auto const r = record_at(rows);
        auto hash = engine::timeline_hash(prev, r);
        update.reset();
        update.bind(1, prev);
        update.bind(2, hash);
        update.bind(3, r.id);
        update.exec();
        prev = std::move(hash);
    }
}

ChainReport verify_timeline(SQLite::Database& db, std::optional<std::string> expected_head) {
    if (!timeline_is_chained(db))
        throw std::runtime_error("this database has no timeline hash chain yet (schema version " +
                                 std::to_string(db.execAndGet("PRAGMA user_version").getInt()) +
                                 "): start the server of this build on it once to add it");
    engine::TimelineChainVerifier walk;
    if (expected_head) walk.expect_head(*expected_head);
    ChainReport report;
    report.expected_head = std::move(expected_head);
    SQLite::Statement q(db, std::string("SELECT ") + kColumns + ", prev_hash, hash FROM timeline ORDER BY id");
    while (q.executeStep() && !report.finding)
        report.finding = walk.add(record_at(q), text_or_null(q.getColumn(9)), text_or_null(q.getColumn(10)));
    report.rows = walk.rows();
    report.head = walk.head();
    report.expected_head_at = walk.expected_head_at();
    return report;
}

ChainReport verify_timeline_file(std::string const& path, std::optional<std::string> expected_head) {
    if (!std::filesystem::is_regular_file(path)) throw std::runtime_error("no database at " + path);
    SQLite::Database db(path, SQLite::OPEN_READONLY, 5000);
    return verify_timeline(db, std::move(expected_head));
}

std::pair<std::int64_t, std::string> timeline_head(SQLite::Database& db) {
    auto const rows = db.execAndGet("SELECT count(*) FROM timeline").getInt64();
    SQLite::Statement q(db, "SELECT hash FROM timeline ORDER BY id DESC LIMIT 1");
    return {rows, q.executeStep() ? q.getColumn(0).getString() : std::string()};
}

}  // namespace hazeguard::storage
