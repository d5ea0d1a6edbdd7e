#include "api/app/application.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <iostream>
#include <random>
#include <utility>
#include <vector>

#include "api/app/problem_response.hpp"
#include "api/app/route.hpp"
#include "engine/service/input.hpp"
#include "engine/time/timestamp.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::api {
using nlohmann::json;
using service::Problem;

namespace {

std::string new_request_id() {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 16; ++i) id.push_back(kHex[rng() % 16]);
    return id;
}

service::Principal authenticate(service::Service& s, Request const& r) {
    auto const header = r.headers.get("Authorization");
    if (!header || header->rfind("Bearer ", 0) != 0)
        throw Problem(401, "/problems/unauthenticated", "Authentication required",
                      "send 'Authorization: Bearer <token>' (see README: demo tokens)");
    auto p = s.authenticate(header->substr(7));
    if (!p) throw Problem(401, "/problems/unauthenticated", "Authentication required", "the bearer token is not valid");
    return *p;
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

// Finishes one request: turns an exception into problem+json, adds X-Request-Id (and the Bearer
// challenge to a 401) and hands the response to the server. Owns everything it needs, so a copy
// can answer later from the group-commit writer thread, after the Application is gone.
class Responder {
public:
    Responder(std::string request_id, std::string target, Respond respond)
        : request_id_(std::move(request_id)), target_(std::move(target)), respond_(std::move(respond)) {}

    void operator()(Response r) const {
        if (r.status == 401) r.headers.set("WWW-Authenticate", "Bearer realm=\"hazeguard\"");  // RFC 6750 §3
        r.headers.set("X-Request-Id", request_id_);
        respond_(std::move(r));
    }

    void fail(std::exception_ptr error) const {
        Response r;
        try {
            std::rethrow_exception(error);
        } catch (Problem const& p) {
            r = problem_response(p, request_id_, target_);
        } catch (std::exception const& e) {
            r = internal_error(e.what());
        } catch (...) {
            r = internal_error("non-standard exception");
        }
        (*this)(std::move(r));
    }

    std::string const& request_id() const { return request_id_; }

    /// The completion of an asynchronous service command: its reply, or its problem.
    service::Completion completion() const {
        return [self = *this](std::exception_ptr error, service::Reply answer) {
            if (error) return self.fail(error);
            self(reply(answer));
        };
    }

private:
    Response internal_error(std::string const& what) const {
        std::cerr << json{{"level", "error"}, {"component", "api"}, {"request_id", request_id_}, {"msg", what}}.dump()
                  << std::endl;
        return problem_response(Problem(500, "/problems/internal-error", "Internal server error",
                                        "an unexpected error occurred; quote the request_id when reporting it"),
                                request_id_, target_);
    }

    std::string request_id_;
    std::string target_;
    Respond respond_;
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

void deny_enterprise(service::Principal const& p) {
    if (p.role == "enterprise")
        throw Problem(403, "/problems/forbidden-role", "Forbidden", "enterprise tokens may only read their own orders and the status");
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

std::optional<std::string> proposal_status(RouteMatch const& m) {
    auto status = m.query("status");
    if (status && *status != "pending" && *status != "approved" && *status != "rejected")
        throw Problem(400, "/problems/invalid-query", "Invalid query parameter", "status must be pending, approved or rejected",
                      {{"/query/status", "must be pending, approved or rejected"}});
    return status;
}

service::OrderFilter order_filter(RouteMatch const& m) {
    service::OrderFilter f;
    std::vector<service::FieldError> errors;
    f.status = m.query("status");
    if (f.status && *f.status != "sent" && *f.status != "acknowledged" && *f.status != "executed")
        errors.push_back({"/query/status", "must be sent, acknowledged or executed"});
    f.overdue = m.query("overdue");
    if (f.overdue && *f.overdue != "ack" && *f.overdue != "execution")
        errors.push_back({"/query/overdue", "must be ack or execution"});
    f.district = m.query("district");
    f.industry = m.query("industry");
    f.grade = m.query("grade");
    auto number = [&](char const* name, std::int64_t min, std::int64_t max) -> std::optional<std::int64_t> {
        auto v = m.query(name);
        if (!v) return std::nullopt;
        try {
            std::size_t used = 0;
            auto const n = std::stoll(*v, &used);
            if (used == v->size() && n >= min && n <= max) return n;
        } catch (std::exception const&) {
        }
        errors.push_back({std::string("/query/") + name, "must be an integer from " + std::to_string(min) + " to " +
                                                             std::to_string(max)});
        return std::nullopt;
    };
    f.batch = number("batch", 1, INT64_MAX);
    f.after = number("cursor", 0, INT64_MAX).value_or(0);
    f.limit = static_cast<int>(number("limit", 1, 1000).value_or(100));
    if (!errors.empty()) throw Problem(400, "/problems/invalid-query", "Invalid query parameter", errors.front().message, errors);
    return f;
}


// [from, to) of GET /v1/observations: RFC 3339 instants, at most 92 days apart.
std::pair<engine::Instant, engine::Instant> observation_range(RouteMatch const& m) {
    constexpr engine::Instant kMaxRange = 92 * engine::kDay;
    std::vector<service::FieldError> errors;
    auto instant = [&](char const* name) -> std::optional<engine::Instant> {
        auto v = m.query(name);
        if (!v) {
            errors.push_back({std::string("/query/") + name, "is required: an RFC 3339 date-time with offset"});
            return std::nullopt;
        }
        std::replace(v->begin(), v->end(), ' ', '+');  // an unescaped "+08:00" arrives as " 08:00"
        auto const t = engine::parse_rfc3339(*v);
        if (!t) errors.push_back({std::string("/query/") + name, "must be an RFC 3339 date-time with offset"});
        return t;
    };
    auto const from = instant("from");
    auto const to = instant("to");
    if (from && to && (*to <= *from || *to - *from > kMaxRange))
        errors.push_back({"/query/to", "must be after from, at most 92 days later"});
    if (!errors.empty()) throw Problem(400, "/problems/invalid-query", "Invalid query parameter", errors.front().message, errors);
    return {*from, *to};
}

// ?NAME=true or ?NAME=false; absent is false.
bool flag(RouteMatch const& m, char const* name) {
    auto const v = m.query(name);
    if (v && *v != "true" && *v != "false")
        throw Problem(400, "/problems/invalid-query", "Invalid query parameter", std::string(name) + " must be true or false",
                      {{std::string("/query/") + name, "must be true or false"}});
    return v == "true";
}

// json, html or csv: ?format= first, else the Accept header, else json.
std::string report_format(Request const& r, RouteMatch const& m) {
    if (auto const f = m.query("format")) {
        if (*f == "json" || *f == "html" || *f == "csv") return *f;
        throw Problem(400, "/problems/invalid-query", "Invalid query parameter", "format must be json, html or csv",
                      {{"/query/format", "must be json, html or csv"}});
    }
    auto const accept = r.headers.get("Accept").value_or("");
    if (accept.find("text/html") != std::string::npos) return "html";
    if (accept.find("text/csv") != std::string::npos) return "csv";
    return "json";
}

Response report_response(service::Service& s, std::int64_t episode, std::string const& format) {
    if (format == "json") return json_response(200, s.episode_report(episode));
    Response out;
    out.status = 200;
    if (format == "html") {
        out.content_type = "text/html; charset=utf-8";
        out.body = s.episode_report_html(episode);
    } else {
        out.content_type = "text/csv; charset=utf-8";
        out.body = s.episode_report_csv(episode);
        out.headers.set("Content-Disposition",
                        "attachment; filename=\"episode-" + std::to_string(episode) + "-orders.csv\"");
    }
    return out;
}
}  // namespace

struct Application::Routes {
    // A route answers through the Responder: now() wraps a read, which returns its response;
    // after_commit() wraps a write command, which validates, hands its job to the group committer
    // and returns: its Completion answers once the group is on disk. No write blocks an I/O thread.
    using RouteHandler = std::function<void(Context const&, Responder const&)>;
    template <class F>
    static RouteHandler now(F f) {
        return [f](Context const& c, Responder const& respond) { respond(f(c)); };
    }
    template <class F>
    static RouteHandler after_commit(F f) {
        return [f](Context const& c, Responder const& respond) { f(c, respond.completion()); };
    }

    service::Service& s;
    std::vector<Route<RouteHandler>> list;

    explicit Routes(service::Service& service) : s(service) {
        static constexpr auto id = [](Context const& c) { return c.match.id; };
        list = {
            {"GET", "/v1/status", now([&](Context const&) { return json_response(200, s.status()); })},
            {"POST", "/v1/forecasts", after_commit([&](Context const& c, service::Completion done) { deny_enterprise(c.principal); s.submit_forecast(c.command(), body_of(c.request), std::move(done)); })},
            {"GET", "/v1/forecasts/{id}", now([&](Context const& c) { deny_enterprise(c.principal); return json_response(200, s.forecast(id(c))); })},
            {"POST", "/v1/proposals", after_commit([&](Context const& c, service::Completion done) { s.create_proposal(c.command(), body_of(c.request), std::move(done)); })},
            {"GET", "/v1/proposals", now([&](Context const& c) { deny_enterprise(c.principal); return json_response(200, s.proposals(proposal_status(c.match))); })},
            {"GET", "/v1/proposals/{id}", now([&](Context const& c) { deny_enterprise(c.principal); return json_response(200, s.proposal(id(c))); })},
            {"POST", "/v1/proposals/{id}/approve", after_commit([&](Context const& c, service::Completion done) { s.approve_proposal(c.command(), id(c), body_of(c.request), std::move(done)); })},
            {"POST", "/v1/proposals/{id}/reject", after_commit([&](Context const& c, service::Completion done) { s.reject_proposal(c.command(), id(c), body_of(c.request), std::move(done)); })},
            {"POST", "/v1/directives", after_commit([&](Context const& c, service::Completion done) { s.create_directive(c.command(), body_of(c.request), std::move(done)); })},
            {"GET", "/v1/directives", now([&](Context const& c) { deny_enterprise(c.principal); return json_response(200, s.directives()); })},
            {"GET", "/v1/directives/{id}", now([&](Context const& c) { deny_enterprise(c.principal); return json_response(200, s.directive(id(c))); })},
            {"POST", "/v1/directives/{id}/lift", after_commit([&](Context const& c, service::Completion done) { s.lift_directive(c.command(), id(c), body_of(c.request), std::move(done)); })},
            {"GET", "/v1/episodes", now([&](Context const& c) { deny_enterprise(c.principal); return json_response(200, s.episodes()); })},
            {"GET", "/v1/episodes/{id}", now([&](Context const& c) { deny_enterprise(c.principal); return json_response(200, s.episode(id(c))); })},
            {"GET", "/v1/episodes/{id}/progress", now([&](Context const& c) { deny_enterprise(c.principal); return json_response(200, s.episode_progress(id(c))); })},
            {"GET", "/v1/episodes/{id}/orders", now([&](Context const& c) { deny_enterprise(c.principal); return json_response(200, s.episode_orders(id(c), order_filter(c.match))); })},
            {"PUT", "/v1/enterprises", after_commit([&](Context const& c, service::Completion done) { s.import_list(c.command(), c.request.body, list_format(c.request), c.match.query("dry_run") == "true", "api", std::move(done)); })},
            {"GET", "/v1/enterprises", now([&](Context const& c) { deny_enterprise(c.principal); return json_response(200, s.current_list()); })},
            {"GET", "/v1/enterprises/{code}", now([&](Context const& c) { own_enterprise(c.principal, c.match.code); return json_response(200, s.enterprise(c.match.code)); })},
            {"GET", "/v1/me/orders", now([&](Context const& c) { return json_response(200, s.my_orders(c.principal)); })},
            {"GET", "/v1/orders/{id}", now([&](Context const& c) { return json_response(200, s.order(c.principal, id(c), c.match.query("text") != "false")); })},
            {"POST", "/v1/orders/{id}/ack", after_commit([&](Context const& c, service::Completion done) { s.acknowledge_order(c.command(), id(c), body_of(c.request), std::move(done)); })},
            {"POST", "/v1/orders/{id}/execution", after_commit([&](Context const& c, service::Completion done) { s.report_execution(c.command(), id(c), body_of(c.request), std::move(done)); })},
            {"POST", "/v1/observations", after_commit([&](Context const& c, service::Completion done) { s.record_observations(c.command(), body_of(c.request), std::move(done)); })},
            {"GET", "/v1/observations", now([&](Context const& c) { deny_enterprise(c.principal); auto const [from, to] = observation_range(c.match); return json_response(200, s.observations(from, to)); })},
            {"GET", "/v1/episodes/{id}/report", now([&](Context const& c) { deny_enterprise(c.principal); return report_response(s, id(c), report_format(c.request, c.match)); })},
            {"GET", "/v1/tokens", now([&](Context const& c) { return json_response(200, s.tokens(c.principal, flag(c.match, "all"))); })},
            {"POST", "/v1/tokens", after_commit([&](Context const& c, service::Completion done) { s.issue_token(c.command(), body_of(c.request), std::move(done)); })},
            {"GET", "/v1/tokens/{id}", now([&](Context const& c) { return json_response(200, s.token(c.principal, id(c))); })},
            {"POST", "/v1/tokens/{id}/revoke", after_commit([&](Context const& c, service::Completion done) { s.revoke_token(c.command(), id(c), body_of(c.request), std::move(done)); })},
        };
    }

    static Response method_not_allowed(Request const& request, std::string const& path, std::string const& allow,
                                       Responder const& respond) {
        Response r = problem_response(Problem(405, "/problems/method-not-allowed", "Method not allowed",
                                              request.method + " is not allowed on " + path),
                                      respond.request_id(), request.target);
        r.headers.set("Allow", allow);
        return r;
    }

    void dispatch(Request const& request, Responder const& respond) const {
        auto const target = split_target(request.target);
        bool const open = target.path == "/healthz" || target.path == "/livez" || target.path == "/readyz" ||
                          target.path == "/openapi.json";  // no token needed; read-only
        if (open && request.method != "GET") return respond(method_not_allowed(request, target.path, "GET", respond));
        if (target.path == "/healthz" || target.path == "/livez") return respond(json_response(200, {{"status", "ok"}}));
        if (target.path == "/readyz") {
            bool const ok = s.ready();
            return respond(json_response(ok ? 200 : 503, {{"status", ok ? "ready" : "not ready"}, {"drill", s.drill()}}));
        }
        if (target.path == "/openapi.json") {
            Response r;
            r.body = std::string(openapi_document());
            return respond(std::move(r));
        }
        auto const found = find_route(list, request.method, target);
        if (found.method_not_allowed) return respond(method_not_allowed(request, target.path, found.allow, respond));
        if (!found.route) throw Problem(404, "/problems/not-found", "Not found", "no resource at " + target.path);
        found.route->handler(Context{request, found.match, authenticate(s, request)}, respond);
    }
};

Application::Application(service::Service& service) : routes_(std::make_unique<Routes>(service)) {}

Application::~Application() = default;

void Application::handle(Request request, Respond respond) {
    Responder const responder(request.headers.get("X-Request-Id").value_or(new_request_id()), request.target,
                              std::move(respond));
    try {
        routes_->dispatch(request, responder);
    } catch (...) {  // thrown before the route answered: authentication, a read, a write's validation
        responder.fail(std::current_exception());
    }
}

}  // namespace hazeguard::api
