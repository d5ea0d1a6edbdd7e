#pragma once
/// @file route.hpp
/// @brief Matching "METHOD /v1/proposals/{id}/approve" patterns against a request target.

#include <array>
#include <cstdint>
#include <functional>  // std::less<>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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

/// @brief The key a route is filed under: its pattern's first two segments, or fewer if a
/// placeholder comes first ("/v1/orders/{id}/ack" → "v1/orders", "/episodes/{id}" → "episodes").
std::string route_key(std::string_view pattern);
/// @brief The keys a path may be filed under: its first 0, 1 and 2 segments, joined by '/'.
std::array<std::string, 3> path_keys(std::string_view path);

/// @brief A route table's routes filed by route_key(), so a lookup tries the few whose literal
/// start fits the path instead of every route of the table (about 300 with the console's).
template <class Handler>
class RouteIndex {
public:
    explicit RouteIndex(std::vector<Route<Handler>> const& routes) : routes_(routes) {
        for (std::size_t i = 0; i < routes.size(); ++i) buckets_[route_key(routes[i].pattern)].push_back(i);
    }
    RouteIndex(RouteIndex const&) = delete;
    RouteIndex& operator=(RouteIndex const&) = delete;

    /// @brief Calls `visit(route)` for each route that may match `path`, in table order, until it
    /// returns false.
    template <class Visit>
    void each_candidate(std::string_view path, Visit&& visit) const {
        auto const keys = path_keys(path);
        std::array<std::vector<std::size_t> const*, 3> lists{};
        std::array<std::size_t, 3> at{};
        for (std::size_t k = 0; k < keys.size(); ++k) {
            // A path of fewer segments has equal keys: file each list once.
            if (k > 0 && keys[k] == keys[k - 1]) continue;
            if (auto const it = buckets_.find(keys[k]); it != buckets_.end()) lists[k] = &it->second;
        }
        for (;;) {  // the lists merged in table order
            std::size_t best = keys.size();
            for (std::size_t k = 0; k < keys.size(); ++k)
                if (lists[k] && at[k] < lists[k]->size() &&
                    (best == keys.size() || (*lists[k])[at[k]] < (*lists[best])[at[best]]))
                    best = k;
            if (best == keys.size()) return;
            if (!visit(routes_[(*lists[best])[at[best]++]])) return;
        }
    }

private:
    std::vector<Route<Handler>> const& routes_;
    std::map<std::string, std::vector<std::size_t>, std::less<>> buckets_;
};

/// @brief The route for `method` and `t.path`: the first of the table that matches both; else
/// whether the path exists under other methods (405, with their list) or not at all (404).
template <class Handler>
Found<Handler> find_route(RouteIndex<Handler> const& index, std::string const& method, Target const& t) {
    Found<Handler> f;
    index.each_candidate(t.path, [&](Route<Handler> const& r) {
        RouteMatch m;
        if (!match_pattern(r.pattern, t.path, m)) return true;
        if (r.method == method) {
            m.params = t.query;
            f.route = &r;
            f.match = std::move(m);
            f.method_not_allowed = false;
            return false;
        }
        f.method_not_allowed = true;
        f.allow += (f.allow.empty() ? "" : ", ") + r.method;
        return true;
    });
    return f;
}

}  // namespace hazeguard::api
