#pragma once
/// @file aliyun_sms.hpp
/// @brief Alibaba Cloud SMS (Dysmsapi 2017-05-25, action SendSms) as pure functions: the signed
/// form body of one SendSms POST, the RPC signature V1 that signs it, the form parsing a receiver
/// needs to check such a body, and the reading of SendSms's JSON answer (docs: shared
/// delivery-channels.md §1.1).
///
/// RPC signature V1: every parameter except `Signature`, sorted by name, each name and value
/// percent-encoded (RFC 3986, space as %20), joined as `k=v&k=v`; StringToSign is
/// `METHOD&%2F&` + percentEncode(that query); `Signature` is Base64(HMAC-SHA1(AccessKeySecret +
/// "&", StringToSign)). OpenSSL's libcrypto does the HMAC and Base64. No I/O, no clock reads: the
/// caller passes the nonce and the time.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace hazeguard::engine {

/// @brief What one SendSms call sends.
struct AliyunSmsRequest {
    std::string phone;           ///< one number per SendSms (11-digit mainland mobile)
    std::string sign_name;       ///< the approved signature (签名), e.g. 太原市生态环境局
    std::string template_code;   ///< the approved template, e.g. SMS_123456789
    std::string template_param;  ///< the template's variables: a JSON object as text
    std::string out_id;          ///< the sender's id of this message; comes back as out_id in receipts
};

/// @brief An Alibaba Cloud AccessKey pair.
struct AliyunCredentials {
    std::string access_key_id, access_key_secret;
};

/// @brief RFC 3986 percent-encoding as Alibaba's RPC signature needs it (unreserved A-Z a-z 0-9
/// - _ . ~ kept; space -> %20; UTF-8 bytes as %XX upper-case).
std::string aliyun_percent_encode(std::string_view text);

/// @brief Base64(HMAC-SHA1(secret + "&", method + "&%2F&" + percentEncode(canonicalized query)))
/// over every parameter except "Signature", sorted by name.
std::string aliyun_rpc_signature(std::string_view method, std::map<std::string, std::string> const& params,
                                 std::string_view access_key_secret);

/// @brief The application/x-www-form-urlencoded body of a signed SendSms POST: Action=SendSms,
/// Version=2017-05-25, Format=JSON, RegionId=cn-hangzhou, AccessKeyId, SignatureMethod=HMAC-SHA1,
/// SignatureVersion=1.0, SignatureNonce=nonce, Timestamp (UTC, yyyy-MM-ddTHH:mm:ssZ from
/// unix_time), PhoneNumbers, SignName, TemplateCode, TemplateParam, OutId, and Signature (computed
/// for method "POST"). TemplateParam and OutId are optional in SendSms and left out when empty.
/// Parameters appear sorted by name, each name and value percent-encoded as the signature does.
std::string aliyun_send_sms_body(AliyunSmsRequest const& request, AliyunCredentials const& credentials,
                                 std::string const& nonce, std::int64_t unix_time);

/// @brief A form body (or query string) back to its parameters, percent-decoded ('+' as space).
/// Never throws; malformed escapes are kept literally. A name without '=' has an empty value;
/// empty pieces are skipped; of a repeated name the first occurrence is kept.
std::map<std::string, std::string> parse_form(std::string_view body);

/// @brief True when params carry a "Signature" equal to aliyun_rpc_signature("POST", params,
/// secret) (constant-time compare).
bool aliyun_signature_valid(std::map<std::string, std::string> const& params, std::string_view access_key_secret);

/// @brief SendSms's JSON answer: {"Code":"OK","Message":"OK","BizId":"...","RequestId":"..."}.
/// ok only when Code == "OK". Never throws: a body that is not such JSON gives ok=false, code
/// "malformed_answer".
struct AliyunSmsAnswer {
    bool ok = false;
    std::string code, message, biz_id;
};

/// @brief Reads SendSms's answer (see AliyunSmsAnswer). Message and BizId are empty when absent.
AliyunSmsAnswer parse_aliyun_sms_answer(std::string_view body);

}  // namespace hazeguard::engine
