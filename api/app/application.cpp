#include "api/app/application.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <iostream>
#include <mutex>
#include <random>
#include <utility>
#include <vector>

#include "api/app/auth_throttle.hpp"
#include "api/app/problem_response.hpp"
#include "api/app/public_alerts.hpp"
#include "api/app/query_params.hpp"
#include "api/app/route.hpp"
#include "engine/service/input.hpp"
#include "engine/util/sha256.hpp"
#include "engine/util/untrusted_json.hpp"

namespace hazeguard::api {
using nlohmann::json;


namespace {

std::string new_request_id() {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 16; ++i) id.push_back(kHex[rng() % 16]);
    return id;
}

// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): an sf-string, quotes optional here.
std::optional<std::string> idempotency_key(Request const& r) {
    auto key = r.headers.get("Idempotency-Key");
    if (!key) return std::nullopt;
    std::string k = *key;
    if (k.size() >= 2 && k.front() == '"' && k.back() == '"') k = k.substr(1, k.size() - 2);
    if (k.empty() || k.size() > 255)
        throw Problem(400, "/problems/invalid-idempotency-key", "Invalid Idempotency-Key",
                      "the Idempotency-Key must be 1 to 255 characters");
    return k;
}

json body_of(Request const& r) {
    if (r.body.empty()) return json::object();
    auto const type = r.headers.get("Content-Type").value_or("");
    if (type.rfind("application/json", 0) != 0)
        throw Problem(415, "/problems/unsupported-media-type", "Unsupported media type",
                      "send the body as application/json");
    return service::parse_body(r.body);
}

Response reply(service::Reply const& r) {
    Response out = json_response(r.status, r.body);
    if (!r.location.empty()) out.headers.set("Location", r.location);
    return out;
}

/// A problem whose answer needs a header of its own (Allow on a 405, Retry-After on a 429).
struct HeaderedProblem : Problem {
    HeaderedProblem(Problem problem, std::vector<std::pair<std::string, std::string>> headers_)
        : Problem(std::move(problem)), headers(std::move(headers_)) {}
    std::vector<std::pair<std::string, std::string>> headers;
};

// Finishes one request: turns an exception into problem+json, adds X-Request-Id (and the Bearer
// challenge to a 401) and the labels of the access log, and hands the response to the server.
// Owns everything it needs, so a copy can answer later from the group-commit writer thread, after
// the Application is gone.
class Responder {
public:
    Responder(std::string request_id, std::string target, Respond respond)
        : request_id_(std::move(request_id)), target_(std::move(target)), respond_(std::move(respond)) {}

    void operator()(Response r) const { respond_(decorate(std::move(r))); }

    void fail(std::exception_ptr error) const { (*this)(to_response(error)); }

    /// The response as it leaves: the Bearer challenge, Retry-After, the request id, the labels.
    Response decorate(Response r) const {
        if (r.status == 401) r.headers.set("WWW-Authenticate", "Bearer realm=\"hazeguard\"");  // RFC 6750 §3
        if (r.status == 503 && !r.headers.get("Retry-After")) r.headers.set("Retry-After", "5");
        r.headers.set("X-Request-Id", request_id_);
        r.labels = labels_;
        return r;
    }

    Response to_response(std::exception_ptr error) const {
        try {
            std::rethrow_exception(error);
        } catch (HeaderedProblem const& p) {
            Response r = problem_response(p, request_id_, target_);
            for (auto const& [name, value] : p.headers) r.headers.set(name, value);
            return r;
        } catch (Problem const& p) {
            return problem_response(p, request_id_, target_);
        } catch (service::Error const& e) {
            return problem_response(problem_of(e), request_id_, target_);
        } catch (std::exception const& e) {
            return internal_error(e.what());
        } catch (...) {
            return internal_error("non-standard exception");
        }
    }

    std::string const& request_id() const { return request_id_; }
    ExchangeLabels& labels() { return labels_; }

