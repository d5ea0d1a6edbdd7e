#pragma once
/// @file sms_gateway.hpp
/// @brief Sends one text message through Alibaba Cloud SMS (SendSms, RPC signature V1) and reads
/// its answer: accepted with the gateway's BizId, or refused with its code (docs/delivery.md
/// "SMS"). The POST goes out through the webhook client's kept-alive connection (HTTPS,
/// certificate verified). Never throws.

#include <map>
#include <string>

#include "api/delivery/webhook_client.hpp"
#include "engine/delivery/aliyun_sms.hpp"
#include "engine/service/delivery/sms_service.hpp"

namespace hazeguard::api {

struct SmsGatewayOptions {
    std::string url;                                ///< e.g. https://dysmsapi.aliyuncs.com/
    std::string sign_name;                          ///< the approved signature (签名)
    std::map<std::string, std::string> templates;   ///< kind (order, termination, cancellation, reminder) → template code
    engine::AliyunCredentials credentials;          ///< from HG_SMS_ACCESS_KEY_ID / HG_SMS_ACCESS_KEY_SECRET
    WebhookClientOptions http;
};

/// @brief Sends `message` on `connection` (one per dispatcher, kept open between messages).
service::SmsResult send_sms(service::SmsMessage const& message, SmsGatewayOptions const& options,
                            KeepAliveClient& connection);

}  // namespace hazeguard::api
