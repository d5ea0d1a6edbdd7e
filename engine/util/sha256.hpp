#pragma once
/// @file sha256.hpp
/// @brief SHA-256 (FIPS 180-4) through OpenSSL's libcrypto, used to store bearer tokens hashed, to
/// fingerprint requests for Idempotency-Key replays, to chain the timeline and to fingerprint an
/// imported list, which is hashed piece by piece as it is read.

#include <memory>
#include <string>
#include <string_view>

namespace hazeguard::engine {

/// @brief Lower-case hex SHA-256 digest of `data`.
std::string sha256_hex(std::string_view data);

/// @brief A SHA-256 digest built from pieces: the digest of their concatenation.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;
    void update(std::string_view piece);
    /// @brief Lower-case hex digest of everything given so far; ends the digest (no update after).
    std::string hex();

private:
    struct Context;
    std::unique_ptr<Context> context_;
};

}  // namespace hazeguard::engine
