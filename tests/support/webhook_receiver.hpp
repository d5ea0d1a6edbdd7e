#pragma once
/// @file webhook_receiver.hpp
/// @brief A webhook receiver for the tests: listens on 127.0.0.1, reads each POST (head and a
/// Content-Length body), keeps it, answers 204 and closes. One thread, blocking sockets.

#include <sys/socket.h>

#include <cctype>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "tests/support/loopback_server.hpp"

namespace hazeguard::test {

struct ReceivedWebhook {
    std::map<std::string, std::string> headers;  ///< names in lower case
    std::string body;
};

/// @brief The request in `data` whose head ends at `head_end` (where its blank line starts): its
/// headers, names in lower case, and the part of its body already in `data`.
inline ReceivedWebhook parse_webhook_head(std::string const& data, std::size_t head_end) {
    ReceivedWebhook w;
    std::size_t pos = data.find("\r\n") + 2;
    while (pos < head_end) {
        auto const eol = data.find("\r\n", pos);
        auto const line = data.substr(pos, eol - pos);
        auto const colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            auto value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            w.headers[name] = value;
        }
        pos = eol + 2;
    }
    w.body = data.substr(head_end + 4);
    return w;
}

/// @brief The request's Content-Length (0 without one).
inline std::size_t body_length(ReceivedWebhook const& w) {
    auto const it = w.headers.find("content-length");
    return it == w.headers.end() ? 0 : std::stoul(it->second);
}

class WebhookReceiver {
public:
    /// @brief Listens on 127.0.0.1:`port` (0: a port the system picks; see port()).
    explicit WebhookReceiver(std::uint16_t port)
        : server_(port, "WebhookReceiver", [this](int c) { handle(c); }) {}
    std::uint16_t port() const { return server_.port(); }
    WebhookReceiver(WebhookReceiver const&) = delete;
    WebhookReceiver& operator=(WebhookReceiver const&) = delete;

    std::vector<ReceivedWebhook> received() const {
        std::lock_guard lock(mutex_);
        return received_;
    }

private:
    void handle(int c) {
        std::string data;
        char buf[4096];
        std::size_t head_end = std::string::npos;
        while ((head_end = data.find("\r\n\r\n")) == std::string::npos) {
            auto const n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0) return;
            data.append(buf, static_cast<std::size_t>(n));
        }
        ReceivedWebhook w = parse_webhook_head(data, head_end);
        std::size_t const length = body_length(w);
        while (w.body.size() < length) {
            auto const n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0) return;
            w.body.append(buf, static_cast<std::size_t>(n));
        }
        {
            std::lock_guard lock(mutex_);
            received_.push_back(std::move(w));
        }
        std::string const answer = "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        ::send(c, answer.data(), answer.size(), MSG_NOSIGNAL);
    }

    mutable std::mutex mutex_;
    std::vector<ReceivedWebhook> received_;
    LoopbackServer server_;  // last: its thread stops before the members it uses go
};

}  // namespace hazeguard::test