    /// The completion of an asynchronous service command: its reply, or its problem.
    service::Completion completion() const {
        return [self = *this](std::exception_ptr error, service::Reply answer) {
            if (error) return self.fail(error);
            self(reply(answer));
        };
    }

private:
    Response internal_error(std::string const& what) const {
        std::cerr << engine::dump_for_client({{"level", "error"}, {"component", "api"}, {"request_id", request_id_}, {"msg", what}})
                  << std::endl;
        return problem_response(Problem(500, "/problems/internal-error", "Internal server error",
                                        "an unexpected error occurred; quote the request_id when reporting it"),
                                request_id_, target_);
    }

    std::string request_id_;
    std::string target_;
    Respond respond_;
    ExchangeLabels labels_;
};

struct Context {
    Request const& request;
    RouteMatch const& match;
    service::Principal principal;
    service::Command command() const {
        return {principal, idempotency_key(request),
                engine::sha256_hex(request.method + " " + match.path + "\n" + request.body)};
    }
};

/// A one-time link's acknowledgement: the link is the authority; Idempotency-Keys live per link.
service::Command link_command(Context const& c) {
    service::Command cmd = c.command();
    cmd.principal = {"link:" + c.match.code.substr(0, c.match.code.find('.')), "link", "", ""};
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

using Roles = std::vector<std::string>;
Roles const kAnyone{};
Roles const kStaff{"duty_officer", "approver", "department", "auditor", "admin"};
Roles const kOperators{"duty_officer", "admin"};
Roles const kDuty{"duty_officer"};
Roles const kApprover{"approver"};
Roles const kEnterprise{"enterprise"};
Roles const kAdmin{"admin"};
Roles const kSubscribers{"admin", "enterprise"};  ///< an enterprise: its own orders subscriptions only

void require(Roles const& roles, service::Principal const& p) {
    if (roles.empty() || std::find(roles.begin(), roles.end(), p.role) != roles.end()) return;
    std::string list;
    for (auto const& r : roles) list += (list.empty() ? "" : " or ") + r;
    throw Problem(403, "/problems/forbidden-role", "Forbidden", "role '" + p.role + "' may not do this; it needs " + list);
}

bool is_open_path(std::string const& path) {  // no token needed; read-only
    return path == "/healthz" || path == "/livez" || path == "/readyz" || path == "/openapi.json";
}

}  // namespace

struct Application::Routes {
    // A route answers through the Responder: now() wraps a read, which returns its response;
    // after_commit() wraps a write command, which validates, hands its job to the group committer
    // and returns: its Completion answers once the group is on disk. No write blocks an I/O thread.
    using Handler = std::function<void(Context const&, Responder const&)>;
    struct Spec {
        Roles roles;  ///< who may call it (empty: any authenticated principal); checked before the body is read
        Handler handler;
        std::size_t body_limit = kDefaultBodyLimit;
        bool open = false;  ///< public: no token (read-only routes)
    };
    template <class F>
    static Handler now(F f) {
        return [f](Context const& c, Responder const& respond) { respond(f(c)); };
    }
    template <class F>
    static Handler after_commit(F f) {
        return [f](Context const& c, Responder const& respond) { f(c, respond.completion()); };
    }

    /// A request that passed the gate: its route, what the route captured, who sent it.
    struct Passed {
        Route<Spec> const* route = nullptr;
        RouteMatch match;
        std::optional<service::Principal> principal;  ///< none on the open paths
    };

    service::Service& s;
    std::shared_ptr<Metrics> metrics = std::make_shared<Metrics>(HG_VERSION);
    LoadSource load;
    std::string public_url = "http://localhost";  ///< the server's address for the public (serve --public-url)
    AuthThrottle throttle;
    std::vector<Route<Spec>> list;

