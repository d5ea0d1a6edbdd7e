#pragma once
/// @file message.hpp
/// @brief Beast-free HTTP request/response values. Handlers, the router and their tests use only
/// these; api/server/ converts to and from Beast's types.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hazeguard::api {

/// @brief A header list; names compare case-insensitively (RFC 9110 §5.1).
class Headers {
public:
    void set(std::string name, std::string value);
    /// @brief The first value of a header, or nullopt.
    std::optional<std::string> get(std::string const& name) const;
    std::vector<std::pair<std::string, std::string>> const& all() const { return items_; }

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

/// @brief A request whose header has been read and whose body has not.
struct RequestHead {
    std::string method;   ///< "GET", "POST", ...
    std::string target;   ///< origin-form target incl. query, e.g. "/v1/episodes?limit=5"
    Headers headers;
    std::string peer;     ///< the client's IP address ("" when unknown, e.g. in tests)
};

/// @brief A complete HTTP request as the application sees it.
struct Request : RequestHead {
    std::string body;
    /// @brief The note its Admission carried (null when none): the server hands it back unread.
    std::shared_ptr<void const> admitted;
};

/// @brief What the access log and the metrics say of an exchange; never sent to the client.
struct ExchangeLabels {
    std::string route;      ///< the route template, e.g. "/v1/orders/{id}/ack"; "" when none matched
    std::string principal;  ///< the authenticated name; "" when none (never the token)
};

/// @brief A complete HTTP response.
struct Response {
    int status = 200;
    std::string content_type = "application/json";
    Headers headers;
    std::string body;
    ExchangeLabels labels;
};

/// @brief The application's verdict on a request head: a refusal, answered at once without
/// reading the body (the connection is then closed), or the largest body it will read.
struct Admission {
    std::optional<Response> refusal;
    std::size_t body_limit = 0;
    /// @brief The application's own note of what it found (route, principal), given back with
    /// the request as Request::admitted, so the Handler need not find it again; may be null.
    std::shared_ptr<void const> note;
};

/// @brief Delivers the response to a request; callable from any thread, now or later.
using Respond = std::function<void(Response)>;

/// @brief The application: one call per request, on an I/O thread. It answers by calling
/// `respond` exactly once — at once, or later from another thread (e.g. after a group commit) —
/// and must not block. Later calls are ignored; if it throws without having responded, the
/// server answers 500.
using Handler = std::function<void(Request, Respond)>;

/// @brief Called once a request's header is read, before any of its body: authentication, role
/// and route checks and the body limit apply here, so a client without a token cannot make the
/// server buffer a large body. Must not block or throw.
using Admit = std::function<Admission(RequestHead const&)>;

}  // namespace hazeguard::api
