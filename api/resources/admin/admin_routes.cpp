// Operations' routes: tokens, /metrics, and the public CAP feed.
#include "api/resources/resource_routes.hpp"

#include "api/app/problem_response.hpp"
#include "api/app/public_alerts.hpp"
#include "api/app/query_params.hpp"

namespace hazeguard::api::routes {
using nlohmann::json;
using service::Completion;

namespace {
}  // namespace

Table admin_routes(service::Service& s, RouteEnv const& env) {
    return {
        {"GET", "/v1/public/alerts", {kAnyone, now([&](Context const&) { return cap_feed_response(s.public_alerts(), s.plan(), env.public_url, s.now()); }), kDefaultBodyLimit, true}},
        {"GET", "/v1/public/alerts/{code}", {kAnyone, now([&](Context const& c) { return cap_alert_response(s.public_alerts(), c.match.code); }), kDefaultBodyLimit, true}},
        {"GET", "/metrics", {kStaff, now([&](Context const&) { return env.metrics(); })}},
        {"GET", "/v1/tokens", {kAdmin, now([&](Context const& c) { return json_response(200, s.identity().tokens(flag(c.match, "all"))); })}},
        {"POST", "/v1/tokens", {kAdmin, after_commit([&](Context const& c, Completion done) { s.identity().issue_token(c.command(), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/tokens/{id}", {kAdmin, now([&](Context const& c) { return json_response(200, s.identity().token(id(c))); })}},
        {"POST", "/v1/tokens/{id}/revoke", {kAdmin, after_commit([&](Context const& c, Completion done) { s.identity().revoke_token(c.command(), id(c), body_of(c.request), std::move(done)); })}},
    };
}

}  // namespace hazeguard::api::routes
