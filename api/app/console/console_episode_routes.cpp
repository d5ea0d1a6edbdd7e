// The episode pages' routes.
#include "api/app/console/console_episode_routes.hpp"

#include "api/app/console/console_data.hpp"
#include "api/app/console/console_episode_data.hpp"
#include "api/app/console/console_forms.hpp"
#include "api/app/console/console_http.hpp"
#include "api/app/console/console_view.hpp"
#include "api/app/console/console_progress_watch.hpp"

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
    data["digest"] = progress_digest(progress);
    data["live"] = "/episodes/" + std::to_string(id) + "/progress.json";
    data["csrf"] = c.csrf;
    return page_response(200, render_page("console/episode.html", data, "污染过程第" + std::to_string(id) + "号",
                                          PageUser{c.principal, c.csrf}));
}

// The poll's answer: the section's digest and, when it differs from the page's, the section;
// `held` says whether the server waited (the page then asks again at once, else after a second).
Response progress_answer(std::string const& digest, std::optional<std::string> const& html, bool held) {
    json body{{"digest", digest}, {"held", held}};
    if (html) body["html"] = *html;
    Response r = page_response(200, body.dump());
    r.content_type = "application/json";
    return r;
}

// With ?wait=1 and the page's digest still current, the request is held until a commit changes
// the section or the hold time is over; past the bound of held requests it answers at once.
void progress_poll(service::Service& s, std::shared_ptr<ProgressWatch> const& watch, Context const& c, Responder const& respond) {
    auto const episode = c.match.id;
    auto const seen = watch->commits();  // before rendering: a commit from now on is looked at again
    auto const html = progress_section(s, episode);
    auto const digest = progress_digest(html);
    bool const current = c.match.query("digest").value_or("") == digest;
    if (current && c.match.query("wait").value_or("") == "1") {
        auto const render = [&s](std::int64_t id) { return progress_section(s, id); };
        auto const answer = [respond, digest](std::optional<std::string> changed) {
            respond(progress_answer(changed ? progress_digest(*changed) : digest, changed, true));
        };
        if (watch->hold(episode, digest, seen, render, answer)) return;
    }
    respond(progress_answer(digest, current ? std::nullopt : std::optional<std::string>(html), false));
}

Response orders_csv_response(service::Service& s, Context const& c) {
    Response r = page_response(200, orders_csv(s, c.match.id, episode_filter(c.match)));
    r.content_type = "text/csv; charset=utf-8";
    r.headers.set("Content-Disposition", "attachment; filename=\"episode-" + std::to_string(c.match.id) + "-orders.csv\"");
    return r;
}

}  // namespace

std::vector<Route<RouteSpec>> console_episode_routes(service::Service& s, std::shared_ptr<ProgressWatch> watch) {
    auto const staff = [](RouteHandler h) { return RouteSpec{kEpisodeStaff, console_page(std::move(h)), kDefaultBodyLimit, false, true}; };
    return {
        {"GET", "/episodes", staff([&s](Context const& c, Responder const& respond) {
             respond(page_response(200, render_page("console/episodes.html", episodes_data(s), "污染过程", PageUser{c.principal, c.csrf})));
         })},
        {"GET", "/episodes/{id}", staff([&s](Context const& c, Responder const& respond) { respond(episode_page(s, c)); })},
        {"GET", "/episodes/{id}/progress.json", staff([&s, watch](Context const& c, Responder const& respond) { progress_poll(s, watch, c, respond); })},
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
