// The warning's routes: forecasts, proposals, directives, episodes with their progress and
// report, observations.
#include "api/resources/resource_routes.hpp"

#include "api/app/problem_response.hpp"
#include "api/app/query_params.hpp"
#include "api/resources/warnings/warning_json.hpp"
#include "api/resources/warnings/warning_requests.hpp"

namespace hazeguard::api::routes {
using nlohmann::json;
using service::Completion;
using service::Reply;

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

/// A report is built on the report workers (ReportsService::submit), never on the I/O thread; its
/// answer (or its problem) is sent from there.
template <class Build>
void build_later(service::ReportsService& reports, Responder const& respond, Build build) {
    reports.submit([respond, build] {
        try {
            respond(build());
        } catch (...) {
            respond.fail(std::current_exception());
        }
    });
}

/// Page `page` of the never-acknowledged orders, with the link to the next page (null on the last).
json never_acknowledged_page(service::ReportsService& reports, std::int64_t episode, std::size_t page, std::size_t limit) {
    json out = reports.never_acknowledged(episode, page, limit);
    auto const total = out.at("total").get<std::size_t>();
    std::string const path = "/v1/episodes/" + std::to_string(episode) + "/report/unacknowledged";
    out["episode_id"] = episode;
    out["page"] = page;
    out["limit"] = limit;
    out["next"] = page * limit < total ? json(path + "?page=" + std::to_string(page + 1) + "&limit=" + std::to_string(limit))
                                       : json(nullptr);
    return out;
}

std::string forecast_location(service::ForecastSheet const& f) { return "/v1/forecasts/" + std::to_string(f.id); }
std::string proposal_location(service::ProposalSheet const& p) { return "/v1/proposals/" + std::to_string(p.proposal.id); }
std::string directive_location(ports::DirectiveRecord const& d) { return "/v1/directives/" + std::to_string(d.id); }

}  // namespace

Table warning_routes(service::Service& s) {
    auto const& views = s.views();
    auto const& plan = s.plan();
    return {
        {"GET", "/v1/status", {kAnyone, now([&](Context const&) { return json_response(200, status_json(views, s.episodes().status())); })}},
        {"POST", "/v1/forecasts", {kOperators, after_commit([&](Context const& c, Completion done) {
             s.forecasts().submit(c.command(), read_forecast_submission(body_of(c.request), plan, views.offset_minutes),
                                  json_answer(views, &forecast_json, std::move(done), 201, &forecast_location));
         })}},
        {"GET", "/v1/forecasts/{id}", {kStaff, now([&](Context const& c) { return json_response(200, forecast_json(views, s.forecasts().forecast(id(c)))); })}},
        {"POST", "/v1/proposals", {kDuty, after_commit([&](Context const& c, Completion done) {
             s.proposals().create(c.command(), read_proposal_request(body_of(c.request), plan),
                                  json_answer(views, &proposal_json, std::move(done), 201, &proposal_location));
         })}},
        {"GET", "/v1/proposals", {kStaff, now([&](Context const& c) { return json_response(200, proposals_json(views, s.proposals().proposals(proposal_status(c.match)))); })}},
        {"GET", "/v1/proposals/{id}", {kStaff, now([&](Context const& c) { return json_response(200, proposal_json(views, s.proposals().proposal(id(c)))); })}},
        {"GET", "/v1/proposals/{id}/notice.html", {kStaff, now([&](Context const& c) { return html_response(s.proposals().notice_html(id(c))); })}},
        {"POST", "/v1/proposals/{id}/approve", {kApprover, after_commit([&](Context const& c, Completion done) {
             s.proposals().approve(c.command(), id(c), read_approval(body_of(c.request)),
                                   json_answer(views, &proposal_json, std::move(done)));
         })}},
        {"POST", "/v1/proposals/{id}/reject", {kApprover, after_commit([&](Context const& c, Completion done) {
             s.proposals().reject(c.command(), id(c), read_rejection(body_of(c.request)),
                                  json_answer(views, &proposal_json, std::move(done)));
         })}},
        {"POST", "/v1/directives", {kOperators, after_commit([&](Context const& c, Completion done) {
             s.directives().create(c.command(), read_directive_request(body_of(c.request), plan),
                                   json_answer(views, &directive_json, std::move(done), 201, &directive_location));
         })}},
        {"GET", "/v1/directives", {kStaff, now([&](Context const&) { return json_response(200, directives_json(views, s.directives().directives())); })}},
        {"GET", "/v1/directives/{id}", {kStaff, now([&](Context const& c) { return json_response(200, directive_json(views, s.directives().directive(id(c)))); })}},
        {"POST", "/v1/directives/{id}/lift", {kOperators, after_commit([&](Context const& c, Completion done) {
             s.directives().lift(c.command(), id(c), read_directive_lift(body_of(c.request)),
                                 json_answer(views, &directive_json, std::move(done)));
         })}},
        {"GET", "/v1/episodes", {kStaff, now([&](Context const&) { return json_response(200, episodes_json(views, s.episodes().episodes())); })}},
        {"GET", "/v1/episodes/{id}", {kStaff, now([&](Context const& c) { return json_response(200, episode_json(views, s.episodes().episode(id(c)))); })}},
        {"GET", "/v1/episodes/{id}/progress", {kStaff, now([&](Context const& c) { return json_response(200, progress_json(views, s.progress().episode_progress(id(c)))); })}},
        {"GET", "/v1/episodes/{id}/report", {kStaff, [&s](Context const& c, Responder const& respond) {
             build_later(s.reports(), respond, [&s, episode = id(c), format = report_format(c.request, c.match)] {
                 return report_response(s.reports(), episode, format);
             });
         }}},
        {"GET", "/v1/episodes/{id}/report/unacknowledged", {kStaff, [&s](Context const& c, Responder const& respond) {
             auto const wanted = report_page(c.match);
             build_later(s.reports(), respond, [&s, episode = id(c), page = wanted.first, limit = wanted.second] {
                 return json_response(200, never_acknowledged_page(s.reports(), episode, page, limit));
             });
         }}},
        {"POST", "/v1/observations", {kOperators, after_commit([&](Context const& c, Completion done) {
             s.observations().record_observations(c.command(), read_observation_batch(body_of(c.request), views.offset_minutes),
                                                  json_answer(views, &observation_receipt_json, std::move(done)));
         })}},
        {"GET", "/v1/observations", {kStaff, now([&](Context const& c) { auto const [from, to] = observation_range(c.match); return json_response(200, observations_json(views, s.observations().observations(from, to))); })}},
    };
}

}  // namespace hazeguard::api::routes
