#include "tests/support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace hazeguard::test {
namespace {

constexpr int receive_timeout_seconds = 10;

bool iequals(std::string const& a, std::string const& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string trim(std::string const& s) {
    auto const first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    auto const last = s.find_last_not_of(" \t");
    return s.substr(first, last - first + 1);
}

std::string errno_text() { return std::strerror(errno); }

/// Thrown when a reused keep-alive connection turns out to be closed before any response byte
/// arrived: the one case where resending the request on a new connection is safe.
struct StaleConnection : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace

std::optional<std::string> HttpResult::header(std::string const& name) const {
    for (auto const& [n, v] : headers)
        if (iequals(n, name)) return v;
    return std::nullopt;
}

void HttpClient::Connection::close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
    pending.clear();
}

HttpClient::HttpClient(std::uint16_t port, std::string host) : port_(port), host_(std::move(host)) {}

HttpClient::~HttpClient() {
    keep_alive_.close();
    raw_.close();
}

void HttpClient::connect(Connection& conn) {
    conn.close();
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port_);
    if (::inet_pton(AF_INET, host_.c_str(), &addr.sin_addr) != 1)
        throw std::runtime_error("HttpClient: not an IPv4 address: " + host_);
    int const fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error("HttpClient: socket: " + errno_text());
    timeval timeout{};
    timeout.tv_sec = receive_timeout_seconds;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    if (::connect(fd, reinterpret_cast<sockaddr const*>(&addr), sizeof addr) != 0) {
        std::string const reason = errno_text();
        ::close(fd);
        throw std::runtime_error("HttpClient: cannot connect to " + host_ + ":" + std::to_string(port_) + ": " +
                                 reason);
    }
    conn.fd = fd;
}

void HttpClient::send_all(Connection& conn, std::string const& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        // MSG_NOSIGNAL: a server that already closed must fail this call, not kill the test with SIGPIPE.
        auto const n = ::send(conn.fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("HttpClient: send: " + errno_text());
        }
        sent += static_cast<std::size_t>(n);
    }
}

bool HttpClient::fill(Connection& conn) {
    char buf[16 * 1024];
    for (;;) {
        auto const n = ::recv(conn.fd, buf, sizeof buf, 0);
        if (n > 0) {
            conn.pending.append(buf, static_cast<std::size_t>(n));
            return true;
        }
        if (n == 0) return false;
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            throw std::runtime_error("HttpClient: no response within " + std::to_string(receive_timeout_seconds) +
                                     " s");
        if (errno == ECONNRESET) return false;
        throw std::runtime_error("HttpClient: recv: " + errno_text());
    }
}

HttpResult HttpClient::read_one(Connection& conn, bool head) {
    if (conn.fd < 0) throw std::runtime_error("HttpClient: no open connection");
    std::size_t header_end;
    while ((header_end = conn.pending.find("\r\n\r\n")) == std::string::npos) {
        bool const nothing_yet = conn.pending.empty();
        if (!fill(conn)) {
            if (nothing_yet) throw StaleConnection("HttpClient: connection closed before a response");
            throw std::runtime_error("HttpClient: connection closed inside response headers");
        }
    }
    std::string const head_text = conn.pending.substr(0, header_end);
    conn.pending.erase(0, header_end + 4);

    HttpResult result;
    std::size_t line_end = head_text.find("\r\n");
    std::string const status_line = head_text.substr(0, line_end);
    // "HTTP/1.1 200 OK": the code is the three digits after the first space.
    auto const space = status_line.find(' ');
    if (status_line.rfind("HTTP/1.", 0) != 0 || space == std::string::npos || status_line.size() < space + 4)
        throw std::runtime_error("HttpClient: bad status line: " + status_line);
    result.status = std::stoi(status_line.substr(space + 1, 3));
    while (line_end != std::string::npos) {
        std::size_t const start = line_end + 2;
        line_end = head_text.find("\r\n", start);
        std::string const line = head_text.substr(start, line_end == std::string::npos ? std::string::npos
                                                                                        : line_end - start);
        auto const colon = line.find(':');
        if (colon == std::string::npos) throw std::runtime_error("HttpClient: bad header line: " + line);
        result.headers.emplace_back(line.substr(0, colon), trim(line.substr(colon + 1)));
    }

    bool const bodyless = head || result.status < 200 || result.status == 204 || result.status == 304;
    if (bodyless) return result;
    if (auto const length = result.header("Content-Length")) {
        auto const n = static_cast<std::size_t>(std::stoull(*length));
        while (conn.pending.size() < n)
            if (!fill(conn)) throw std::runtime_error("HttpClient: connection closed inside response body");
        result.body = conn.pending.substr(0, n);
        conn.pending.erase(0, n);
        return result;
    }
    if (auto const te = result.header("Transfer-Encoding"); te && te->find("chunked") != std::string::npos)
        throw std::runtime_error("HttpClient: chunked responses are not supported");
    // No framing: the body runs to the end of the connection.
    while (fill(conn)) {
    }
    result.body = std::move(conn.pending);
    conn.close();
    return result;
}

