// Authentication with a cache that forgets revoked and expired tokens at once, and the admin
// commands that issue, list and revoke tokens.
#include "engine/service/identity/identity_service.hpp"

#include <memory>
#include <mutex>
#include <set>

#include "engine/service/identity/tokens.hpp"
#include "engine/service/input.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::service {
using nlohmann::json;

std::optional<Principal> IdentityService::authenticate(std::string const& token) {
    auto const hash = engine::sha256_hex(token);
    auto const now = real_now();
    std::uint64_t generation = 0;
    {
        std::shared_lock cached(cache_mutex_);
        if (auto it = cache_.find(hash); it != cache_.end()) {
            if (token_expired(it->second.expires_at, now)) return std::nullopt;
            return it->second.principal;
        }
        generation = cache_generation_;
    }
    std::optional<ports::ValidToken> found;
    // Once per token: then the cache answers.
    transactions_.read([&](ports::Store& store) { found = store.tokens().find_unrevoked(hash); });
    if (!found || token_expired(found->expires_at, now)) return std::nullopt;
    // Not when the cache was dropped meanwhile: what we read may predate the revocation.
    std::unique_lock remember(cache_mutex_);
    if (generation == cache_generation_) cache_.emplace(hash, CachedToken{found->principal, found->expires_at});
    return found->principal;
}

std::optional<Principal> IdentityService::known_principal(std::string const& token) {
    auto const hash = engine::sha256_hex(token);
    std::shared_lock cached(cache_mutex_);
    auto const it = cache_.find(hash);
    if (it == cache_.end() || token_expired(it->second.expires_at, real_now())) return std::nullopt;
    return it->second.principal;
}

void IdentityService::forget_tokens() {
    std::unique_lock lock(cache_mutex_);
    ++cache_generation_;
    cache_.clear();
}

void IdentityService::refresh_token_cache() {
    std::int64_t epoch = 0;
    transactions_.read([&](ports::Store& store) { epoch = store.tokens().epoch(); });
    if (tokens_epoch_.exchange(epoch) != epoch) forget_tokens();
}

std::string IdentityService::create_token(Principal const& who) {
    std::string token;
    transactions_.write([&](ports::Store& store) {
        token = service::create_token(store.tokens(), views_.plan, who, std::nullopt, real_now());
    });
    return token;
}

bool IdentityService::has_tokens() {
    bool any = false;
    transactions_.read([&](ports::Store& store) { any = store.tokens().any(); });
    return any;
}

json IdentityService::tokens(bool all) {
    auto const now = real_now();
    json items = json::array();
    transactions_.read([&](ports::Store& store) {
        for (auto const& t : store.tokens().list(all, now)) items.push_back(to_json(t, views_.offset_minutes, now));
    });
    return {{"items", items}};
}

json IdentityService::token(std::int64_t id) {
    std::optional<TokenRecord> t;
    transactions_.read([&](ports::Store& store) { t = store.tokens().find(id); });
    if (!t) not_found("token " + std::to_string(id));
    return to_json(*t, views_.offset_minutes, real_now());
}

void IdentityService::issue_token(Command const& c, json const& body, Completion done) {
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
    for (auto const& p : principal_problems(views_.plan, who))
        if (!unreadable.count(p.pointer.substr(1))) in.error(p.pointer.substr(1), p.message);
    in.finish();
    auto const token = new_token();
    auto const stored = std::make_shared<bool>(false);
    runner_.run(
        c,
        [this, who, days, token, stored](Tx& tx) {
            auto const id = tx.store.tokens().add(engine::sha256_hex(token), who, tx.real_now,
                                                  token_expiry(who.role, tx.real_now, views_.offset_minutes, days));
            *stored = true;
            json view = to_json(*tx.store.tokens().find(id), views_.offset_minutes, tx.real_now);
            view["token"] = nullptr;  // what an Idempotency-Key replay answers: the secret is never stored
            return Reply{201, view, "/v1/tokens/" + std::to_string(id)};
        },
        [token, stored, done = std::move(done)](std::exception_ptr error, Reply reply) {
            if (!error && *stored) reply.body["token"] = token;
            done(error, std::move(reply));
        });
}

void IdentityService::revoke_token(Command const& c, std::int64_t id, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({});
    in.finish();
    runner_.run(
        c,
        [this, id, by = c.principal.name](Tx& tx) {
            auto const t = service::revoke_token(tx.store.tokens(), id, by, tx.real_now);
            if (!t) not_found("token " + std::to_string(id));
            return Reply{200, to_json(*t, views_.offset_minutes, tx.real_now), ""};
        },
        [this, done = std::move(done)](std::exception_ptr error, Reply reply) {
            if (!error) forget_tokens();  // before the answer: the next request is already refused
            done(error, std::move(reply));
        });
}

}  // namespace hazeguard::service
