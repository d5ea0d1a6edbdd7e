#include "api/app/console/console_view.hpp"

#include <map>

#include "engine/delivery/sms_text.hpp"
#include "engine/time/timestamp.hpp"
#include "engine/util/sha256.hpp"
#include "templates/console_assets.hpp"
#include "templates/html_renderer.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

// Served name → file name, built once from the embedded files.
std::map<std::string, std::string> const& served_assets() {
    static std::map<std::string, std::string> const kNames = [] {
        std::map<std::string, std::string> out;
        for (auto const& [file, asset] : templates::console_assets()) out.emplace(asset_name(file), file);
        return out;
    }();
    return kNames;
}

}  // namespace

std::string const& asset_name(std::string const& file) {
    static std::map<std::string, std::string> const kHashed = [] {
        std::map<std::string, std::string> out;
        for (auto const& [name, asset] : templates::console_assets()) {
            auto const dot = name.rfind('.');
            out.emplace(name, name.substr(0, dot) + "-" + engine::sha256_hex(std::string(asset.body)).substr(0, 12) +
                                  name.substr(dot));
        }
        return out;
    }();
    return kHashed.at(file);
}

Response asset_response(std::string const& name) {
    Response r;
    auto const it = served_assets().find(name);
    r.headers.set("X-Content-Type-Options", "nosniff");
    if (it == served_assets().end()) {
        r.status = 404;
        r.content_type = "text/plain; charset=utf-8";
        r.body = "no such asset\n";
        return r;
    }
    auto const& asset = templates::console_assets().at(it->second);
    r.content_type = std::string(asset.content_type);
    r.body = std::string(asset.body);
    r.headers.set("Cache-Control", "public, max-age=31536000, immutable");  // the name changes with the content
    return r;
}

std::string time_cn(json const& rfc3339) {
    if (!rfc3339.is_string()) return "";
    auto const text = rfc3339.get<std::string>();
    auto const t = engine::parse_rfc3339(text);
    auto const offset = text.size() >= 6 ? engine::parse_utc_offset(text.substr(text.size() - 6)) : std::nullopt;
    if (!t) return text;
    return engine::short_time_cn(*t, offset.value_or(480));
}

std::string role_cn(std::string const& role) {
    static std::map<std::string, std::string> const kRoles = {
        {"duty_officer", "值班员"}, {"approver", "审批人"},   {"department", "成员单位"},
        {"auditor", "评估人员"},   {"admin", "系统管理员"}, {"enterprise", "企业"}};
    auto const it = kRoles.find(role);
    return it == kRoles.end() ? role : it->second;
}

std::string render_fragment(std::string const& name, json data, std::string const& csrf) {
    data["csrf"] = csrf;
    return templates::render_html(name, data);
}

std::string render_page(std::string const& content_template, json const& data, std::string const& title,
                        std::optional<PageUser> const& user, int refresh_seconds, std::string const& body_class) {
    json page{{"title", title},
              {"content", templates::render_html(content_template, data)},
              {"css", asset_name("console.css")},
              {"js", asset_name("console.js")},
              {"icon", asset_name("icon.svg")},
              {"body_class", body_class},
              {"refresh", refresh_seconds > 0 ? json(refresh_seconds) : json(nullptr)},
              {"user", nullptr}};
    if (user)
        page["user"] = {{"name", user->principal.name}, {"role_cn", role_cn(user->principal.role)}, {"csrf", user->csrf},
                        {"forecasts", user->principal.role == "duty_officer" || user->principal.role == "admin"}};
    return templates::render_html("console/layout.html", page);
}

}  // namespace hazeguard::api
