#include "engine/delivery/order_link.hpp"

#include <charconv>

#include <openssl/crypto.h>

#include "engine/delivery/webhook_signature.hpp"

namespace hazeguard::engine {

namespace {

std::string signed_part(std::int64_t order, Instant expires) {
    return std::to_string(order) + "." + std::to_string(expires);
}

std::optional<std::int64_t> number(std::string_view text) {
    std::int64_t v = 0;
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty() || v <= 0) return std::nullopt;
    return v;
}

}  // namespace

std::string order_link_token(std::string_view key, std::int64_t order, Instant expires) {
    auto const part = signed_part(order, expires);
    return part + "." + hmac_sha256_base64url(key, "order-link:" + part);
}

std::optional<OrderLink> verify_order_link(std::string_view key, std::string_view token, Instant now) {
    auto const first = token.find('.');
    auto const second = first == std::string_view::npos ? first : token.find('.', first + 1);
    if (second == std::string_view::npos || token.size() > 200) return std::nullopt;
    auto const order = number(token.substr(0, first));
    auto const expires = number(token.substr(first + 1, second - first - 1));
    if (!order || !expires) return std::nullopt;
    auto const expected = hmac_sha256_base64url(key, "order-link:" + signed_part(*order, *expires));
    auto const given = token.substr(second + 1);
    if (given.size() != expected.size() || CRYPTO_memcmp(given.data(), expected.data(), given.size()) != 0)
        return std::nullopt;
    return OrderLink{*order, *expires, now >= *expires};
}

}  // namespace hazeguard::engine
