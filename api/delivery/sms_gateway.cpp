#include "api/delivery/sms_gateway.hpp"

#include "engine/delivery/webhook_signature.hpp"
#include "engine/service/clock.hpp"

namespace hazeguard::api {

service::SmsResult send_sms(service::SmsMessage const& message, SmsGatewayOptions const& options,
                            KeepAliveClient& connection) {
    auto const code = options.templates.find(message.template_kind);
    if (code == options.templates.end())
        return {false, "", "no template configured for '" + message.template_kind + "' (serve --sms-template)"};
    engine::AliyunSmsRequest request{message.phone, options.sign_name, code->second, message.params.dump(),
                                     std::to_string(message.id)};
    std::string nonce;
    try {
        nonce = engine::new_message_id();
    } catch (std::exception const& e) {
        return {false, "", e.what()};
    }
    auto const body = engine::aliyun_send_sms_body(request, options.credentials, nonce, service::real_now());
    auto const answer = connection.post({options.url, body, {{"Content-Type", "application/x-www-form-urlencoded"}}});
    if (answer.status == 0) return {false, "", answer.error};
    auto const parsed = engine::parse_aliyun_sms_answer(answer.body);
    if (parsed.ok) return {true, parsed.biz_id, ""};
    return {false, "", "HTTP " + std::to_string(answer.status) + " " + parsed.code + (parsed.message.empty() ? "" : ": " + parsed.message)};
}

}  // namespace hazeguard::api
