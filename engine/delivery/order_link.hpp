#pragma once
/// @file order_link.hpp
/// @brief One-time links of orders (docs/delivery.md): "{order}.{expires}.{signature}", the
/// signature an HMAC-SHA256 under the server's link key over the order id and the expiry. The link
/// opens that one order and acknowledges it without a bearer token until it expires. Pure but for
/// the HMAC (OpenSSL).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/time/timestamp.hpp"

namespace hazeguard::engine {

std::string order_link_token(std::string_view key, std::int64_t order, Instant expires);

/// @brief What a genuine token opens.
struct OrderLink {
    std::int64_t order = 0;
    Instant expires = 0;
    bool expired = false;  ///< at the `now` it was checked against
};

/// @brief The order a token opens, or nullopt when it is malformed or forged.
std::optional<OrderLink> verify_order_link(std::string_view key, std::string_view token, Instant now);

}  // namespace hazeguard::engine
