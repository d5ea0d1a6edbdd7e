// The API's routes by resource. A handler reads what its route captured, calls one application
// service and answers: now() wraps a read, after_commit() a write whose Completion answers once
// its group is on disk.
#include "api/app/route_table.hpp"

#include <algorithm>

#include "api/app/problem_response.hpp"
#include "api/app/public_alerts.hpp"
#include "api/app/query_params.hpp"

namespace hazeguard::api {
using nlohmann::json;
using service::Completion;

namespace {

using Table = std::vector<Route<RouteSpec>>;

Roles const kAnyone{};
Roles const kStaff{"duty_officer", "approver", "department", "auditor", "admin"};
Roles const kOperators{"duty_officer", "admin"};
Roles const kDuty{"duty_officer"};
Roles const kApprover{"approver"};
Roles const kEnterprise{"enterprise"};
Roles const kAdmin{"admin"};
Roles const kSubscribers{"admin", "enterprise"};  ///< an enterprise: its own orders subscriptions only

template <class F>
RouteHandler now(F f) {
    return [f](Context const& c, Responder const& respond) { respond(f(c)); };
}
template <class F>
RouteHandler after_commit(F f) {
    return [f](Context const& c, Responder const& respond) { f(c, respond.completion()); };
}

std::int64_t id(Context const& c) { return c.match.id; }

/// The SMS gateway's pushes: the path's secret is the authority.
service::Command gateway_command(Context const& c, service::SmsService& sms) {
    if (!sms.inbound_token_valid(c.match.code))
        throw Problem(404, "/problems/not-found", "Not found", "no SMS gateway endpoint has this secret");
    service::Command cmd = c.command();
    cmd.principal = {"sms-gateway", "gateway", "", ""};
    return cmd;
}

void own_enterprise(service::Principal const& p, std::string const& code) {
    if (p.role == "enterprise" && p.enterprise_id != code)
        throw Problem(403, "/problems/forbidden-role", "Forbidden", "an enterprise token may only read its own entry");
}

std::string list_format(Request const& r) {
    auto const type = r.headers.get("Content-Type").value_or("");
    if (type.rfind("text/csv", 0) == 0) return "csv";
    if (type.rfind("application/json", 0) == 0) return "json";
    throw Problem(415, "/problems/unsupported-media-type", "Unsupported media type",
                  "send the list as application/json or text/csv");
}

Response html_response(std::string body) {
    Response out;
    out.status = 200;
    out.content_type = "text/html; charset=utf-8";
    out.body = std::move(body);
    return out;
}

Response report_response(service::ReportsService& reports, std::int64_t episode, std::string const& format) {
    if (format == "json") return json_response(200, reports.episode_report(episode));
    Response out;
    out.status = 200;
    if (format == "html") {
        out.content_type = "text/html; charset=utf-8";
        out.body = reports.episode_report_html(episode);
    } else {
        out.content_type = "text/csv; charset=utf-8";
        out.body = reports.episode_report_csv(episode);
        out.headers.set("Content-Disposition",
                        "attachment; filename=\"episode-" + std::to_string(episode) + "-orders.csv\"");
    }
    return out;
}

// --- the public: one-time links, the CAP feed, the SMS gateway's pushes ----------------------
Table public_routes(service::Service& s, RouteEnv const& env) {
    return {
        {"GET", "/v1/links/{code}", {kAnyone, now([&](Context const& c) { return json_response(200, s.orders().order_by_link(c.match.code, s.now())); }), kDefaultBodyLimit, true}},
        {"POST", "/v1/links/{code}/ack", {kAnyone, after_commit([&](Context const& c, Completion done) { s.orders().acknowledge_by_link(link_command(c), c.match.code, body_of(c.request), std::move(done)); }), kDefaultBodyLimit, true}},
        {"GET", "/v1/public/alerts", {kAnyone, now([&](Context const&) { return cap_feed_response(s.public_alerts(), s.plan(), env.public_url, s.now()); }), kDefaultBodyLimit, true}},
        {"GET", "/v1/public/alerts/{code}", {kAnyone, now([&](Context const& c) { return cap_alert_response(s.public_alerts(), c.match.code); }), kDefaultBodyLimit, true}},
        {"POST", "/v1/inbound/sms/{code}/receipts", {kAnyone, after_commit([&](Context const& c, Completion done) { s.sms().receipts(gateway_command(c, s.sms()), body_of(c.request), std::move(done)); }), kDefaultBodyLimit, true}},
        {"POST", "/v1/inbound/sms/{code}/replies", {kAnyone, after_commit([&](Context const& c, Completion done) { s.sms().replies(gateway_command(c, s.sms()), body_of(c.request), std::move(done)); }), kDefaultBodyLimit, true}},
    };
}

// --- the warning: forecasts, proposals, directives, episodes ---------------------------------
Table warning_routes(service::Service& s) {
    return {
        {"GET", "/v1/status", {kAnyone, now([&](Context const&) { return json_response(200, s.episodes().status()); })}},
        {"POST", "/v1/forecasts", {kOperators, after_commit([&](Context const& c, Completion done) { s.forecasts().submit(c.command(), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/forecasts/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.forecasts().forecast(id(c))); })}},
        {"POST", "/v1/proposals", {kDuty, after_commit([&](Context const& c, Completion done) { s.proposals().create(c.command(), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/proposals", {kStaff, now([&](Context const& c) { return json_response(200, s.proposals().proposals(proposal_status(c.match))); })}},
        {"GET", "/v1/proposals/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.proposals().proposal(id(c))); })}},
        {"GET", "/v1/proposals/{id}/notice.html", {kStaff, now([&](Context const& c) { return html_response(s.proposals().notice_html(id(c))); })}},
        {"POST", "/v1/proposals/{id}/approve", {kApprover, after_commit([&](Context const& c, Completion done) { s.proposals().approve(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        {"POST", "/v1/proposals/{id}/reject", {kApprover, after_commit([&](Context const& c, Completion done) { s.proposals().reject(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        {"POST", "/v1/directives", {kOperators, after_commit([&](Context const& c, Completion done) { s.directives().create(c.command(), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/directives", {kStaff, now([&](Context const&) { return json_response(200, s.directives().directives()); })}},
        {"GET", "/v1/directives/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.directives().directive(id(c))); })}},
        {"POST", "/v1/directives/{id}/lift", {kOperators, after_commit([&](Context const& c, Completion done) { s.directives().lift(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/episodes", {kStaff, now([&](Context const&) { return json_response(200, s.episodes().episodes()); })}},
        {"GET", "/v1/episodes/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.episodes().episode(id(c))); })}},
        {"GET", "/v1/episodes/{id}/progress", {kStaff, now([&](Context const& c) { return json_response(200, s.progress().episode_progress(id(c))); })}},
        {"GET", "/v1/episodes/{id}/report", {kStaff, now([&](Context const& c) { return report_response(s.reports(), id(c), report_format(c.request, c.match)); })}},
        {"POST", "/v1/observations", {kOperators, after_commit([&](Context const& c, Completion done) { s.observations().record_observations(c.command(), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/observations", {kStaff, now([&](Context const& c) { auto const [from, to] = observation_range(c.match); return json_response(200, s.observations().observations(from, to)); })}},
    };
}

// --- the list and the orders (一厂一策) ---------------------------------------------------------
Table order_routes(service::Service& s) {
    return {
        {"GET", "/v1/episodes/{id}/orders", {kStaff, now([&](Context const& c) { return json_response(200, s.orders().episode_orders(id(c), order_filter(c.match), s.now())); })}},
        {"PUT", "/v1/enterprises", {kOperators, after_commit([&](Context const& c, Completion done) { s.lists().import_list(c.command(), c.request.body, list_format(c.request), c.match.query("dry_run") == "true", "api", std::move(done)); }), kListBodyLimit}},
        {"GET", "/v1/enterprises", {kStaff, now([&](Context const&) { return json_response(200, s.lists().current_list()); })}},
        {"GET", "/v1/enterprises/{code}", {kAnyone, now([&](Context const& c) { own_enterprise(c.principal, c.match.code); return json_response(200, s.lists().enterprise(c.match.code)); })}},
        {"GET", "/v1/me/orders", {kEnterprise, now([&](Context const& c) { return json_response(200, s.orders().my_orders(c.principal)); })}},
        {"GET", "/v1/orders/{id}", {kAnyone, now([&](Context const& c) { return json_response(200, s.orders().order(c.principal, id(c), c.match.query("text") != "false")); })}},
        {"GET", "/v1/orders/{id}/order.html", {kAnyone, now([&](Context const& c) { return html_response(s.orders().order_html(c.principal, id(c))); })}},
        {"POST", "/v1/orders/{id}/ack", {kEnterprise, after_commit([&](Context const& c, Completion done) { s.orders().acknowledge(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        {"POST", "/v1/orders/{id}/execution", {kEnterprise, after_commit([&](Context const& c, Completion done) { s.orders().report_execution(c.command(), id(c), body_of(c.request), std::move(done)); })}},
    };
}

// --- delivery: subscriptions and the outbox's deliveries --------------------------------------
Table delivery_routes(service::Service& s) {
    return {
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

// --- operations: tokens, metrics ---------------------------------------------------------------
Table admin_routes(service::Service& s, RouteEnv const& env) {
    return {
        {"GET", "/metrics", {kStaff, now([&](Context const&) { return env.metrics(); })}},
        {"GET", "/v1/tokens", {kAdmin, now([&](Context const& c) { return json_response(200, s.identity().tokens(flag(c.match, "all"))); })}},
        {"POST", "/v1/tokens", {kAdmin, after_commit([&](Context const& c, Completion done) { s.identity().issue_token(c.command(), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/tokens/{id}", {kAdmin, now([&](Context const& c) { return json_response(200, s.identity().token(id(c))); })}},
        {"POST", "/v1/tokens/{id}/revoke", {kAdmin, after_commit([&](Context const& c, Completion done) { s.identity().revoke_token(c.command(), id(c), body_of(c.request), std::move(done)); })}},
    };
}

}  // namespace

service::Command link_command(Context const& c) {
    service::Command cmd = c.command();
    cmd.principal = {"link:" + c.match.code.substr(0, c.match.code.find('.')), "link", "", ""};
    return cmd;
}

void require(Roles const& roles, service::Principal const& p) {
    if (roles.empty() || std::find(roles.begin(), roles.end(), p.role) != roles.end()) return;
    std::string list;
    for (auto const& r : roles) list += (list.empty() ? "" : " or ") + r;
    throw Problem(403, "/problems/forbidden-role", "Forbidden", "role '" + p.role + "' may not do this; it needs " + list);
}

std::vector<Route<RouteSpec>> route_table(service::Service& s, RouteEnv const& env) {
    Table all;
    for (auto part : {public_routes(s, env), warning_routes(s), order_routes(s), delivery_routes(s), admin_routes(s, env)})
        for (auto& r : part) all.push_back(std::move(r));
    return all;
}

}  // namespace hazeguard::api
