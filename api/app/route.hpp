#pragma once
/// @file route.hpp
/// @brief Matching "METHOD /v1/proposals/{id}/approve" patterns against a request target.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/app/problem.hpp"

namespace hazeguard::api {

/// @brief A target split into its path and decoded query parameters.
struct Target {
    std::string path;
    std::vector<std::pair<std::string, std::string>> query;
};

Target split_target(std::string const& target);

/// @brief `s` percent-encoded for a query string or a form body (RFC 3986 unreserved kept):
/// what split_target and form reading decode.
std::string percent_encode(std::string const& s);

/// @brief What a matched route captured.
struct RouteMatch {
    std::string path;
    std::int64_t id = 0;   ///< the {id} segment, when the pattern has one
    std::string code;      ///< the {code} segment (any non-empty text), when the pattern has one
    std::vector<std::pair<std::string, std::string>> params;
    std::optional<std::string> query(std::string const& name) const {
        for (auto const& [k, v] : params)
            if (k == name) return v;
        return std::nullopt;
    }
};

template <class Handler>
struct Route {
    std::string method;
    std::string pattern;
    Handler handler;
};

/// @brief Matches a path against a pattern; `{id}` must be a positive integer (else 404), `{code}`
/// is any segment.
bool match_pattern(std::string const& pattern, std::string const& path, RouteMatch& out);

template <class Handler>
struct Found {
    Route<Handler> const* route = nullptr;
    RouteMatch match;
    bool method_not_allowed = false;
    std::string allow;
};

template <class Handler>
Found<Handler> find_route(std::vector<Route<Handler>> const& routes, std::string const& method, Target const& t) {
    Found<Handler> f;
    for (auto const& r : routes) {
        RouteMatch m;
        if (!match_pattern(r.pattern, t.path, m)) continue;
        m.params = t.query;
        if (r.method == method) {
            f.route = &r;
            f.match = m;
            f.method_not_allowed = false;
            return f;
        }
        f.method_not_allowed = true;
        f.allow += (f.allow.empty() ? "" : ", ") + r.method;
    }
    return f;
}

}  // namespace hazeguard::api
