#include "engine/delivery/webhook_signature.hpp"

#include <stdexcept>
#include <vector>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace hazeguard::engine {

namespace {

constexpr std::string_view kPrefix = "whsec_";

std::string base64(unsigned char const* data, std::size_t n) {
    std::string out(4 * ((n + 2) / 3), '\0');
    int const written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(n));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

std::optional<std::vector<unsigned char>> unbase64(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0) return std::nullopt;
    std::vector<unsigned char> out(3 * text.size() / 4);
    int const n = EVP_DecodeBlock(out.data(), reinterpret_cast<unsigned char const*>(text.data()), static_cast<int>(text.size()));
    if (n < 0) return std::nullopt;
    // EVP_DecodeBlock counts the padding as zero bytes: drop one per '='.
    std::size_t size = static_cast<std::size_t>(n);
    for (auto it = text.rbegin(); it != text.rend() && *it == '=' && size > 0; ++it) --size;
    out.resize(size);
    return out;
}

}  // namespace

std::string new_webhook_secret() {
    unsigned char bytes[24];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no randomness for a webhook secret");
    return std::string(kPrefix) + base64(bytes, sizeof bytes);
}

std::string hmac_sha256_base64url(std::string_view key, std::string_view message) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_size = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<unsigned char const*>(message.data()),
         message.size(), mac, &mac_size);
    std::string out = base64(mac, mac_size);
    for (auto& ch : out) ch = ch == '+' ? '-' : ch == '/' ? '_' : ch;
    while (!out.empty() && out.back() == '=') out.pop_back();
    return out;
}

std::string new_message_id() {
    unsigned char bytes[12];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no randomness for a message id");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "msg_";
    for (unsigned char b : bytes) {
        out += kHex[b >> 4];
        out += kHex[b & 15];
    }
    return out;
}

std::optional<std::string> webhook_signature(std::string_view secret, std::string_view id, std::int64_t timestamp,
                                             std::string_view body) {
    if (secret.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    auto const key = unbase64(secret.substr(kPrefix.size()));
    if (!key || key->empty()) return std::nullopt;
    std::string const content = std::string(id) + "." + std::to_string(timestamp) + "." + std::string(body);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_size = 0;
    if (!HMAC(EVP_sha256(), key->data(), static_cast<int>(key->size()),
              reinterpret_cast<unsigned char const*>(content.data()), content.size(), mac, &mac_size))
        return std::nullopt;
    return "v1," + base64(mac, mac_size);
}

}  // namespace hazeguard::engine
