#pragma once
/// @file webhook_signature.hpp
/// @brief Webhook signing as Standard Webhooks 1.0 defines it (docs/delivery.md): the secret is
/// "whsec_" + Base64 of random bytes; the signature of one attempt is "v1," + Base64 of
/// HMAC-SHA256(secret bytes, "{id}.{timestamp}.{body}"), sent as `webhook-signature` beside
/// `webhook-id` and `webhook-timestamp`. OpenSSL's libcrypto does the HMAC, Base64 and randomness.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hazeguard::engine {

/// @brief A new secret: "whsec_" + Base64 of 24 random bytes (OpenSSL RAND_bytes). Throws
/// std::runtime_error when the random source fails.
std::string new_webhook_secret();

/// @brief Base64url (no padding) of HMAC-SHA256(key, message): a signature fit for a URL.
std::string hmac_sha256_base64url(std::string_view key, std::string_view message);

/// @brief A message id receivers can deduplicate on: "msg_" + 24 random hex digits.
std::string new_message_id();

/// @brief "v1,<base64 HMAC-SHA256>" over "{id}.{timestamp}.{body}"; nullopt when `secret` is not
/// "whsec_" + valid Base64.
std::optional<std::string> webhook_signature(std::string_view secret, std::string_view id, std::int64_t timestamp,
                                             std::string_view body);

}  // namespace hazeguard::engine
