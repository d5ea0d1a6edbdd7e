// Delivery's routes: subscriptions, the outbox's deliveries, text messages and the SMS gateway's
// pushes, notices, the roster of notice recipients.
#include "api/resources/resource_routes.hpp"

#include "api/app/problem_response.hpp"
#include "api/app/query_params.hpp"

namespace hazeguard::api::routes {
using nlohmann::json;
using service::Completion;

namespace {
/// The SMS gateway's pushes: the path's secret is the authority.
service::Command gateway_command(Context const& c, service::SmsService& sms) {
    if (!sms.inbound_token_valid(c.match.code))
        throw Problem(404, "/problems/not-found", "Not found", "no SMS gateway endpoint has this secret");
    service::Command cmd = c.command();
    cmd.principal = {"sms-gateway", "gateway", "", ""};
    return cmd;
}

}  // namespace

Table delivery_routes(service::Service& s) {
    return {
        {"POST", "/v1/inbound/sms/{code}/receipts", {kAnyone, after_commit([&](Context const& c, Completion done) { s.sms().receipts(gateway_command(c, s.sms()), body_of(c.request), std::move(done)); }), kDefaultBodyLimit, true}},
        {"POST", "/v1/inbound/sms/{code}/replies", {kAnyone, after_commit([&](Context const& c, Completion done) { s.sms().replies(gateway_command(c, s.sms()), body_of(c.request), std::move(done)); }), kDefaultBodyLimit, true}},
        {"POST", "/v1/subscriptions", {kSubscribers, after_commit([&](Context const& c, Completion done) { s.delivery().subscribe(c.command(), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/subscriptions", {kSubscribers, now([&](Context const& c) { return json_response(200, s.delivery().subscriptions(c.principal)); })}},
        {"PUT", "/v1/subscriptions/{id}", {kSubscribers, after_commit([&](Context const& c, Completion done) { s.delivery().update(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        {"DELETE", "/v1/subscriptions/{id}", {kSubscribers, after_commit([&](Context const& c, Completion done) { s.delivery().unsubscribe(c.command(), id(c), std::move(done)); })}},
        {"POST", "/v1/subscriptions/{id}/ping", {kSubscribers, after_commit([&](Context const& c, Completion done) { s.delivery().ping(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/deliveries", {kAdmin, now([&](Context const& c) { return json_response(200, s.delivery().deliveries(delivery_state(c.match))); })}},
        {"POST", "/v1/deliveries/{id}/retry", {kAdmin, after_commit([&](Context const& c, Completion done) { s.delivery().retry(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/sms", {kAdmin, now([&](Context const& c) { return json_response(200, s.sms().messages(sms_state(c.match))); })}},
        {"POST", "/v1/sms/{id}/retry", {kAdmin, after_commit([&](Context const& c, Completion done) { s.sms().retry(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/notices/{code}", {kStaff, now([&](Context const& c) { return json_response(200, s.delivery().notice(c.match.code)); })}},
        {"PUT", "/v1/roster", {kAdmin, after_commit([&](Context const& c, Completion done) { s.roster().import(c.command(), body_of(c.request), "api", std::move(done)); }), kRosterBodyLimit}},
        {"GET", "/v1/roster", {kStaff, now([&](Context const&) { return json_response(200, s.roster().current()); })}},
    };
}

}  // namespace hazeguard::api::routes
