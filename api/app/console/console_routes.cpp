// The console's routes. Each handler answers with a page (or a redirect); whatever it throws is
// turned into the Chinese error page, never into problem+json.
#include "api/app/console/console_routes.hpp"

#include "api/app/console/console_data.hpp"
#include "api/app/console/console_execution.hpp"
#include "api/app/console/console_forms.hpp"
#include "api/app/console/console_http.hpp"
#include "api/app/console/console_pages.hpp"
#include "api/app/console/console_view.hpp"
#include "api/app/console/console_directive_routes.hpp"
#include "api/app/console/console_episode_routes.hpp"
#include "api/app/console/console_list_routes.hpp"
#include "api/app/console/console_warning_routes.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

/// Everyone on the city's side; plants use their order's link.
Roles const kConsoleStaff{"duty_officer", "approver", "department", "auditor", "admin"};

bool secure(RouteEnv const& env) { return env.public_url.rfind("https://", 0) == 0; }

std::string field(std::map<std::string, std::string> const& form, std::string const& name) {
    auto const it = form.find(name);
    return it == form.end() ? "" : it->second;
}

Response sign_in_page(int status, json data) {
    return page_response(status, render_page("console/sign_in.html", data, "登录"));
}

// --- staff: sign-in, sign-out -----------------------------------------------------------------
void sign_in(service::Service& s, RouteEnv const& env, Context const& c, Responder const& respond) {
    auto const form = form_of(c.request);
    auto const login = field(form, "login");
    auto const peer = c.request.peer;
    auto const throttle = env.throttle;
    if (int const wait = peer.empty() ? 0 : throttle->retry_after(peer); wait > 0) {
        Response r = sign_in_page(429, {{"login", login}, {"error", "登录失败次数过多，请" + std::to_string(wait) + "秒后再试。"}});
        r.headers.set("Retry-After", std::to_string(wait));
        return respond(std::move(r));
    }
    int const offset = engine::parse_utc_offset(s.plan().utc_offset).value_or(480);
    s.sessions().sign_in(login, field(form, "password"), [respond, login, peer, throttle, offset, secure = secure(env)](
                                                             std::exception_ptr error, service::SignInResult result) {
        using service::SignInOutcome;
        if (error) return respond(refusal_page(respond, error));
        switch (result.outcome) {
            case SignInOutcome::signed_in: {
                Response r = redirect("/");
                r.headers.set("Set-Cookie", session_cookie(result.session_id, secure));
                return respond(std::move(r));
            }
            case SignInOutcome::locked:
                return respond(sign_in_page(423, {{"login", login}, {"error", "连续登录失败次数过多，账号已锁定至" +
                                                                             time_cn(engine::format_rfc3339(*result.locked_until, offset)) + "。"}}));
            case SignInOutcome::busy: {
                Response r = sign_in_page(503, {{"login", login}, {"error", "登录请求较多，请稍后再试。"}});
                r.headers.set("Retry-After", "2");
                return respond(std::move(r));
            }
            case SignInOutcome::refused: break;
        }
        if (!peer.empty()) throttle->failed(peer);
        respond(sign_in_page(401, {{"login", login}, {"error", "账号或口令错误。"}}));
    });
}

void sign_out(service::Service& s, RouteEnv const& env, Context const& c, Responder const& respond) {
    check_csrf(form_of(c.request), c.csrf);
    auto const id = cookie_value(c.request.headers, kSessionCookie).value_or("");
    s.sessions().sign_out(id, [respond, secure = secure(env)](std::exception_ptr error, service::Reply) {
        if (error) return respond(refusal_page(respond, error));
        Response r = redirect("/sign-in");
        r.headers.set("Set-Cookie", cleared_session_cookie(secure));
        respond(std::move(r));
    });
}

Response board(service::Service& s, Context const& c, bool wall) {
    auto data = board_data(s);
    data["wall"] = wall;
    return page_response(200, render_page("console/board.html", data, wall ? "大屏" : "态势", PageUser{c.principal, c.csrf},
                                          wall ? 30 : 0, wall ? "wall" : ""));
}

// --- the plant: its order from the one-time link ------------------------------------------------
Response order_page(service::Service& s, std::string const& code, int status = 200,
                    std::vector<service::FieldError> const& errors = {}, json const& form = json::object(),
                    Form const& exec_typed = {}, json const& exec_errors = json::object()) {
    auto const order = console_data::order_by_link(s, code);
    auto data = order_page_data(order, code, errors, form);
    if (data.at("acknowledged").get<bool>() && !data.at("superseded").get<bool>() && !data.at("termination").get<bool>())
        data["execution_form"] = execution_form_data(order, exec_typed, exec_errors);
    return page_response(status, render_page("console/order.html", data, "减排指令" + std::to_string(order.at("id").get<std::int64_t>())));
}

