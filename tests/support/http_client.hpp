#pragma once
/// @file http_client.hpp
/// @brief A tiny blocking HTTP/1.1 client over POSIX sockets, for tests only. Deliberately free of
/// Beast and Boost so that it checks the server from the outside instead of sharing its parser.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hazeguard::test {

/// @brief One parsed response.
struct HttpResult {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  ///< in wire order
    std::string body;

    /// @brief The first value of a header (name compared case-insensitively), or nullopt.
    std::optional<std::string> header(std::string const& name) const;
};

/// @brief A blocking client for one server on 127.0.0.1 (or `host`, an IPv4 literal).
///
/// request()/get()/post() share one persistent keep-alive connection and reconnect transparently
/// when the server has closed it. send_raw()/read_response()/raw() use a second, separate
/// connection for hand-written bytes (malformed requests, pipelining). Every receive times out
/// after 10 s, so a misbehaving server fails a test instead of hanging it.
class HttpClient {
public:
    explicit HttpClient(std::uint16_t port, std::string host = "127.0.0.1");
    ~HttpClient();
    HttpClient(HttpClient const&) = delete;
    HttpClient& operator=(HttpClient const&) = delete;

    /// @brief Sends one request (adding Host and, for a body or POST/PUT/PATCH, Content-Length,
    /// unless given in `headers`) and reads its response. Throws std::runtime_error on connect
    /// failure, timeout or a response it cannot parse.
    HttpResult request(std::string const& method, std::string const& target, std::string const& body = "",
                       std::vector<std::pair<std::string, std::string>> const& headers = {});
    HttpResult get(std::string const& target, std::vector<std::pair<std::string, std::string>> const& headers = {});
    HttpResult post(std::string const& target, std::string const& body,
                    std::vector<std::pair<std::string, std::string>> const& headers = {});

    /// @brief Opens a fresh raw connection (closing the previous raw one) and writes `bytes` as is.
    void send_raw(std::string const& bytes);
    /// @brief Writes more bytes on the current raw connection.
    void write_raw(std::string const& bytes);
    /// @brief Reads the next response from the raw connection; pipelined responses come one per call.
    /// `head` says the request was HEAD, whose response has no body despite its Content-Length.
    HttpResult read_response(bool head = false);
    /// @brief send_raw() then read_response().
    HttpResult raw(std::string const& bytes);
    /// @brief Waits until the server closes the raw connection; true if it did (EOF or reset)
    /// before the receive timeout. Discards any bytes still arriving.
    bool raw_closed_by_peer();

    /// @brief How many connections request() has opened; 1 after many requests means keep-alive worked.
    std::size_t connects() const { return connects_; }

private:
    /// A socket plus the bytes received but not yet consumed (the start of a pipelined response).
    struct Connection {
        int fd = -1;
        std::string pending;
        void close();
    };

    void connect(Connection& conn);
    void send_all(Connection& conn, std::string const& bytes);
    HttpResult read_one(Connection& conn, bool head);
    /// Reads more bytes into conn.pending; false on EOF. Throws on timeout or error.
    bool fill(Connection& conn);

    std::uint16_t port_;
    std::string host_;
    Connection keep_alive_;
    Connection raw_;
    std::size_t connects_ = 0;
};

}  // namespace hazeguard::test