    explicit Routes(service::Service& service) : s(service) {
        static constexpr auto id = [](Context const& c) { return c.match.id; };
        using service::Completion;
        list = {
            {"GET", "/v1/links/{code}", {kAnyone, now([&](Context const& c) { return json_response(200, s.orders().order_by_link(c.match.code, s.now())); }), kDefaultBodyLimit, true}},
            {"POST", "/v1/links/{code}/ack", {kAnyone, after_commit([&](Context const& c, Completion done) { s.orders().acknowledge_by_link(link_command(c), c.match.code, body_of(c.request), std::move(done)); }), kDefaultBodyLimit, true}},
            {"GET", "/v1/public/alerts", {kAnyone, now([&](Context const&) { return cap_feed_response(s.public_alerts(), s.plan(), public_url, s.now()); }), kDefaultBodyLimit, true}},
            {"GET", "/v1/public/alerts/{code}", {kAnyone, now([&](Context const& c) { return cap_alert_response(s.public_alerts(), c.match.code); }), kDefaultBodyLimit, true}},
            {"GET", "/v1/status", {kAnyone, now([&](Context const&) { return json_response(200, s.episodes().status()); })}},
            {"GET", "/metrics", {kStaff, now([&](Context const&) { return metrics_response(); })}},
            {"POST", "/v1/forecasts", {kOperators, after_commit([&](Context const& c, Completion done) { s.forecasts().submit(c.command(), body_of(c.request), std::move(done)); })}},
            {"GET", "/v1/forecasts/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.forecasts().forecast(id(c))); })}},
            {"POST", "/v1/proposals", {kDuty, after_commit([&](Context const& c, Completion done) { s.proposals().create(c.command(), body_of(c.request), std::move(done)); })}},
            {"GET", "/v1/proposals", {kStaff, now([&](Context const& c) { return json_response(200, s.proposals().proposals(proposal_status(c.match))); })}},
            {"GET", "/v1/proposals/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.proposals().proposal(id(c))); })}},
            {"POST", "/v1/proposals/{id}/approve", {kApprover, after_commit([&](Context const& c, Completion done) { s.proposals().approve(c.command(), id(c), body_of(c.request), std::move(done)); })}},
            {"POST", "/v1/proposals/{id}/reject", {kApprover, after_commit([&](Context const& c, Completion done) { s.proposals().reject(c.command(), id(c), body_of(c.request), std::move(done)); })}},
            {"POST", "/v1/directives", {kOperators, after_commit([&](Context const& c, Completion done) { s.directives().create(c.command(), body_of(c.request), std::move(done)); })}},
            {"GET", "/v1/directives", {kStaff, now([&](Context const&) { return json_response(200, s.directives().directives()); })}},
            {"GET", "/v1/directives/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.directives().directive(id(c))); })}},
            {"POST", "/v1/directives/{id}/lift", {kOperators, after_commit([&](Context const& c, Completion done) { s.directives().lift(c.command(), id(c), body_of(c.request), std::move(done)); })}},
            {"GET", "/v1/episodes", {kStaff, now([&](Context const&) { return json_response(200, s.episodes().episodes()); })}},
            {"GET", "/v1/episodes/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.episodes().episode(id(c))); })}},
            {"GET", "/v1/episodes/{id}/progress", {kStaff, now([&](Context const& c) { return json_response(200, s.progress().episode_progress(id(c))); })}},
            {"GET", "/v1/episodes/{id}/orders", {kStaff, now([&](Context const& c) { return json_response(200, s.orders().episode_orders(id(c), order_filter(c.match), s.now())); })}},
            {"PUT", "/v1/enterprises", {kOperators, after_commit([&](Context const& c, Completion done) { s.lists().import_list(c.command(), c.request.body, list_format(c.request), c.match.query("dry_run") == "true", "api", std::move(done)); }), kListBodyLimit}},
            {"GET", "/v1/enterprises", {kStaff, now([&](Context const&) { return json_response(200, s.lists().current_list()); })}},
            {"GET", "/v1/enterprises/{code}", {kAnyone, now([&](Context const& c) { own_enterprise(c.principal, c.match.code); return json_response(200, s.lists().enterprise(c.match.code)); })}},
            {"GET", "/v1/me/orders", {kEnterprise, now([&](Context const& c) { return json_response(200, s.orders().my_orders(c.principal)); })}},
            {"GET", "/v1/orders/{id}", {kAnyone, now([&](Context const& c) { return json_response(200, s.orders().order(c.principal, id(c), c.match.query("text") != "false")); })}},
            {"POST", "/v1/orders/{id}/ack", {kEnterprise, after_commit([&](Context const& c, Completion done) { s.orders().acknowledge(c.command(), id(c), body_of(c.request), std::move(done)); })}},
            {"POST", "/v1/orders/{id}/execution", {kEnterprise, after_commit([&](Context const& c, Completion done) { s.orders().report_execution(c.command(), id(c), body_of(c.request), std::move(done)); })}},
            {"POST", "/v1/observations", {kOperators, after_commit([&](Context const& c, Completion done) { s.observations().record_observations(c.command(), body_of(c.request), std::move(done)); })}},
            {"GET", "/v1/observations", {kStaff, now([&](Context const& c) { auto const [from, to] = observation_range(c.match); return json_response(200, s.observations().observations(from, to)); })}},
            {"GET", "/v1/episodes/{id}/report", {kStaff, now([&](Context const& c) { return report_response(s.reports(), id(c), report_format(c.request, c.match)); })}},
            {"POST", "/v1/subscriptions", {kSubscribers, after_commit([&](Context const& c, Completion done) { s.delivery().subscribe(c.command(), body_of(c.request), std::move(done)); })}},
            {"GET", "/v1/subscriptions", {kSubscribers, now([&](Context const& c) { return json_response(200, s.delivery().subscriptions(c.principal)); })}},
            {"PUT", "/v1/subscriptions/{id}", {kSubscribers, after_commit([&](Context const& c, Completion done) { s.delivery().update(c.command(), id(c), body_of(c.request), std::move(done)); })}},
            {"DELETE", "/v1/subscriptions/{id}", {kSubscribers, after_commit([&](Context const& c, Completion done) { s.delivery().unsubscribe(c.command(), id(c), std::move(done)); })}},
            {"POST", "/v1/subscriptions/{id}/ping", {kSubscribers, after_commit([&](Context const& c, Completion done) { s.delivery().ping(c.command(), id(c), body_of(c.request), std::move(done)); })}},
            {"GET", "/v1/deliveries", {kAdmin, now([&](Context const& c) { return json_response(200, s.delivery().deliveries(delivery_state(c.match))); })}},
            {"POST", "/v1/deliveries/{id}/retry", {kAdmin, after_commit([&](Context const& c, Completion done) { s.delivery().retry(c.command(), id(c), body_of(c.request), std::move(done)); })}},
            {"GET", "/v1/tokens", {kAdmin, now([&](Context const& c) { return json_response(200, s.identity().tokens(flag(c.match, "all"))); })}},
            {"POST", "/v1/tokens", {kAdmin, after_commit([&](Context const& c, Completion done) { s.identity().issue_token(c.command(), body_of(c.request), std::move(done)); })}},
            {"GET", "/v1/tokens/{id}", {kAdmin, now([&](Context const& c) { return json_response(200, s.identity().token(id(c))); })}},
            {"POST", "/v1/tokens/{id}/revoke", {kAdmin, after_commit([&](Context const& c, Completion done) { s.identity().revoke_token(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        };
    }

    Response metrics_response() {
        MetricsSnapshot snapshot;
        if (load) std::tie(snapshot.connections, snapshot.body_bytes_in_flight) = load();
        auto const service_now = s.operations().snapshot();
        snapshot.timers_pending = service_now.timers_pending;
        snapshot.orders_by_status = service_now.orders_by_status;
        snapshot.storage_writable = s.operations().storage_writable();
        Response r;
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        r.body = metrics->scrape(snapshot);
        return r;
    }

    static HeaderedProblem method_not_allowed(RequestHead const& head, std::string const& path, std::string const& allow) {
        return {Problem(405, "/problems/method-not-allowed", "Method not allowed", head.method + " is not allowed on " + path),
                {{"Allow", allow}}};
    }

    /// Who is asking, from the Authorization header. A client address that has failed too often
    /// is told to wait (429) without a look at the database — unless its token is one already
    /// found valid, so a client behind the same address as an attacker goes on unhindered.
    service::Principal authenticate(RequestHead const& head) {
        auto const header = head.headers.get("Authorization");
        if (!header || header->rfind("Bearer ", 0) != 0)
            throw Problem(401, "/problems/unauthenticated", "Authentication required",
                          "send 'Authorization: Bearer <token>' (see README: demo tokens)");
        auto const token = header->substr(7);
        bool const counted = !head.peer.empty();  // requests not from a socket (tests) are not throttled
        if (int const wait = counted ? throttle.retry_after(head.peer) : 0; wait > 0) {
            if (auto known = s.identity().known_principal(token)) return *known;
            throw HeaderedProblem(Problem(429, "/problems/too-many-failed-authentications", "Too many failed authentications",
                                          "this address sent too many invalid tokens; wait before trying again"),
                                  {{"Retry-After", std::to_string(wait)}});
        }
        auto p = s.identity().authenticate(token);
        if (!p) {
            if (counted) throttle.failed(head.peer);
            throw Problem(401, "/problems/unauthenticated", "Authentication required", "the bearer token is not valid");
        }
        return *p;
    }

    /// Everything that can be decided from the request head: route, method, token, role. Fills
    /// `labels` as it learns them, so a refusal is logged with what was known.
    Passed gate(RequestHead const& head, ExchangeLabels& labels) {
        auto const target = split_target(head.target);
        if (is_open_path(target.path)) {
            labels.route = target.path;
            if (head.method != "GET") throw method_not_allowed(head, target.path, "GET");
            return {};
        }
        auto found = find_route(list, head.method, target);
        if (found.method_not_allowed) throw method_not_allowed(head, target.path, found.allow);
        if (!found.route) throw Problem(404, "/problems/not-found", "Not found", "no resource at " + target.path);
        labels.route = found.route->pattern;
        if (found.route->handler.open) return {found.route, std::move(found.match), std::nullopt};
        auto principal = authenticate(head);
        labels.principal = principal.name;
        require(found.route->handler.roles, principal);
        return {found.route, std::move(found.match), std::move(principal)};
    }

    Response open_path(std::string const& path) const {
        if (path == "/healthz" || path == "/livez") return json_response(200, {{"status", "ok"}});
        if (path == "/readyz") {
            bool const ok = s.operations().ready();
            json body{{"status", ok ? "ready" : "not ready"}, {"drill", s.drill()}};
            if (!s.operations().storage_writable()) body["reason"] = "the last write failed in storage (disk full or I/O error)";
            return json_response(ok ? 200 : 503, body);
        }
        Response r;
        r.body = std::string(openapi_document());
        return r;
    }

    void dispatch(Request const& request, Responder& respond) {
        auto const passed = gate(request, respond.labels());
        if (!passed.route) return respond(open_path(split_target(request.target).path));
        passed.route->handler.handler(Context{request, passed.match, passed.principal.value_or(service::Principal{})},
                                      respond);
    }
};

Application::Application(service::Service& service) : routes_(std::make_unique<Routes>(service)) {}

std::shared_ptr<Metrics> Application::metrics() { return routes_->metrics; }

Application::~Application() = default;

void Application::read_load_from(LoadSource source) { routes_->load = std::move(source); }

void Application::publish_at(std::string base_url) { routes_->public_url = std::move(base_url); }

Admission Application::admit(RequestHead const& head) {
    Responder responder(head.headers.get("X-Request-Id").value_or(new_request_id()), head.target, nullptr);
    try {
        auto const passed = routes_->gate(head, responder.labels());
        return {std::nullopt, passed.route ? passed.route->handler.body_limit : kDefaultBodyLimit};
    } catch (...) {
        return {responder.decorate(responder.to_response(std::current_exception())), 0};
    }
}

void Application::handle(Request request, Respond respond) {
    Responder responder(request.headers.get("X-Request-Id").value_or(new_request_id()), request.target,
                        std::move(respond));
    try {
        routes_->dispatch(request, responder);
    } catch (...) {  // thrown before the route answered: the gate, a read, a write's validation
        responder.fail(std::current_exception());
    }
}

}  // namespace hazeguard::api
