#pragma once
/// @file console_http.hpp
/// @brief What every console page shares on the wire: the session cookie, form bodies, the
/// security headers (a strict Content-Security-Policy: only this origin's script and style, no
/// inline script, no framing), redirects and the Chinese error page.

#include <map>
#include <optional>
#include <string>

#include "api/http/message.hpp"
#include "engine/service/identity/sessions_service.hpp"

namespace hazeguard::api {

/// @brief The session cookie's name.
inline constexpr char kSessionCookie[] = "hg_session";
/// @brief Console form bodies are small: a sign-in, an acknowledgement.
inline constexpr std::size_t kFormBodyLimit = 16 * 1024;

/// @brief The value of cookie `name` in the request's Cookie header, if any.
std::optional<std::string> cookie_value(Headers const& headers, std::string const& name);

/// @brief The open session the request's cookie names, if any.
std::optional<service::ConsoleSession> console_session(service::SessionsService& sessions, RequestHead const& head);

/// @brief Set-Cookie for a new session: HttpOnly, SameSite=Strict, Path=/, Secure when `secure`.
std::string session_cookie(std::string const& id, bool secure);
/// @brief Set-Cookie that removes the session cookie.
std::string cleared_session_cookie(bool secure);

/// @brief A form body (application/x-www-form-urlencoded) as name → value; the first of repeated
/// names wins. A page with status 415 is thrown (PageAnswer) for any other content type.
std::map<std::string, std::string> form_of(Request const& r);

/// @brief `expected` is a session's CSRF token and `form` carries it; else a 403 page is thrown.
void check_csrf(std::map<std::string, std::string> const& form, std::string const& expected);

/// @brief An HTML page with the console's security headers (CSP, nosniff, no referrer, no caching).
Response page_response(int status, std::string html);
/// @brief 303 See Other to `location`, with the same headers.
Response redirect(std::string const& location);
/// @brief GET of a console page without a session: to the sign-in page.
Response sign_in_redirect();
/// @brief A form posted without a valid session (signed out, or idle too long).
Response expired_session_page();
/// @brief The Chinese error page: a heading and a sentence, the way back to the console.
Response error_page(int status, std::string const& heading, std::string const& text);

}  // namespace hazeguard::api
