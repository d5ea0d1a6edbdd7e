// Bearer tokens: random, shown once, stored as SHA-256, with an expiry and a revocation.
#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <random>

#include "engine/service/error.hpp"
#include "engine/service/service.hpp"
#include "engine/service/tokens.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::service {
using engine::Instant;

namespace {
constexpr std::array<char const*, 6> kRoles = {"duty_officer", "approver", "enterprise", "department", "auditor", "admin"};

bool has_control_character(std::string const& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

std::string joined(std::vector<std::string> const& items) {
    std::string out;
    for (auto const& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

char const* const kColumns = "id, hash, role, name, authority, enterprise_id, created_at, expires_at, revoked_at, revoked_by";

TokenRecord record_of(SQLite::Statement& q) {
    auto text = [&](int i) { return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString(); };
    auto instant = [&](int i) {
        return q.getColumn(i).isNull() ? std::nullopt : std::optional<Instant>(q.getColumn(i).getInt64());
    };
    TokenRecord t;
    t.id = q.getColumn(0).getInt64();
    t.hash_prefix = text(1).substr(0, 8);
    t.principal = {text(3), text(2), text(4), text(5)};
    t.created_at = q.getColumn(6).getInt64();
    t.expires_at = instant(7);
    t.revoked_at = instant(8);
    t.revoked_by = text(9);
    return t;
}
}  // namespace

bool is_known_role(std::string const& role) {
    for (auto const* r : kRoles)
        if (role == r) return true;
    return false;
}

Instant token_expiry(std::string const& role, Instant now, int offset_minutes, std::optional<int> expires_in_days) {
    if (expires_in_days) return now + *expires_in_days * engine::kDay;
    if (role != "enterprise") return now + kStaffTokenDays * engine::kDay;
    // Enterprise tokens follow the emission-reduction list, which is renewed every year.
    int const year = std::stoi(engine::format_local_date(now, offset_minutes).substr(0, 4));
    return *engine::parse_local_date(std::to_string(year + 1) + "-01-01", offset_minutes) - 1;
}

std::vector<FieldError> principal_problems(plans::Plan const& plan, Principal const& who) {
    std::vector<FieldError> out;
    if (who.role.empty()) out.push_back({"/role", "is required"});
    else if (!is_known_role(who.role))
        out.push_back({"/role", "must be one of " + joined({kRoles.begin(), kRoles.end()})});
    if (who.name.empty()) out.push_back({"/name", "is required"});
    for (auto const& [pointer, value] : {std::pair{"/name", &who.name}, std::pair{"/authority", &who.authority},
                                        std::pair{"/enterprise_id", &who.enterprise_id}})
        if (has_control_character(*value)) out.push_back({pointer, "must not contain control characters"});
    if (who.role == "approver" && !plan.authority(who.authority)) {
        std::vector<std::string> ids;
        for (auto const& a : plan.authorities) ids.push_back(a.id);
        out.push_back({"/authority", "an approver needs one of the plan's authorities: " + joined(ids)});
    } else if (who.role != "approver" && !who.authority.empty()) {
        out.push_back({"/authority", "is only for approvers"});
    }
    if (who.role == "enterprise" && who.enterprise_id.empty())
        out.push_back({"/enterprise_id", "is required for an enterprise token"});
    else if (who.role != "enterprise" && !who.enterprise_id.empty())
        out.push_back({"/enterprise_id", "is only for enterprise tokens"});
    return out;
}

std::string new_token() {
    std::random_device rd;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token = "hg_";
    for (int i = 0; i < 40; ++i) token.push_back(kHex[rd() % 16]);
    return token;
}

std::int64_t insert_token(SQLite::Database& db, std::string const& token, Principal const& who, Instant created_at,
                          Instant expires_at) {
    SQLite::Statement q(db, "INSERT INTO tokens(hash, role, name, authority, enterprise_id, created_at, expires_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, engine::sha256_hex(token));
    q.bind(2, who.role);
    q.bind(3, who.name);
    if (!who.authority.empty()) q.bind(4, who.authority);
    if (!who.enterprise_id.empty()) q.bind(5, who.enterprise_id);
    q.bind(6, created_at);
    q.bind(7, expires_at);
    q.exec();
    return db.getLastInsertRowid();
}

std::string create_token(SQLite::Database& db, plans::Plan const& plan, Principal const& who,
                         std::optional<int> expires_in_days) {
    if (auto const problems = principal_problems(plan, who); !problems.empty())
        throw std::invalid_argument(problems.front().pointer.substr(1) + " " + problems.front().message);
    auto const offset = engine::parse_utc_offset(plan.utc_offset).value_or(480);
    auto const token = new_token();
    auto const now = real_now();
    insert_token(db, token, who, now, token_expiry(who.role, now, offset, expires_in_days));
    return token;
}

std::string TokenRecord::status(Instant now) const {
    if (revoked_at) return "revoked";
    return token_expired(expires_at, now) ? "expired" : "active";
}

std::vector<TokenRecord> list_tokens(SQLite::Database& db, bool all, Instant now) {
    SQLite::Statement q(db, std::string("SELECT ") + kColumns +
                                " FROM tokens WHERE ? OR (revoked_at IS NULL AND (expires_at IS NULL OR expires_at >= ?)) "
                                "ORDER BY id");
    q.bind(1, all ? 1 : 0);
    q.bind(2, now);
    std::vector<TokenRecord> out;
    while (q.executeStep()) out.push_back(record_of(q));
    return out;
}

std::optional<TokenRecord> find_token(SQLite::Database& db, std::int64_t id) {
    SQLite::Statement q(db, std::string("SELECT ") + kColumns + " FROM tokens WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return record_of(q);
}

std::optional<TokenRecord> revoke_token(SQLite::Database& db, std::int64_t id, std::string const& by, Instant now) {
    SQLite::Statement q(db, "UPDATE tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL");
    q.bind(1, now);
    q.bind(2, by);
    q.bind(3, id);
    if (q.exec() > 0)
        db.exec("INSERT INTO settings(key, value) VALUES ('tokens_epoch', '1') "
                "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
    return find_token(db, id);
}

std::int64_t tokens_epoch(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'tokens_epoch'");
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

nlohmann::json to_json(TokenRecord const& t, int offset_minutes, Instant now) {
    auto when = [&](std::optional<Instant> i) {
        return i ? nlohmann::json(engine::format_rfc3339(*i, offset_minutes)) : nlohmann::json(nullptr);
    };
    auto text_or_null = [](std::string const& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
    return {{"id", t.id},
            {"role", t.principal.role},
            {"name", t.principal.name},
            {"authority", text_or_null(t.principal.authority)},
            {"enterprise_id", text_or_null(t.principal.enterprise_id)},
            {"hash_prefix", t.hash_prefix},
            {"created_at", when(t.created_at)},
            {"expires_at", when(t.expires_at)},
            {"revoked_at", when(t.revoked_at)},
            {"revoked_by", text_or_null(t.revoked_by)},
            {"status", t.status(now)}};
}

}  // namespace hazeguard::service
