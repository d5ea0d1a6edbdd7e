#pragma once
/// @file webhook_receiver.hpp
/// @brief A webhook receiver for the tests: listens on 127.0.0.1, reads each POST (head and a
/// Content-Length body), keeps it, answers 204 and closes. One thread, blocking sockets.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace hazeguard::test {

struct ReceivedWebhook {
    std::map<std::string, std::string> headers;  ///< names in lower case
    std::string body;
};

class WebhookReceiver {
public:
    explicit WebhookReceiver(std::uint16_t port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int const yes = 1;
        ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 16) != 0)
            throw std::runtime_error("WebhookReceiver: cannot listen on port " + std::to_string(port));
        thread_ = std::thread([this] { serve(); });
    }
    ~WebhookReceiver() {
        stopping_ = true;
        ::shutdown(fd_, SHUT_RDWR);
        ::close(fd_);
        thread_.join();
    }
    WebhookReceiver(WebhookReceiver const&) = delete;
    WebhookReceiver& operator=(WebhookReceiver const&) = delete;

    std::vector<ReceivedWebhook> received() const {
        std::lock_guard lock(mutex_);
        return received_;
    }

private:
    void serve() {
        while (!stopping_) {
            int const c = ::accept(fd_, nullptr, nullptr);
            if (c < 0) continue;
            handle(c);
            ::close(c);
        }
    }
    void handle(int c) {
        std::string data;
        char buf[4096];
        std::size_t head_end = std::string::npos;
        while ((head_end = data.find("\r\n\r\n")) == std::string::npos) {
            auto const n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0) return;
            data.append(buf, static_cast<std::size_t>(n));
        }
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
        std::size_t const length = w.headers.count("content-length") ? std::stoul(w.headers["content-length"]) : 0;
        w.body = data.substr(head_end + 4);
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

    int fd_ = -1;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
    mutable std::mutex mutex_;
    std::vector<ReceivedWebhook> received_;
};

}  // namespace hazeguard::test
