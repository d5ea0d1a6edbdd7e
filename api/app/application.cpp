#include "api/app/application.hpp"

#include <exception>
#include <utility>

#include "api/app/auth_throttle.hpp"
#include "api/app/console/console_http.hpp"
#include "api/app/console/console_routes.hpp"
#include "api/app/exchange.hpp"
#include "api/app/problem_response.hpp"
#include "api/app/route_table.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {
bool is_open_path(std::string const& path) {  // no token needed; read-only
    return path == "/healthz" || path == "/livez" || path == "/readyz" || path == "/openapi.json";
}
}  // namespace

struct Application::Routes {
    /// A request that passed the gate: its route, what the route captured, who sent it.
    struct Passed {
        Route<RouteSpec> const* route = nullptr;
        RouteMatch match;
        std::optional<service::Principal> principal;  ///< none on the open paths
        std::string csrf;                             ///< a console session's form token
    };

    service::Service& s;
    std::shared_ptr<Metrics> metrics = std::make_shared<Metrics>(HG_VERSION);
    LoadSource load;
    RouteEnv env;
    std::vector<Route<RouteSpec>> list = all_routes();
    RouteIndex<RouteSpec> index{list};

    explicit Routes(service::Service& service) : s(service) {}

    std::vector<Route<RouteSpec>> all_routes() {
        env.metrics = [this] { return metrics_response(); };
        auto all = route_table(s, env);
        for (auto& r : console_routes(s, env)) all.push_back(std::move(r));
        return all;
    }
    ~Routes() { env.progress->close(); }  // its thread renders through `s`: stopped before `s` may go

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
        if (int const wait = counted ? env.throttle->retry_after(head.peer) : 0; wait > 0) {
            if (auto known = s.identity().known_principal(token)) return *known;
            throw HeaderedProblem(Problem(429, "/problems/too-many-failed-authentications", "Too many failed authentications",
                                          "this address sent too many invalid tokens; wait before trying again"),
                                  {{"Retry-After", std::to_string(wait)}});
        }
        auto p = s.identity().authenticate(token);
        if (!p) {
            if (counted) env.throttle->failed(head.peer);
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
        auto found = find_route(index, head.method, target);
        if (found.method_not_allowed) throw method_not_allowed(head, target.path, found.allow);
        if (!found.route) throw Problem(404, "/problems/not-found", "Not found", "no resource at " + target.path);
        labels.route = found.route->pattern;
        if (found.route->handler.open) return {found.route, std::move(found.match), std::nullopt, ""};
        if (found.route->handler.console) return console_gate(head, found.route, std::move(found.match), labels);
        auto principal = authenticate(head);
        labels.principal = principal.name;
        require(found.route->handler.roles, principal);
        return {found.route, std::move(found.match), std::move(principal), ""};
    }

    /// A console page: signed in by the session cookie; without one a GET is sent to the sign-in
    /// page and anything else refused with a page, never with problem+json.
    Passed console_gate(RequestHead const& head, Route<RouteSpec> const* route, RouteMatch match, ExchangeLabels& labels) {
        auto session = console_session(s.sessions(), head);
        if (!session) throw PageAnswer{head.method == "GET" ? sign_in_redirect() : expired_session_page()};
        labels.principal = session->principal.name;
        try {
            require(route->handler.roles, session->principal);
        } catch (Problem const&) {
            throw PageAnswer{error_page(403, "无权访问", "您的账户无权使用此页面。")};
        }
        return {route, std::move(match), std::move(session->principal), std::move(session->csrf)};
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

    /// What admit() found for a bearer-token or open route, handed back with the request so that
    /// handle() does not route and authenticate a second time — unless tokens were forgotten
    /// (a revocation) in between: then the request is checked again.
    struct Admitted {
        Passed passed;
        ExchangeLabels labels;
        std::uint64_t tokens_generation = 0;
    };

    void dispatch(Request const& request, Responder& respond) {
        auto const admitted = std::static_pointer_cast<Admitted const>(request.admitted);
        Passed checked;
        Passed const* passed = &checked;
        if (admitted && admitted->tokens_generation == s.identity().tokens_generation()) {
            respond.labels() = admitted->labels;
            passed = &admitted->passed;
        } else {
            checked = gate(request, respond.labels());
        }
        if (!passed->route) return respond(open_path(split_target(request.target).path));
        passed->route->handler.handler(
            Context{request, passed->match, passed->principal.value_or(service::Principal{}), passed->csrf}, respond);
    }
};

Application::Application(service::Service& service) : routes_(std::make_unique<Routes>(service)) {}

std::shared_ptr<Metrics> Application::metrics() { return routes_->metrics; }

Application::~Application() = default;

service::CommitObserver Application::commit_observer() {
    return [metrics = routes_->metrics, progress = routes_->env.progress](std::size_t jobs, double seconds, bool committed) {
        metrics->record_commit(jobs, seconds, committed);
        if (committed) progress->committed();
    };
}

void Application::release_held_requests() { routes_->env.progress->close(); }

void Application::limit_held_polls(ProgressWatch::Limits limits) { routes_->env.progress->limit(limits); }

void Application::read_load_from(LoadSource source) { routes_->load = std::move(source); }

void Application::publish_at(std::string base_url) { routes_->env.public_url = std::move(base_url); }

void Application::throttle_failures(std::shared_ptr<AuthThrottle> throttle) { routes_->env.throttle = std::move(throttle); }

Admission Application::admit(RequestHead const& head) {
    Responder responder(head.headers.get("X-Request-Id").value_or(new_request_id()), head.target, nullptr);
    try {
        auto const generation = routes_->s.identity().tokens_generation();  // before the token is checked
        auto passed = routes_->gate(head, responder.labels());
        auto const limit = passed.route ? passed.route->handler.body_limit : kDefaultBodyLimit;
        if (passed.route && passed.route->handler.console) return {std::nullopt, limit, nullptr};  // its session is checked again
        return {std::nullopt, limit,
                std::make_shared<Routes::Admitted const>(Routes::Admitted{std::move(passed), responder.labels(), generation})};
    } catch (...) {
        return {responder.decorate(responder.to_response(std::current_exception())), 0, nullptr};
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
