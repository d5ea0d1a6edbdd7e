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

/// @brief One answered request, as the access log and the metrics see it.
struct Exchange {
    std::string method;
    std::string target;
    std::string request_id;   ///< the response's X-Request-Id, if any
    ExchangeLabels labels;    ///< from the application; empty for answers the server made itself
    int status = 0;
    std::size_t bytes = 0;    ///< response body bytes
    double seconds = 0;       ///< from the first byte of the request to the response written
};

/// @brief Called after each response is written (on an I/O thread): must be quick and not throw.
using Observe = std::function<void(Exchange const&)>;

/// @brief Listening and limits.
struct ServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8765;
    int threads = 2;                      ///< I/O threads on one io_context
    std::size_t body_limit = 256 * 1024;  ///< without `admit`: larger request bodies get 413
    std::size_t max_connections = 1024;   ///< beyond it a new connection gets 503 and is closed
    /// Request bodies being read or handled, all connections together; beyond it 503.
    std::size_t max_body_bytes_in_flight = std::size_t{768} << 20;
    int read_timeout_seconds = 30;
    int drain_seconds = 10;               ///< on stop: how long requests in progress may take
    bool handle_signals = true;           ///< stop on SIGINT/SIGTERM (tests turn this off)
    Admit admit;                          ///< checks a request head before its body is read
    Observe observe;                      ///< sees every answered request
    /// Called once when a graceful stop begins, before the drain waits: the application answers
    /// the requests it holds (a long poll) so that they do not hold the stop up.
    std::function<void()> on_stop;
};

/// @brief What the server is holding now, for the metrics.
struct ServerLoad {
    std::size_t connections = 0;
    std::size_t body_bytes_in_flight = 0;
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
    /// @brief Thread-safe; makes run() return after a graceful stop: no new connections, idle
    /// ones closed, requests in progress answered (within drain_seconds), then return.
    void stop();
    ServerLoad load() const;
    /// @brief The bound port (useful when options.port was 0); valid once run() has bound.
    std::uint16_t port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hazeguard::api
