#pragma once
/// @file loopback_server.hpp
/// @brief The listening half of the tests' fake HTTP peers (WebhookReceiver, FakeSmsGateway): a
/// socket on 127.0.0.1 and one thread that accepts one connection at a time, hands it to the
/// owner's handler (which reads and answers, blocking) and closes it. A client that stays silent
/// for 5 s is dropped, so it cannot hold the thread or the destructor.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

namespace hazeguard::test {

class LoopbackServer {
public:
    /// @brief Listens on 127.0.0.1:`port` (0: a port the system picks; see port()) and starts
    /// serving; `owner` names the peer in the error thrown when the port is taken.
    LoopbackServer(std::uint16_t port, std::string const& owner, std::function<void(int)> handle)
        : handle_(std::move(handle)) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int const yes = 1;
        ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof addr;
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 16) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &size) != 0) {
            ::close(fd_);
            throw std::runtime_error(owner + ": cannot listen on port " + std::to_string(port));
        }
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~LoopbackServer() {
        stopping_ = true;
        ::shutdown(fd_, SHUT_RDWR);
        ::close(fd_);
        thread_.join();
    }
    LoopbackServer(LoopbackServer const&) = delete;
    LoopbackServer& operator=(LoopbackServer const&) = delete;

    std::uint16_t port() const { return port_; }

private:
    void serve() {
        while (!stopping_) {
            int const c = ::accept(fd_, nullptr, nullptr);
            if (c < 0) continue;
            timeval const patience{5, 0};
            ::setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
            handle_(c);
            ::close(c);
        }
    }

    std::function<void(int)> handle_;
    int fd_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace hazeguard::test
