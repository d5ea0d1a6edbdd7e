#include "engine/service/identity/passwords.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace hazeguard::service {
namespace {

void ensure_sodium() {
    static bool const ready = sodium_init() >= 0;  // thread-safe; later calls return 1
    if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

std::optional<std::string> password_problem(std::string const& password) {
    if (password.size() < kMinPasswordLength)
        return "shorter than " + std::to_string(kMinPasswordLength) + " characters";
    if (password.size() > kMaxPasswordLength)
        return "longer than " + std::to_string(kMaxPasswordLength) + " characters";
    return std::nullopt;
}

std::string hash_password(std::string const& password) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return out;
}

bool password_matches(std::string const& stored, std::string const& password) {
    ensure_sodium();
    if (stored.empty() || stored.size() >= crypto_pwhash_STRBYTES || password.size() > kMaxPasswordLength) return false;
    return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

std::string random_secret(std::size_t bytes) {
    ensure_sodium();
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.find('\0'));
    return out;
}

}  // namespace hazeguard::service
