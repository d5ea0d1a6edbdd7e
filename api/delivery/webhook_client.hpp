#pragma once
/// @file webhook_client.hpp
/// @brief Sends one webhook POST and waits for the status (Boost.Beast; HTTPS through Asio SSL
/// with OpenSSL, the peer's certificate verified against the system's CAs and the URL's host
/// name). Connect, write and read share one time limit. Never throws: a failure is a status of 0
/// with the reason.

#include <chrono>
#include <memory>
#include <string>

#include "engine/service/delivery/delivery_service.hpp"

namespace hazeguard::api {

struct WebhookClientOptions {
    std::chrono::seconds timeout{15};
    std::string ca_file;  ///< extra CA certificates (PEM) to trust, e.g. a test CA; empty: only the system's
};

service::WebhookResult send_webhook(service::WebhookRequest const& request, WebhookClientOptions const& options);

/// @brief One dispatcher's connection to one endpoint, kept open between requests (HTTP/1.1
/// keep-alive) and opened again when the server closes it or another endpoint is asked for; a
/// kept connection found closed is retried once on a new one. Not thread-safe: one per
/// dispatcher. Never throws from post().
class KeepAliveClient {
public:
    explicit KeepAliveClient(WebhookClientOptions options);
    ~KeepAliveClient();
    KeepAliveClient(KeepAliveClient const&) = delete;
    KeepAliveClient& operator=(KeepAliveClient const&) = delete;
    service::WebhookResult post(service::WebhookRequest const& request);

private:
    struct Connection;
    std::unique_ptr<Connection> connection_;
    WebhookClientOptions options_;
};

}  // namespace hazeguard::api
