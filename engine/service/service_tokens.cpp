// The service's side of tokens: authentication with a cache that forgets revoked and expired
// tokens at once, and the admin commands that issue, list and revoke them.
#include <SQLiteCpp/SQLiteCpp.h>

#include <set>

#include "engine/service/input.hpp"
#include "engine/service/service.hpp"
#include "engine/service/service_tx.hpp"
#include "engine/service/tokens.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::service {
using nlohmann::json;

std::optional<Principal> Service::authenticate(std::string const& token) {
    auto const hash = engine::sha256_hex(token);
    auto const now = real_now();
    std::uint64_t generation = 0;
    {
        std::shared_lock cached(token_cache_mutex_);
        if (auto it = token_cache_.find(hash); it != token_cache_.end()) {
            if (token_expired(it->second.expires_at, now)) return std::nullopt;
            return it->second.principal;
        }
        generation = token_cache_generation_;
    }
    CachedToken found;
    {
        auto lock = read_lock();
        // Once per token: then the cache answers.
        SQLite::Statement q(conn(), "SELECT name, role, authority, enterprise_id, expires_at FROM tokens "
                                    "WHERE hash = ? AND revoked_at IS NULL");
        q.bind(1, hash);
        if (!q.executeStep()) return std::nullopt;
        auto text = [&](int i) { return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString(); };
        found.principal = {text(0), text(1), text(2), text(3)};
        if (!q.getColumn(4).isNull()) found.expires_at = q.getColumn(4).getInt64();
    }
    if (token_expired(found.expires_at, now)) return std::nullopt;
    // Not when the cache was dropped meanwhile: what we read may predate the revocation.
    std::unique_lock remember(token_cache_mutex_);
    if (generation == token_cache_generation_) token_cache_.emplace(hash, found);
    return found.principal;
}

std::optional<Principal> Service::known_principal(std::string const& token) {
    auto const hash = engine::sha256_hex(token);
    std::shared_lock cached(token_cache_mutex_);
    auto const it = token_cache_.find(hash);
    if (it == token_cache_.end() || token_expired(it->second.expires_at, real_now())) return std::nullopt;
    return it->second.principal;
}

void Service::forget_tokens() {
    std::unique_lock lock(token_cache_mutex_);
    ++token_cache_generation_;
    token_cache_.clear();
}

void Service::refresh_token_cache() {
    std::int64_t epoch = 0;
    {
        auto lock = read_lock();
        epoch = tokens_epoch(conn());
    }
    if (tokens_epoch_.exchange(epoch) != epoch) forget_tokens();
}

std::string Service::create_token(Principal const& who) {
    std::lock_guard lock(db_mutex_);
    return service::create_token(*db_, plan_, who);
}

json Service::tokens(bool all) {
    auto const now = real_now();
    json items = json::array();
    auto lock = read_lock();
    for (auto const& t : list_tokens(conn(), all, now)) items.push_back(to_json(t, offset_minutes_, now));
    return {{"items", items}};
}

json Service::token(std::int64_t id) {
    auto lock = read_lock();
    auto const t = find_token(conn(), id);
    if (!t) not_found("token " + std::to_string(id));
    return to_json(*t, offset_minutes_, real_now());
}

void Service::issue_token(Command const& c, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({"role", "name", "authority", "enterprise_id", "expires_in_days"});
    Principal who;
    std::set<std::string> unreadable;  // already reported: not a string, or too long
    for (auto const& [key, field] : {std::pair{"role", &who.role}, std::pair{"name", &who.name},
                                    std::pair{"authority", &who.authority}, std::pair{"enterprise_id", &who.enterprise_id}}) {
        auto const value = in.text(key, false, key == std::string("name") ? 200 : 64);
        if (!value && in.has(key) && !in.is_null(key)) unreadable.insert(key);
        *field = value.value_or("");
    }
    auto const days = in.integer("expires_in_days", false, 1, kMaxTokenDays);
    for (auto const& p : principal_problems(plan_, who))
        if (!unreadable.count(p.pointer.substr(1))) in.error(p.pointer.substr(1), p.message);
    in.finish();
    auto const token = new_token();
    auto const stored = std::make_shared<bool>(false);
    run_async(
        c,
        [this, who, days, token, stored](Tx& tx) {
            auto const id = insert_token(tx.db, token, who, tx.real_now,
                                         token_expiry(who.role, tx.real_now, offset_minutes_, days));
            *stored = true;
            json view = to_json(*find_token(tx.db, id), offset_minutes_, tx.real_now);
            view["token"] = nullptr;  // what an Idempotency-Key replay answers: the secret is never stored
            return Reply{201, view, "/v1/tokens/" + std::to_string(id)};
        },
        [token, stored, done = std::move(done)](std::exception_ptr error, Reply reply) {
            if (!error && *stored) reply.body["token"] = token;
            done(error, std::move(reply));
        });
}

void Service::revoke_token(Command const& c, std::int64_t id, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({});
    in.finish();
    run_async(
        c,
        [this, id, by = c.principal.name](Tx& tx) {
            auto const t = service::revoke_token(tx.db, id, by, tx.real_now);
            if (!t) not_found("token " + std::to_string(id));
            return Reply{200, to_json(*t, offset_minutes_, tx.real_now), ""};
        },
        [this, done = std::move(done)](std::exception_ptr error, Reply reply) {
            if (!error) forget_tokens();  // before the answer: the next request is already refused
            done(error, std::move(reply));
        });
}

}  // namespace hazeguard::service
