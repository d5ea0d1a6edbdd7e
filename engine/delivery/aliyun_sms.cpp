#include "engine/delivery/aliyun_sms.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "engine/time/timestamp.hpp"
#include "engine/util/untrusted_json.hpp"

namespace hazeguard::engine {

namespace {

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

/// The value of one hexadecimal digit, or -1.
int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string form_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (c == '+') {
            out += ' ';
            continue;
        }
        int const high = c == '%' && i + 2 < text.size() ? hex_digit(text[i + 1]) : -1;
        int const low = high >= 0 ? hex_digit(text[i + 2]) : -1;
        if (low < 0) {
            out += c;
            continue;
        }
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

/// `k=v&k=v` over params sorted by name (std::map's order), "Signature" left out unless asked.
std::string canonical_query(std::map<std::string, std::string> const& params, bool with_signature) {
    std::string out;
    for (auto const& [name, value] : params) {
        if (name == "Signature" && !with_signature) continue;
        if (!out.empty()) out += '&';
        out += aliyun_percent_encode(name);
        out += '=';
        out += aliyun_percent_encode(value);
    }
    return out;
}

}  // namespace

std::string aliyun_percent_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (char const ch : text) {
        auto const c = static_cast<unsigned char>(ch);
        if (unreserved(c)) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string aliyun_rpc_signature(std::string_view method, std::map<std::string, std::string> const& params,
                                 std::string_view access_key_secret) {
    std::string const string_to_sign =
        std::string(method) + "&%2F&" + aliyun_percent_encode(canonical_query(params, false));
    std::string const key = std::string(access_key_secret) + "&";
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_size = 0;
    HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<unsigned char const*>(string_to_sign.data()), string_to_sign.size(), mac, &mac_size);
    std::string out(4 * ((mac_size + 2) / 3), '\0');
    int const written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), mac, static_cast<int>(mac_size));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

std::string aliyun_send_sms_body(AliyunSmsRequest const& request, AliyunCredentials const& credentials,
                                 std::string const& nonce, std::int64_t unix_time) {
    std::map<std::string, std::string> params{
        {"Action", "SendSms"},
        {"Version", "2017-05-25"},
        {"Format", "JSON"},
        {"RegionId", "cn-hangzhou"},
        {"AccessKeyId", credentials.access_key_id},
        {"SignatureMethod", "HMAC-SHA1"},
        {"SignatureVersion", "1.0"},
        {"SignatureNonce", nonce},
        {"Timestamp", format_rfc3339(unix_time, 0).substr(0, 19) + "Z"},  // drop "+00:00"
        {"PhoneNumbers", request.phone},
        {"SignName", request.sign_name},
        {"TemplateCode", request.template_code},
    };
    if (!request.template_param.empty()) params["TemplateParam"] = request.template_param;
    if (!request.out_id.empty()) params["OutId"] = request.out_id;
    params["Signature"] = aliyun_rpc_signature("POST", params, credentials.access_key_secret);
    return canonical_query(params, true);
}

std::map<std::string, std::string> parse_form(std::string_view body) {
    std::map<std::string, std::string> out;
    while (!body.empty()) {
        auto const amp = body.find('&');
        auto const piece = body.substr(0, amp);
        body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
        if (piece.empty()) continue;
        auto const eq = piece.find('=');
        auto const value = eq == std::string_view::npos ? std::string_view{} : piece.substr(eq + 1);
        out.emplace(form_decode(piece.substr(0, eq)), form_decode(value));
    }
    return out;
}

bool aliyun_signature_valid(std::map<std::string, std::string> const& params, std::string_view access_key_secret) {
    auto const given = params.find("Signature");
    if (given == params.end()) return false;
    std::string const expected = aliyun_rpc_signature("POST", params, access_key_secret);
    return given->second.size() == expected.size() &&
           CRYPTO_memcmp(given->second.data(), expected.data(), expected.size()) == 0;
}

AliyunSmsAnswer parse_aliyun_sms_answer(std::string_view body) {
    AliyunSmsAnswer malformed;
    malformed.code = "malformed_answer";
    nlohmann::json doc;
    try {
        doc = parse_untrusted_json(body);
    } catch (JsonInputError const&) {
        return malformed;
    }
    auto const text = [&doc](char const* name) -> std::string {
        auto const it = doc.find(name);
        return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string{};
    };
    if (!doc.is_object() || !doc.contains("Code") || !doc.at("Code").is_string()) return malformed;
    AliyunSmsAnswer answer;
    answer.code = text("Code");
    answer.message = text("Message");
    answer.biz_id = text("BizId");
    answer.ok = answer.code == "OK";
    return answer;
}

}  // namespace hazeguard::engine
