// Authentication with a cache that forgets revoked and expired tokens at once, and the admin
// commands that issue, list and revoke tokens.
#include "engine/service/identity/identity_service.hpp"

#include <mutex>

#include "engine/service/identity/tokens.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::service {
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

std::vector<TokenSheet> IdentityService::tokens(bool all) {
    auto const now = real_now();
    std::vector<TokenSheet> items;
    transactions_.read([&](ports::Store& store) {
        for (auto& t : store.tokens().list(all, now)) {
            auto status = t.status(now);
            items.push_back({std::move(t), std::move(status)});
        }
    });
    return items;
}

TokenSheet IdentityService::token(std::int64_t id) {
    std::optional<TokenRecord> t;
    transactions_.read([&](ports::Store& store) { t = store.tokens().find(id); });
    if (!t) not_found("token " + std::to_string(id));
    auto status = t->status(real_now());
    return {std::move(*t), std::move(status)};
}

void IdentityService::issue_token(Command const& c, TokenRequest request, Answer<IssuedToken> answer) {
    auto const token = new_token();
    runner_.run(c, [this, request = std::move(request), token](Tx& tx) {
        auto const& who = request.principal;
        auto const id = tx.store.tokens().add(engine::sha256_hex(token), who, tx.real_now,
                                              token_expiry(who.role, tx.real_now, views_.offset_minutes, request.expires_in_days));
        auto t = *tx.store.tokens().find(id);
        auto status = t.status(tx.real_now);
        return IssuedToken{{std::move(t), std::move(status)}, token};
    }, std::move(answer));
}

void IdentityService::revoke_token(Command const& c, std::int64_t id, Answer<TokenSheet> answer) {
    runner_.run(
        c,
        [id, by = c.principal.name](Tx& tx) {
            auto t = service::revoke_token(tx.store.tokens(), id, by, tx.real_now);
            if (!t) not_found("token " + std::to_string(id));
            auto status = t->status(tx.real_now);
            return TokenSheet{std::move(*t), std::move(status)};
        },
        {std::move(answer.present), [this, done = std::move(answer.done)](std::exception_ptr error, Reply reply) {
             if (!error) forget_tokens();  // before the answer: the next request is already refused
             done(error, std::move(reply));
         }});
}

}  // namespace hazeguard::service
