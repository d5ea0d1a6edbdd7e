// The warning's routes: forecasts, proposals, directives, episodes with their progress and
// report, observations.
#include "api/resources/resource_routes.hpp"

#include "api/app/problem_response.hpp"
#include "api/app/query_params.hpp"

namespace hazeguard::api::routes {
using nlohmann::json;
using service::Completion;

namespace {
Response report_response(service::ReportsService& reports, std::int64_t episode, std::string const& format) {
    if (format == "json") return json_response(200, reports.episode_report(episode));
    Response out;
    out.status = 200;
    if (format == "html") {
        out.content_type = "text/html; charset=utf-8";
        out.body = reports.episode_report_html(episode);
    } else {
        out.content_type = "text/csv; charset=utf-8";
        out.body = reports.episode_report_csv(episode);
        out.headers.set("Content-Disposition",
                        "attachment; filename=\"episode-" + std::to_string(episode) + "-orders.csv\"");
    }
    return out;
}

}  // namespace

Table warning_routes(service::Service& s) {
    return {
        {"GET", "/v1/status", {kAnyone, now([&](Context const&) { return json_response(200, s.episodes().status()); })}},
        {"POST", "/v1/forecasts", {kOperators, after_commit([&](Context const& c, Completion done) { s.forecasts().submit(c.command(), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/forecasts/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.forecasts().forecast(id(c))); })}},
        {"POST", "/v1/proposals", {kDuty, after_commit([&](Context const& c, Completion done) { s.proposals().create(c.command(), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/proposals", {kStaff, now([&](Context const& c) { return json_response(200, s.proposals().proposals(proposal_status(c.match))); })}},
        {"GET", "/v1/proposals/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.proposals().proposal(id(c))); })}},
        {"GET", "/v1/proposals/{id}/notice.html", {kStaff, now([&](Context const& c) { return html_response(s.proposals().notice_html(id(c))); })}},
        {"POST", "/v1/proposals/{id}/approve", {kApprover, after_commit([&](Context const& c, Completion done) { s.proposals().approve(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        {"POST", "/v1/proposals/{id}/reject", {kApprover, after_commit([&](Context const& c, Completion done) { s.proposals().reject(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        {"POST", "/v1/directives", {kOperators, after_commit([&](Context const& c, Completion done) { s.directives().create(c.command(), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/directives", {kStaff, now([&](Context const&) { return json_response(200, s.directives().directives()); })}},
        {"GET", "/v1/directives/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.directives().directive(id(c))); })}},
        {"POST", "/v1/directives/{id}/lift", {kOperators, after_commit([&](Context const& c, Completion done) { s.directives().lift(c.command(), id(c), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/episodes", {kStaff, now([&](Context const&) { return json_response(200, s.episodes().episodes()); })}},
        {"GET", "/v1/episodes/{id}", {kStaff, now([&](Context const& c) { return json_response(200, s.episodes().episode(id(c))); })}},
        {"GET", "/v1/episodes/{id}/progress", {kStaff, now([&](Context const& c) { return json_response(200, s.progress().episode_progress(id(c))); })}},
        {"GET", "/v1/episodes/{id}/report", {kStaff, now([&](Context const& c) { return report_response(s.reports(), id(c), report_format(c.request, c.match)); })}},
        {"POST", "/v1/observations", {kOperators, after_commit([&](Context const& c, Completion done) { s.observations().record_observations(c.command(), body_of(c.request), std::move(done)); })}},
        {"GET", "/v1/observations", {kStaff, now([&](Context const& c) { auto const [from, to] = observation_range(c.match); return json_response(200, s.observations().observations(from, to)); })}},
    };
}

}  // namespace hazeguard::api::routes
