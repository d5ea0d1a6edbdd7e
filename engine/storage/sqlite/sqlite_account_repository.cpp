#include "engine/storage/sqlite/sqlite_account_repository.hpp"

#include "engine/storage/sqlite/columns.hpp"

namespace hazeguard::storage {

std::int64_t SqliteAccountRepository::add(std::string const& login, std::string const& password_hash,
                                          service::Principal const& who, engine::Instant created_at) {
    auto& q = st_.get("INSERT INTO accounts(login, password_hash, role, name, authority, created_at, failures) "
                      "VALUES (?, ?, ?, ?, ?, ?, 0)");
    q.bind(1, login);
    q.bind(2, password_hash);
    q.bind(3, who.role);
    q.bind(4, who.name);
    if (!who.authority.empty()) q.bind(5, who.authority);
    q.bind(6, created_at);
    q.exec();
    return st_.db().getLastInsertRowid();
}

std::optional<ports::StaffAccount> SqliteAccountRepository::find_by_login(std::string const& login) {
    auto& q = st_.get("SELECT id, login, password_hash, role, name, authority, failures, locked_until "
                      "FROM accounts WHERE login = ?");
    q.bind(1, login);
    if (!q.executeStep()) return std::nullopt;
    auto text = [&](int i) { return optional_text(q.getColumn(i)).value_or(""); };
    ports::StaffAccount a;
    a.id = q.getColumn(0).getInt64();
    a.login = text(1);
    a.password_hash = text(2);
    a.principal = {text(4), text(3), text(5), ""};
    a.failures = q.getColumn(6).getInt();
    a.locked_until = optional_int(q.getColumn(7));
    q.reset();
    return a;
}

bool SqliteAccountRepository::any() {
    auto& q = st_.get("SELECT EXISTS (SELECT 1 FROM accounts)");
    q.executeStep();
    bool const any = q.getColumn(0).getInt() != 0;
    q.reset();
    return any;
}

void SqliteAccountRepository::set_failures(std::int64_t account, int failures, std::optional<engine::Instant> locked_until) {
    auto& q = st_.get("UPDATE accounts SET failures = ?, locked_until = ? WHERE id = ?");
    q.bind(1, failures);
    if (locked_until) q.bind(2, *locked_until);
    else q.bind(2);
    q.bind(3, account);
    q.exec();
}

void SqliteAccountRepository::open_session(std::string const& hash, std::int64_t account, std::string const& csrf,
                                           engine::Instant now) {
    auto& q = st_.get("INSERT INTO sessions(hash, account_id, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, hash);
    q.bind(2, account);
    q.bind(3, csrf);
    q.bind(4, now);
    q.bind(5, now);
    q.exec();
}

std::optional<ports::StoredSession> SqliteAccountRepository::find_session(std::string const& hash) {
    auto& q = st_.get("SELECT s.account_id, a.role, a.name, a.authority, s.csrf, s.last_seen "
                      "FROM sessions s JOIN accounts a ON a.id = s.account_id "
                      "WHERE s.hash = ? AND s.ended_at IS NULL");
    q.bind(1, hash);
    if (!q.executeStep()) return std::nullopt;
    auto text = [&](int i) { return optional_text(q.getColumn(i)).value_or(""); };
    ports::StoredSession s{q.getColumn(0).getInt64(), {text(2), text(1), text(3), ""}, text(4), q.getColumn(5).getInt64()};
    q.reset();
    return s;
}

void SqliteAccountRepository::touch_session(std::string const& hash, engine::Instant now) {
    auto& q = st_.get("UPDATE sessions SET last_seen = ? WHERE hash = ? AND ended_at IS NULL AND last_seen < ?");
    q.bind(1, now);
    q.bind(2, hash);
    q.bind(3, now);
    q.exec();
}

bool SqliteAccountRepository::end_session(std::string const& hash, engine::Instant now) {
    auto& q = st_.get("UPDATE sessions SET ended_at = ? WHERE hash = ? AND ended_at IS NULL");
    q.bind(1, now);
    q.bind(2, hash);
    return q.exec() > 0;
}

}  // namespace hazeguard::storage
