// RouteIndex: a lookup through the index finds what a scan of the whole table finds — the same
// route, the same 405 list in table order, the same captures — for every kind of path.
#include <catch2/catch.hpp>

#include "api/app/route.hpp"

namespace hazeguard::api::test {
namespace {

struct Spec {
    int n = 0;
};

/// The table scanned from first to last route, as find_route did before the index.
Found<Spec> scan(std::vector<Route<Spec>> const& routes, std::string const& method, Target const& t) {
    Found<Spec> f;
    for (auto const& r : routes) {
        RouteMatch m;
        if (!match_pattern(r.pattern, t.path, m)) continue;
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

std::vector<Route<Spec>> table() {
    std::vector<Route<Spec>> routes;
    int n = 0;
    for (auto const& [method, pattern] : std::vector<std::pair<char const*, char const*>>{
             {"GET", "/"},
             {"GET", "/v1/status"},
             {"POST", "/v1/orders/{id}/ack"},
             {"GET", "/v1/orders/{id}"},
             {"GET", "/v1/orders"},
             {"DELETE", "/v1/orders/{id}"},
             {"GET", "/v1/{id}"},
             {"GET", "/{code}"},
             {"GET", "/episodes/{id}"},
             {"POST", "/episodes/{id}"},
             {"GET", "/episodes"},
             {"GET", "/a/{code}/c"},
             {"PUT", "/{code}/orders"},
         })
        routes.push_back({method, pattern, Spec{++n}});
    return routes;
}

TEST_CASE("route keys stop at two segments or at the first placeholder", "[api][routing]") {
    CHECK(route_key("/v1/orders/{id}/ack") == "v1/orders");
    CHECK(route_key("/episodes/{id}") == "episodes");
    CHECK(route_key("/{code}/orders") == "");
    CHECK(route_key("/") == "");
    CHECK(path_keys("/v1/orders/5/ack") == std::array<std::string, 3>{"", "v1", "v1/orders"});
    CHECK(path_keys("//v1//orders") == std::array<std::string, 3>{"", "v1", "v1/orders"});
    CHECK(path_keys("/episodes") == std::array<std::string, 3>{"", "episodes", "episodes"});
}

TEST_CASE("a lookup through the index finds what a scan of the whole table finds", "[api][routing]") {
    auto const routes = table();
    RouteIndex<Spec> const index(routes);
    for (auto const* method : {"GET", "POST", "PUT", "DELETE", "PATCH"}) {
        for (auto const* path : {"/", "/v1/status", "/v1/orders/5/ack", "/v1/orders/5", "/v1/orders", "/v1//orders/7",
                                 "/v1/7", "/v1/x", "/v1", "/anything", "/episodes/3", "/episodes", "/episodes/x",
                                 "/a/b/c", "/a/b", "/x/orders", "/v1/orders/0/ack", "/v1/orders/5/ack/extra", ""}) {
            INFO(method << " " << path);
            Target const t{path, {{"q", "1"}}};
            auto const want = scan(routes, method, t);
            auto const got = find_route(index, method, t);
            REQUIRE(got.route == want.route);
            CHECK(got.method_not_allowed == want.method_not_allowed);
            CHECK(got.allow == want.allow);
            if (want.route) {
                CHECK(got.match.id == want.match.id);
                CHECK(got.match.code == want.match.code);
                CHECK(got.match.params == t.query);
            }
        }
    }
}

TEST_CASE("the index files every route so that each of its own paths finds it", "[api][routing]") {
    auto const routes = table();
    RouteIndex<Spec> const index(routes);
    CHECK(find_route(index, "POST", Target{"/v1/orders/12/ack", {}}).route->handler.n == 3);
    CHECK(find_route(index, "GET", Target{"/v1/orders/12", {}}).route->handler.n == 4);
    CHECK(find_route(index, "GET", Target{"/v1/12", {}}).route->handler.n == 7);
    CHECK(find_route(index, "GET", Target{"/zzz", {}}).route->handler.n == 8);
    CHECK(find_route(index, "PUT", Target{"/zzz/orders", {}}).route->handler.n == 13);
    auto const not_allowed = find_route(index, "PATCH", Target{"/episodes/4", {}});
    CHECK(not_allowed.route == nullptr);
    CHECK(not_allowed.allow == "GET, POST");
}

}  // namespace
}  // namespace hazeguard::api::test
