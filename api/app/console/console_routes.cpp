// The console's routes. Each handler answers with a page (or a redirect); whatever it throws is
// turned into the Chinese error page, never into problem+json.
#include "api/app/console/console_routes.hpp"

#include "api/app/console/console_http.hpp"
#include "api/app/console/console_pages.hpp"
#include "api/app/console/console_view.hpp"
#include "api/resources/orders/order_json.hpp"
#include "api/resources/orders/order_requests.hpp"
#include "api/resources/route_kit.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

/// Everyone on the city's side; plants use their order's link.
Roles const kConsoleStaff{"duty_officer", "approver", "department", "auditor", "admin"};

std::string status_text(int status) {
    if (status == 404) return "链接无效或页面不存在，请核对后重试。";
    if (status == 410) return "此链接已过期。请联系值班室获取指令。";
    if (status == 409) return "当前状态下无法办理此操作，请刷新页面查看最新情况。";
    if (status >= 500) return "系统暂时无法处理，请稍后再试。如仍有问题，请联系值班室。";
    return "请求未被接受，请返回检查后重试。";
}

/// What a thrown refusal looks like as a page (the Responder logs an unexpected error as a 500).
Response error_page_of(Responder const& respond, std::exception_ptr error) {
    auto const r = respond.to_response(error);
    if (r.content_type.rfind("text/html", 0) == 0 || r.status == 303) return r;
    return error_page(r.status, r.status >= 500 ? "系统错误" : "无法办理", status_text(r.status));
}

template <class F>
RouteHandler page(F f) {
    return [f](Context const& c, Responder const& respond) {
        try {
            f(c, respond);
        } catch (...) {
            respond(error_page_of(respond, std::current_exception()));
        }
    };
}

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
        if (error) return respond(error_page_of(respond, error));
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
        if (error) return respond(error_page_of(respond, error));
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
                    std::vector<service::FieldError> const& errors = {}, json const& form = json::object()) {
    auto const order = linked_order_json(s.views(), s.orders().order_by_link(code, s.now()));
    return page_response(status, render_page("console/order.html", order_page_data(order, code, errors, form),
                                             "减排指令" + std::to_string(order.at("id").get<std::int64_t>())));
}

void acknowledge(service::Service& s, Context const& c, Responder const& respond) {
    auto const form = form_of(c.request);
    json body{{"by", field(form, "by")}, {"phone", field(form, "phone")}};
    if (!field(form, "note").empty()) body["note"] = field(form, "note");
    auto const code = c.match.code;
    try {
        auto done = [respond, code](std::exception_ptr error, service::Reply) {
            if (error) return respond(error_page_of(respond, error));
            respond(redirect("/o/" + code));
        };
        s.orders().acknowledge_by_link(link_command(c), code, read_acknowledgement(body),
                                       routes::json_answer(s.views(), &ack_json, std::move(done)));
    } catch (service::Error const& e) {
        if (e.code != service::Errc::validation) throw;
        respond(order_page(s, code, 422, e.errors, body));
    }
}

}  // namespace

std::vector<Route<RouteSpec>> console_routes(service::Service& s, RouteEnv const& env) {
    auto const open_page = [](RouteHandler h, std::size_t limit = kDefaultBodyLimit) { return RouteSpec{{}, std::move(h), limit, true, false}; };
    auto const staff_page = [](RouteHandler h, std::size_t limit = kDefaultBodyLimit) { return RouteSpec{kConsoleStaff, std::move(h), limit, false, true}; };
    return {
        {"GET", "/sign-in", open_page(page([&s](Context const& c, Responder const& respond) {
             if (console_session(s.sessions(), c.request)) return respond(redirect("/"));
             respond(sign_in_page(200, json::object()));
         }))},
        {"POST", "/sign-in", open_page(page([&s, &env](Context const& c, Responder const& respond) { sign_in(s, env, c, respond); }), kFormBodyLimit)},
        {"POST", "/sign-out", staff_page(page([&s, &env](Context const& c, Responder const& respond) { sign_out(s, env, c, respond); }), kFormBodyLimit)},
        {"GET", "/", staff_page(page([&s](Context const& c, Responder const& respond) { respond(board(s, c, false)); }))},
        {"GET", "/wall", staff_page(page([&s](Context const& c, Responder const& respond) { respond(board(s, c, true)); }))},
        {"GET", "/assets/{code}", open_page([](Context const& c, Responder const& respond) { respond(asset_response(c.match.code)); })},
        {"GET", "/o/{code}", open_page(page([&s](Context const& c, Responder const& respond) { respond(order_page(s, c.match.code)); }))},
        {"POST", "/o/{code}/ack", open_page(page([&s](Context const& c, Responder const& respond) { acknowledge(s, c, respond); }), kFormBodyLimit)},
    };
}

}  // namespace hazeguard::api
