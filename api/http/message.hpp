#pragma once
/// @file message.hpp
/// @brief Beast-free HTTP request/response values. Handlers, the router and their tests use only
/// these; api/server/ converts to and from Beast's types.

#include <functional>
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

/// @brief A complete HTTP request as the application sees it.
struct Request {
    std::string method;   ///< "GET", "POST", ...
    std::string target;   ///< origin-form target incl. query, e.g. "/v1/episodes?limit=5"
    Headers headers;
    std::string body;
};

/// @brief A complete HTTP response.
struct Response {
    int status = 200;
    std::string content_type = "application/json";
    Headers headers;
    std::string body;
};

/// @brief Delivers the response to a request; callable from any thread, now or later.
using Respond = std::function<void(Response)>;

/// @brief The application: one call per request, on an I/O thread. It answers by calling
/// `respond` exactly once — at once, or later from another thread (e.g. after a group commit) —
/// and must not block. Later calls are ignored; if it throws without having responded, the
/// server answers 500.
using Handler = std::function<void(Request, Respond)>;

}  // namespace hazeguard::api