// The link is the authority (as POST /v1/links/{code}/ack); the form's `idem` is the key.
service::Command link_form_command(Context const& c, Form const& form) {
    auto cmd = link_command(c);
    cmd.idempotency_key = form_command(c, form).idempotency_key;
    return cmd;
}

void acknowledge(service::Service& s, Context const& c, Responder const& respond) {
    auto const form = form_of(c.request);
    json body{{"by", field(form, "by")}, {"phone", field(form, "phone")}};
    if (!field(form, "note").empty()) body["note"] = field(form, "note");
    auto const code = c.match.code;
    try {
        console_data::acknowledge_by_link(s, link_form_command(c, form), code, body, [respond, code](std::exception_ptr error, service::Reply) {
            if (error) return respond(refusal_page(respond, error));
            respond(redirect("/o/" + code));
        });
    } catch (service::Error const& e) {
        if (e.code != service::Errc::validation) throw;
        respond(order_page(s, code, 422, e.errors, body));
    }
}

// The execution report from the plant's page: the same report as POST /v1/orders/{id}/execution,
// for the order the (checked, unexpired) link opens.
void report_execution(service::Service& s, Context const& c, Responder const& respond) {
    auto const form = form_of(c.request);
    auto const code = c.match.code;
    auto const order = console_data::order_by_link(s, code);
    try {
        console_data::report_execution(s, link_form_command(c, form), order.at("id").get<std::int64_t>(), execution_body(form),
                                       [respond, code](std::exception_ptr error, service::Reply) {
                                           if (error) return respond(refusal_page(respond, error));
                                           respond(redirect("/o/" + code + "#execution"));
                                       });
    } catch (service::Error const& e) {
        if (e.code != service::Errc::validation) throw;
        respond(order_page(s, code, 422, {}, json::object(), form, field_errors_cn(e.errors)));
    }
}

}  // namespace

std::vector<Route<RouteSpec>> console_routes(service::Service& s, RouteEnv const& env) {
    auto const open_page = [](RouteHandler h, std::size_t limit = kDefaultBodyLimit) { return RouteSpec{{}, std::move(h), limit, true, false}; };
    auto const staff_page = [](RouteHandler h, std::size_t limit = kDefaultBodyLimit) { return RouteSpec{kConsoleStaff, std::move(h), limit, false, true}; };
    std::vector<Route<RouteSpec>> routes{
        {"GET", "/sign-in", open_page(console_page([&s](Context const& c, Responder const& respond) {
             if (console_session(s.sessions(), c.request)) return respond(redirect("/"));
             respond(sign_in_page(200, json::object()));
         }))},
        {"POST", "/sign-in", open_page(console_page([&s, &env](Context const& c, Responder const& respond) { sign_in(s, env, c, respond); }), kFormBodyLimit)},
        {"POST", "/sign-out", staff_page(console_page([&s, &env](Context const& c, Responder const& respond) { sign_out(s, env, c, respond); }), kFormBodyLimit)},
        {"GET", "/", staff_page(console_page([&s](Context const& c, Responder const& respond) { respond(board(s, c, false)); }))},
        {"GET", "/wall", staff_page(console_page([&s](Context const& c, Responder const& respond) { respond(board(s, c, true)); }))},
        // Printable documents carry no icon link of their own: the browser asks for this one.
        {"GET", "/favicon.ico", open_page([](Context const&, Responder const& respond) { respond(asset_response(asset_name("icon.svg"))); })},
        {"GET", "/assets/{code}", open_page([](Context const& c, Responder const& respond) { respond(asset_response(c.match.code)); })},
        {"GET", "/o/{code}", open_page(console_page([&s](Context const& c, Responder const& respond) { respond(order_page(s, c.match.code)); }))},
        {"POST", "/o/{code}/ack", open_page(console_page([&s](Context const& c, Responder const& respond) { acknowledge(s, c, respond); }), kFormBodyLimit)},
        {"POST", "/o/{code}/execution", open_page(console_page([&s](Context const& c, Responder const& respond) { report_execution(s, c, respond); }), kFormBodyLimit)},
    };
    for (auto part : {console_warning_routes(s), console_directive_routes(s), console_episode_routes(s, env.progress), console_list_routes(s)})
        for (auto& r : part) routes.push_back(std::move(r));
    return routes;
}

}  // namespace hazeguard::api
