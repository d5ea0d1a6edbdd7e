// The episode pages' routes.
#include "api/app/console/console_episode_routes.hpp"

#include "api/app/console/console_data.hpp"
#include "api/app/console/console_episode_data.hpp"
#include "api/app/console/console_forms.hpp"
#include "api/app/console/console_http.hpp"
#include "api/app/console/console_view.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

Roles const kEpisodeStaff{"duty_officer", "approver", "department", "auditor", "admin"};

// The progress section as HTML, the same on the page and in each poll's answer.
std::string progress_section(service::Service& s, std::int64_t episode) {
    return render_fragment("console/episode_progress.html", progress_data(s, episode), "");
}

Response episode_page(service::Service& s, Context const& c) {
    auto const id = c.match.id;
    auto data = episode_data(s, id, c.match);
    auto const progress = progress_section(s, id);
    data["progress_html"] = progress;
    data["digest"] = engine::sha256_hex(progress).substr(0, 16);
    data["live"] = "/episodes/" + std::to_string(id) + "/progress.json";
    data["csrf"] = c.csrf;
    return page_response(200, render_page("console/episode.html", data, "污染过程第" + std::to_string(id) + "号",
                                          PageUser{c.principal, c.csrf}));
}

// The poll's answer: the section's digest and, when it changed, the section itself.
Response progress_fragment(service::Service& s, Context const& c) {
    auto const html = progress_section(s, c.match.id);
    auto const digest = engine::sha256_hex(html).substr(0, 16);
    json body{{"digest", digest}};
    if (c.match.query("digest").value_or("") != digest) body["html"] = html;
    Response r = page_response(200, body.dump());
    r.content_type = "application/json";
    return r;
}

Response orders_csv_response(service::Service& s, Context const& c) {
    Response r = page_response(200, orders_csv(s, c.match.id, episode_filter(c.match)));
    r.content_type = "text/csv; charset=utf-8";
    r.headers.set("Content-Disposition", "attachment; filename=\"episode-" + std::to_string(c.match.id) + "-orders.csv\"");
    return r;
}

}  // namespace

std::vector<Route<RouteSpec>> console_episode_routes(service::Service& s) {
    auto const staff = [](RouteHandler h) { return RouteSpec{kEpisodeStaff, console_page(std::move(h)), kDefaultBodyLimit, false, true}; };
    return {
        {"GET", "/episodes", staff([&s](Context const& c, Responder const& respond) {
             respond(page_response(200, render_page("console/episodes.html", episodes_data(s), "污染过程", PageUser{c.principal, c.csrf})));
         })},
        {"GET", "/episodes/{id}", staff([&s](Context const& c, Responder const& respond) { respond(episode_page(s, c)); })},
        {"GET", "/episodes/{id}/progress.json", staff([&s](Context const& c, Responder const& respond) { respond(progress_fragment(s, c)); })},
        {"GET", "/episodes/{id}/orders.csv", staff([&s](Context const& c, Responder const& respond) { respond(orders_csv_response(s, c)); })},
        {"GET", "/episodes/{id}/report", staff([&s](Context const& c, Responder const& respond) {
             respond(document_response(console_data::report_html(s, c.match.id)));
         })},
        {"GET", "/orders/{id}/print", staff([&s](Context const& c, Responder const& respond) {
             respond(document_response(console_data::order_html(s, c.principal, c.match.id)));
         })},
    };
}

}  // namespace hazeguard::api
