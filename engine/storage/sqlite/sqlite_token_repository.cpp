#include "engine/storage/sqlite/sqlite_token_repository.hpp"

#include "engine/storage/sqlite/columns.hpp"

namespace hazeguard::storage {
namespace {

constexpr char const* kColumns =
    "id, hash, role, name, authority, enterprise_id, created_at, expires_at, revoked_at, revoked_by";

service::TokenRecord record_of(SQLite::Statement& q) {
    auto text = [&](int i) { return optional_text(q.getColumn(i)).value_or(""); };
    service::TokenRecord t;
    t.id = q.getColumn(0).getInt64();
    t.hash_prefix = text(1).substr(0, 8);
    t.principal = {text(3), text(2), text(4), text(5)};
    t.created_at = q.getColumn(6).getInt64();
    t.expires_at = optional_int(q.getColumn(7));
    t.revoked_at = optional_int(q.getColumn(8));
    t.revoked_by = text(9);
    return t;
}

}  // namespace

std::int64_t SqliteTokenRepository::add(std::string const& hash, service::Principal const& who,
                                        engine::Instant created_at, engine::Instant expires_at) {
    auto& q = st_.get("INSERT INTO tokens(hash, role, name, authority, enterprise_id, created_at, expires_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, hash);
    q.bind(2, who.role);
    q.bind(3, who.name);
    if (!who.authority.empty()) q.bind(4, who.authority);
    if (!who.enterprise_id.empty()) q.bind(5, who.enterprise_id);
    q.bind(6, created_at);
    q.bind(7, expires_at);
    q.exec();
    return st_.db().getLastInsertRowid();
}

std::optional<service::TokenRecord> SqliteTokenRepository::find(std::int64_t id) {
    auto& q = st_.get(std::string("SELECT ") + kColumns + " FROM tokens WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    auto t = record_of(q);
    q.reset();
    return t;
}

std::optional<ports::ValidToken> SqliteTokenRepository::find_unrevoked(std::string const& hash) {
    // INDEXED BY: the planner would take the UNIQUE index on hash and then read the table.
    auto& q = st_.get("SELECT name, role, authority, enterprise_id, expires_at FROM tokens INDEXED BY tokens_check "
                      "WHERE hash = ? AND revoked_at IS NULL");
    q.bind(1, hash);
    if (!q.executeStep()) return std::nullopt;
    auto text = [&](int i) { return optional_text(q.getColumn(i)).value_or(""); };
    ports::ValidToken found{{text(0), text(1), text(2), text(3)}, optional_int(q.getColumn(4))};
    q.reset();
    return found;
}

std::vector<service::TokenRecord> SqliteTokenRepository::list(bool all, engine::Instant now) {
    auto& q = st_.get(std::string("SELECT ") + kColumns +
                      " FROM tokens WHERE ? OR (revoked_at IS NULL AND (expires_at IS NULL OR expires_at >= ?)) "
                      "ORDER BY id");
    q.bind(1, all ? 1 : 0);
    q.bind(2, now);
    std::vector<service::TokenRecord> out;
    while (q.executeStep()) out.push_back(record_of(q));
    return out;
}

bool SqliteTokenRepository::revoke(std::int64_t id, std::string const& by, engine::Instant now) {
    auto& q = st_.get("UPDATE tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL");
    q.bind(1, now);
    q.bind(2, by);
    q.bind(3, id);
    if (q.exec() == 0) return false;
    st_.get("INSERT INTO settings(key, value) VALUES ('tokens_epoch', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
        .exec();
    return true;
}

std::int64_t SqliteTokenRepository::epoch() {
    auto& q = st_.get("SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'tokens_epoch'");
    if (!q.executeStep()) return 0;
    auto const epoch = q.getColumn(0).getInt64();
    q.reset();
    return epoch;
}

std::string SqliteTokenRepository::link_key(std::string const& candidate) {
    auto& insert = st_.get("INSERT INTO settings(key, value) VALUES ('link_key', ?) ON CONFLICT(key) DO NOTHING");
    insert.bind(1, candidate);
    insert.exec();
    auto& q = st_.get("SELECT value FROM settings WHERE key = 'link_key'");
    q.executeStep();
    std::string key = q.getColumn(0).getString();
    q.reset();
    return key;
}

bool SqliteTokenRepository::any() {
    auto& q = st_.get("SELECT EXISTS (SELECT 1 FROM tokens)");
    q.executeStep();
    bool const any = q.getColumn(0).getInt() != 0;
    q.reset();
    return any;
}

}  // namespace hazeguard::storage
