#pragma once
/// @file http_server.hpp
/// @brief The HTTP/1.1 server (Boost.Beast). The only public face of api/server/: callers pass a
/// Beast-free Handler and never include Beast themselves.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "api/http/message.hpp"

namespace hazeguard::api {

/// @brief Listening and limits.
struct ServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8765;
    int threads = 2;                      ///< I/O threads on one io_context
    std::size_t body_limit = 256 * 1024;  ///< larger request bodies get 413 problem+json
    int read_timeout_seconds = 30;
    bool handle_signals = true;           ///< stop on SIGINT/SIGTERM (tests turn this off)
    /// per-route body limit (method, target) → bytes; when empty, body_limit applies to all
    std::function<std::size_t(std::string const&, std::string const&)> body_limit_for;
};

/// @brief Runs until stop() or SIGINT/SIGTERM.
class HttpServer {
public:
    HttpServer(ServerOptions options, Handler handler);
    ~HttpServer();
    HttpServer(HttpServer const&) = delete;
    HttpServer& operator=(HttpServer const&) = delete;

    /// @brief Binds, then serves on `threads` threads; returns after stop() or a signal.
    /// Throws std::runtime_error if the address cannot be bound.
    void run();
    /// @brief Thread-safe; makes run() return.
    void stop();
    /// @brief The bound port (useful when options.port was 0); valid once run() has bound.
    std::uint16_t port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hazeguard::api
