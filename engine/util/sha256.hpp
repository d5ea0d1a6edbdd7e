#pragma once
/// @file sha256.hpp
/// @brief SHA-256 (FIPS 180-4), used to store bearer tokens hashed and to fingerprint requests
/// for Idempotency-Key replays. Small and dependency-free on purpose: no OpenSSL in our stack.

#include <string>
#include <string_view>

namespace hazeguard::engine {

/// @brief Lower-case hex SHA-256 digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace hazeguard::engine
