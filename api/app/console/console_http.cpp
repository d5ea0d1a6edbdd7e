#include "api/app/console/console_http.hpp"

#include "api/app/console/console_view.hpp"
#include "api/app/exchange.hpp"
#include "api/app/route.hpp"
#include "engine/util/csv_reader.hpp"

namespace hazeguard::api {
namespace {

// Only this origin's script, style and images; no inline script or style, no plug-ins, no
// framing (clickjacking), forms post only here, no <base> tricks.
constexpr char kContentSecurityPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

std::string trimmed(std::string const& s) {
    auto const b = s.find_first_not_of(' ');
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

}  // namespace

std::optional<std::string> cookie_value(Headers const& headers, std::string const& name) {
    auto const header = headers.get("Cookie");
    if (!header) return std::nullopt;
    std::size_t i = 0;
    while (i <= header->size()) {
        auto const end = std::min(header->find(';', i), header->size());
        auto const pair = header->substr(i, end - i);
        auto const eq = pair.find('=');
        if (eq != std::string::npos && trimmed(pair.substr(0, eq)) == name) return trimmed(pair.substr(eq + 1));
        i = end + 1;
    }
    return std::nullopt;
}

std::optional<service::ConsoleSession> console_session(service::SessionsService& sessions, RequestHead const& head) {
    auto const id = cookie_value(head.headers, kSessionCookie);
    if (!id) return std::nullopt;
    return sessions.session(*id);
}

std::string session_cookie(std::string const& id, bool secure) {
    return std::string(kSessionCookie) + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

std::string cleared_session_cookie(bool secure) {
    return std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

std::map<std::string, std::string> form_of(Request const& r) {
    auto const type = r.headers.get("Content-Type").value_or("");
    if (type.rfind("application/x-www-form-urlencoded", 0) != 0)
        throw PageAnswer{error_page(415, "无法识别的提交", "请从页面上的表单提交。")};
    std::map<std::string, std::string> out;
    for (auto const& [name, value] : split_target("?" + r.body).query) {
        if (engine::invalid_utf8_at(name) != std::string_view::npos || engine::invalid_utf8_at(value) != std::string_view::npos)
            throw PageAnswer{error_page(400, "无法识别的提交", "提交的内容含有无法识别的字符，请检查后重新填写。")};
        out.emplace(name, value);
    }
    return out;
}

void check_csrf(std::map<std::string, std::string> const& form, std::string const& expected) {
    auto const it = form.find("csrf");
    bool same = !expected.empty() && it != form.end() && it->second.size() == expected.size();
    unsigned char diff = 0;  // compared in constant time
    for (std::size_t i = 0; same && i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(it->second[i] ^ expected[i]);
    if (!same || diff != 0)
        throw PageAnswer{error_page(403, "提交未被接受", "表单已过期或来源不明。请返回页面刷新后重新提交。")};
}

Response page_response(int status, std::string html) {
    Response r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(html);
    r.headers.set("Content-Security-Policy", kContentSecurityPolicy);
    r.headers.set("X-Content-Type-Options", "nosniff");
    r.headers.set("X-Frame-Options", "DENY");
    r.headers.set("Referrer-Policy", "no-referrer");  // a one-time link must not leak through Referer
    r.headers.set("Cache-Control", "no-store");
    return r;
}

Response redirect(std::string const& location) {
    Response r = page_response(303, "");
    r.content_type = "text/plain; charset=utf-8";
    r.headers.set("Location", location);
    return r;
}

Response sign_in_redirect() { return redirect("/sign-in"); }

Response expired_session_page() {
    return error_page(403, "登录已失效", "您尚未登录，或长时间未操作，登录已失效。请重新登录后再提交。");
}

Response error_page(int status, std::string const& heading, std::string const& text) {
    return page_response(status, render_page("console/error.html", {{"heading", heading}, {"text", text}}, heading));
}

}  // namespace hazeguard::api
