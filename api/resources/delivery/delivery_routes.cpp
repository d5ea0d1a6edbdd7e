// Delivery's routes: subscriptions, the outbox's deliveries, text messages and the SMS gateway's
// pushes, notices, the roster of notice recipients.
#include "api/resources/resource_routes.hpp"

#include "api/app/input.hpp"
#include "api/app/problem_response.hpp"
#include "api/app/query_params.hpp"
#include "api/resources/delivery/delivery_json.hpp"
#include "api/resources/delivery/delivery_requests.hpp"

namespace hazeguard::api::routes {
using nlohmann::json;
using service::Completion;
using service::Reply;

namespace {
/// The SMS gateway's pushes: the path's secret is the authority.
service::Command gateway_command(Context const& c, service::SmsService& sms) {
    if (!sms.inbound_token_valid(c.match.code))
        throw Problem(404, "/problems/not-found", "Not found", "no SMS gateway endpoint has this secret");
    service::Command cmd = c.command();
    cmd.principal = {"sms-gateway", "gateway", "", ""};
    return cmd;
}

void receipts(service::Service& s, Context const& c, Completion done) {
    auto const body = body_of(c.request);
    auto cmd = gateway_command(c, s.sms());
    s.sms().receipts(std::move(cmd), read_sms_receipts(body),
                     {[](service::SettledReceipts const& r) { return Reply{200, receipts_json(r), ""}; }, std::move(done)});
}

void replies(service::Service& s, Context const& c, Completion done) {
    auto const body = body_of(c.request);
    auto cmd = gateway_command(c, s.sms());
    s.sms().replies(std::move(cmd), read_sms_replies(body),
                    {[](std::vector<service::ReplyOutcome> const& r) { return Reply{200, replies_json(r), ""}; },
                     std::move(done)});
}

void subscribe(service::Service& s, Context const& c, Completion done) {
    auto request = read_subscription(body_of(c.request), c.principal, s.plan());
    s.delivery().subscribe(c.command(), std::move(request),
                           {[&s](ports::SubscriptionRecord const& r) {
                                return Reply{201, new_subscription_json(s.views(), r), "/v1/subscriptions/" + std::to_string(r.id)};
                            },
                            std::move(done)});
}

void update(service::Service& s, Context const& c, Completion done) {
    auto change = read_subscription_change(body_of(c.request), s.plan());
    s.delivery().update(c.command(), id(c), std::move(change),
                        {[&s](ports::SubscriptionRecord const& r) { return Reply{200, subscription_json(s.views(), r), ""}; },
                         std::move(done)});
}

void ping(service::Service& s, Context const& c, Completion done) {
    read_no_fields(body_of(c.request));
    s.delivery().ping(c.command(), id(c), {[](service::QueuedPing const& p) { return Reply{202, ping_json(p), ""}; }, std::move(done)});
}

void retry_delivery(service::Service& s, Context const& c, Completion done) {
    read_no_fields(body_of(c.request));
    s.delivery().retry(c.command(), id(c),
                       {[&s](ports::DeliveryRecord const& d) { return Reply{200, delivery_json(s.views(), d), ""}; }, std::move(done)});
}

void retry_sms(service::Service& s, Context const& c, Completion done) {
    read_no_fields(body_of(c.request));
    s.sms().retry(c.command(), id(c),
                  {[&s](ports::SmsRecord const& m) { return Reply{200, sms_json(s.views(), m), ""}; }, std::move(done)});
}

void import_roster(service::Service& s, Context const& c, Completion done) {
    auto roster = read_roster(body_of(c.request), s.plan());
    s.roster().import(c.command(), std::move(roster), "api",
                      {[&s](service::RosterSheet const& r) {
                           return r.unchanged ? Reply{200, roster_json(s.views(), r), ""}
                                              : Reply{201, roster_json(s.views(), r), "/v1/roster"};
                       },
                       std::move(done)});
}

}  // namespace

Table delivery_routes(service::Service& s) {
    return {
        {"POST", "/v1/inbound/sms/{code}/receipts", {kAnyone, after_commit([&](Context const& c, Completion done) { receipts(s, c, std::move(done)); }), kDefaultBodyLimit, true}},
        {"POST", "/v1/inbound/sms/{code}/replies", {kAnyone, after_commit([&](Context const& c, Completion done) { replies(s, c, std::move(done)); }), kDefaultBodyLimit, true}},
        {"POST", "/v1/subscriptions", {kSubscribers, after_commit([&](Context const& c, Completion done) { subscribe(s, c, std::move(done)); })}},
        {"GET", "/v1/subscriptions", {kSubscribers, now([&](Context const& c) { return json_response(200, subscriptions_json(s.views(), s.delivery().subscriptions(c.principal))); })}},
        {"PUT", "/v1/subscriptions/{id}", {kSubscribers, after_commit([&](Context const& c, Completion done) { update(s, c, std::move(done)); })}},
        {"DELETE", "/v1/subscriptions/{id}", {kSubscribers, after_commit([&](Context const& c, Completion done) {
             s.delivery().unsubscribe(c.command(), id(c), {[](service::RemovedSubscription const& r) { return Reply{200, removed_subscription_json(r), ""}; }, std::move(done)});
         })}},
        {"POST", "/v1/subscriptions/{id}/ping", {kSubscribers, after_commit([&](Context const& c, Completion done) { ping(s, c, std::move(done)); })}},
        {"GET", "/v1/deliveries", {kAdmin, now([&](Context const& c) { return json_response(200, deliveries_json(s.views(), s.delivery().deliveries(delivery_state(c.match)))); })}},
        {"POST", "/v1/deliveries/{id}/retry", {kAdmin, after_commit([&](Context const& c, Completion done) { retry_delivery(s, c, std::move(done)); })}},
        {"GET", "/v1/sms", {kAdmin, now([&](Context const& c) { return json_response(200, sms_list_json(s.views(), s.sms().messages(sms_state(c.match)))); })}},
        {"POST", "/v1/sms/{id}/retry", {kAdmin, after_commit([&](Context const& c, Completion done) { retry_sms(s, c, std::move(done)); })}},
        {"GET", "/v1/notices/{code}", {kStaff, now([&](Context const& c) { return json_response(200, notice_json(s.views(), s.delivery().notice(c.match.code))); })}},
        {"PUT", "/v1/roster", {kAdmin, after_commit([&](Context const& c, Completion done) { import_roster(s, c, std::move(done)); }), kRosterBodyLimit}},
        {"GET", "/v1/roster", {kStaff, now([&](Context const&) { return json_response(200, roster_json(s.views(), s.roster().current())); })}},
    };
}

}  // namespace hazeguard::api::routes
