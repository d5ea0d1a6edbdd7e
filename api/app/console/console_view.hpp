#pragma once
/// @file console_view.hpp
/// @brief Console pages from the HTML Mustache templates of templates/console/ (HTML-escaped): a
/// page's content inside the shared layout, with the stylesheet and script under their
/// content-hashed names, and the signed-in official's bar with the sign-out form.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "api/http/message.hpp"
#include "engine/service/principal.hpp"

namespace hazeguard::api {

/// @brief Who is signed in, for the page's bar (the sign-out form carries `csrf`).
struct PageUser {
    service::Principal principal;
    std::string csrf;
};

/// @brief Renders `content_template` with `data`, then the layout around it. `refresh_seconds`
/// (the wall view) reloads the page by itself; `wide` lays it out for a large screen.
std::string render_page(std::string const& content_template, nlohmann::json const& data, std::string const& title,
                        std::optional<PageUser> const& user = std::nullopt, int refresh_seconds = 0,
                        std::string const& body_class = "");

/// @brief A part of a page (a form shared by two pages) from its template, with the session's
/// CSRF token as `csrf`; inserted raw ({{{…}}}) into the page's data.
std::string render_fragment(std::string const& name, nlohmann::json data, std::string const& csrf);

/// @brief "console-3f2a9c1e.css" for "console.css": the name it is served under, which changes
/// with its content, so it may be cached for a year.
std::string const& asset_name(std::string const& file);

/// @brief GET /assets/{name}: the embedded file with long cache headers, or a 404.
Response asset_response(std::string const& name);

/// @brief "12月15日0时", "12月15日10时30分" for an RFC 3339 time from a service view; "" for null.
std::string time_cn(nlohmann::json const& rfc3339);

/// @brief 值班员, 审批人, … for a role code.
std::string role_cn(std::string const& role);

}  // namespace hazeguard::api
