// Operations' routes: tokens, /metrics, and the public CAP feed.
#include "api/resources/resource_routes.hpp"

#include <memory>

#include "api/app/input.hpp"
#include "api/app/problem_response.hpp"
#include "api/app/public_alerts.hpp"
#include "api/app/query_params.hpp"
#include "api/resources/admin/token_json.hpp"
#include "api/resources/admin/token_requests.hpp"

namespace hazeguard::api::routes {
using service::Completion;
using service::Reply;

namespace {
/// The answer carries the token in clear, once; what the Idempotency-Key remembers (and a replay
/// answers) has `"token": null`: the clear token is never stored.
void issue_token(service::Service& s, Context const& c, Completion done) {
    auto request = read_token_request(body_of(c.request), s.plan());
    auto const bearer = std::make_shared<std::string>();  // set only when the job ran, not on a replay
    s.identity().issue_token(
        c.command(), std::move(request),
        {[&s, bearer](service::IssuedToken const& t) {
             *bearer = t.bearer_token;
             auto view = token_json(s.views(), t.sheet);
             view["token"] = nullptr;
             return Reply{201, view, "/v1/tokens/" + std::to_string(t.sheet.token.id)};
         },
         [bearer, done = std::move(done)](std::exception_ptr error, Reply reply) {
             if (!error && !bearer->empty()) reply.body["token"] = *bearer;
             done(error, std::move(reply));
         }});
}

void revoke_token(service::Service& s, Context const& c, Completion done) {
    read_no_fields(body_of(c.request));
    s.identity().revoke_token(c.command(), id(c),
                              {[&s](service::TokenSheet const& t) { return Reply{200, token_json(s.views(), t), ""}; },
                               std::move(done)});
}
}  // namespace

Table admin_routes(service::Service& s, RouteEnv const& env) {
    return {
        {"GET", "/v1/public/alerts", {kAnyone, now([&](Context const&) { return cap_feed_response(s.public_alerts(), s.plan(), env.public_url, s.now()); }), kDefaultBodyLimit, true}},
        {"GET", "/v1/public/alerts/{code}", {kAnyone, now([&](Context const& c) { return cap_alert_response(s.public_alerts(), c.match.code); }), kDefaultBodyLimit, true}},
        {"GET", "/metrics", {kStaff, now([&](Context const&) { return env.metrics(); })}},
        {"GET", "/v1/tokens", {kAdmin, now([&](Context const& c) { return json_response(200, tokens_json(s.views(), s.identity().tokens(flag(c.match, "all")))); })}},
        {"POST", "/v1/tokens", {kAdmin, after_commit([&](Context const& c, Completion done) { issue_token(s, c, std::move(done)); })}},
        {"GET", "/v1/tokens/{id}", {kAdmin, now([&](Context const& c) { return json_response(200, token_json(s.views(), s.identity().token(id(c)))); })}},
        {"POST", "/v1/tokens/{id}/revoke", {kAdmin, after_commit([&](Context const& c, Completion done) { revoke_token(s, c, std::move(done)); })}},
    };
}

}  // namespace hazeguard::api::routes
