#pragma once
/// @file passwords.hpp
/// @brief Staff passwords and console secrets through libsodium: argon2id password strings
/// (crypto_pwhash_str, libsodium's interactive limits), their verification, and random ids.

#include <optional>
#include <string>

namespace hazeguard::service {

/// @brief Shortest and longest password accepted (the longest bounds the hashing work a request
/// can ask for).
inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 256;

/// @brief What is wrong with a new password (for the CLI); nullopt when it may be used.
std::optional<std::string> password_problem(std::string const& password);

/// @brief The argon2id string of `password` (salt and parameters inside). Slow on purpose
/// (tens of milliseconds): never call it on an I/O thread.
std::string hash_password(std::string const& password);

/// @brief True when `password` matches `stored`; false for a string that is not one of ours. Slow
/// like hash_password().
bool password_matches(std::string const& stored, std::string const& password);

/// @brief `bytes` random bytes from libsodium as URL-safe base64 without padding.
std::string random_secret(std::size_t bytes = 32);

}  // namespace hazeguard::service
