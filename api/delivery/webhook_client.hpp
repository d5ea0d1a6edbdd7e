#pragma once
/// @file webhook_client.hpp
/// @brief Sends one webhook POST and waits for the status (Boost.Beast; HTTPS through Asio SSL
/// with OpenSSL, the peer's certificate verified against the system's CAs and the URL's host
/// name). Connect, write and read share one time limit. Never throws: a failure is a status of 0
/// with the reason.

#include <chrono>
#include <string>

#include "engine/service/delivery/delivery_service.hpp"

namespace hazeguard::api {

struct WebhookClientOptions {
    std::chrono::seconds timeout{15};
    std::string ca_file;  ///< extra CA certificates (PEM) to trust, e.g. a test CA; empty: only the system's
};

service::WebhookResult send_webhook(service::WebhookRequest const& request, WebhookClientOptions const& options);

}  // namespace hazeguard::api