HttpResult HttpClient::request(std::string const& method, std::string const& target, std::string const& body,
                               std::vector<std::pair<std::string, std::string>> const& headers) {
    auto const has = [&](char const* name) {
        return std::any_of(headers.begin(), headers.end(), [&](auto const& h) { return iequals(h.first, name); });
    };
    std::string text = method + " " + target + " HTTP/1.1\r\n";
    if (!has("Host")) text += "Host: " + host_ + ":" + std::to_string(port_) + "\r\n";
    bool const wants_length = !body.empty() || method == "POST" || method == "PUT" || method == "PATCH";
    if (wants_length && !has("Content-Length")) text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    for (auto const& [name, value] : headers) text += name + ": " + value + "\r\n";
    text += "\r\n";
    text += body;

    bool const head = method == "HEAD";
    bool const reused = keep_alive_.fd >= 0;
    if (!reused) {
        connect(keep_alive_);
        ++connects_;
    }
    // A reused connection may have been closed by the server while idle (keep-alive timeout,
    // restart). Resending is safe only if it failed before any response byte came back.
    bool retry = false;
    HttpResult result;
    try {
        try {
            send_all(keep_alive_, text);
        } catch (std::runtime_error const&) {
            if (!reused) throw;
            retry = true;
        }
        if (!retry) {
            try {
                result = read_one(keep_alive_, head);
            } catch (StaleConnection const&) {
                if (!reused) throw;
                retry = true;
            }
        }
        if (retry) {
            connect(keep_alive_);
            ++connects_;
            send_all(keep_alive_, text);
            result = read_one(keep_alive_, head);
        }
    } catch (...) {
        keep_alive_.close();
        throw;
    }
    if (auto const connection = result.header("Connection"); connection && iequals(*connection, "close"))
        keep_alive_.close();
    return result;
}

HttpResult HttpClient::get(std::string const& target, std::vector<std::pair<std::string, std::string>> const& headers) {
    return request("GET", target, "", headers);
}

HttpResult HttpClient::post(std::string const& target, std::string const& body,
                            std::vector<std::pair<std::string, std::string>> const& headers) {
    return request("POST", target, body, headers);
}

void HttpClient::send_raw(std::string const& bytes) {
    connect(raw_);
    send_all(raw_, bytes);
}

void HttpClient::write_raw(std::string const& bytes) {
    if (raw_.fd < 0) throw std::runtime_error("HttpClient: write_raw without send_raw");
    send_all(raw_, bytes);
}

HttpResult HttpClient::read_response(bool head) { return read_one(raw_, head); }

HttpResult HttpClient::raw(std::string const& bytes) {
    send_raw(bytes);
    return read_response();
}

bool HttpClient::raw_closed_by_peer() {
    if (raw_.fd < 0) return true;
    try {
        while (fill(raw_)) raw_.pending.clear();
    } catch (std::runtime_error const&) {
        return false;  // still open when the receive timeout expired
    }
    raw_.close();
    return true;
}

}  // namespace hazeguard::test
