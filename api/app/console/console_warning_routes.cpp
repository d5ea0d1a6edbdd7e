// The warning pages' routes: forms post through console_data to the same services as the API;
// a form with faults comes back 422 with its fields marked, any other refusal is a Chinese page.
#include "api/app/console/console_warning_routes.hpp"

#include <algorithm>

#include "api/app/console/console_data.hpp"
#include "api/app/console/console_forms.hpp"
#include "api/app/console/console_http.hpp"
#include "api/app/console/console_view.hpp"
#include "api/app/console/console_warning_data.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

Roles const kWarningStaff{"duty_officer", "approver", "department", "auditor", "admin"};
Roles const kForecasters{"duty_officer", "admin"};
Roles const kProposers{"duty_officer"};
Roles const kApprovers{"approver"};

Response warning_page(Context const& c, int status, std::string const& name, json data, std::string const& title) {
    data["csrf"] = c.csrf;
    return page_response(status, render_page(name, data, title, PageUser{c.principal, c.csrf}));
}

// A command's end: a redirect to what it made or changed, or its refusal as a page.
service::Completion to_page(Responder const& respond, std::function<std::string(service::Reply const&)> where) {
    return [respond, where = std::move(where)](std::exception_ptr error, service::Reply reply) {
        if (error) return respond(refusal_page(respond, error));
        respond(redirect(where(reply)));
    };
}

std::string id_path(std::string const& prefix, service::Reply const& r) {
    return prefix + std::to_string(r.body.at("id").get<std::int64_t>());
}

// --- forecasts --------------------------------------------------------------------------------
Response forecast_form_page(service::Service& s, Context const& c, int status, Form const& typed, json const& errors) {
    return warning_page(c, status, "console/forecast.html", forecast_form_data(s, typed, errors), "录入会商预报");
}

void submit_forecast(service::Service& s, Context const& c, Responder const& respond) {
    auto const form = form_of(c.request);
    check_csrf(form, c.csrf);
    std::vector<int> rows;
    auto const body = forecast_body(s, form, rows);
    try {
        console_data::submit_forecast(s, form_command(c, form), body, to_page(respond, [](auto const& r) { return id_path("/forecasts/", r); }));
    } catch (service::Error const& e) {
        if (e.code != service::Errc::validation) throw;
        respond(forecast_form_page(s, c, 422, form, form_row_errors(field_errors_cn(e.errors), rows)));
    }
}

// The assessment as the form is typed (console.js posts the form here): nothing is stored.
void preview_forecast(service::Service& s, Context const& c, Responder const& respond) {
    auto const form = form_of(c.request);
    check_csrf(form, c.csrf);
    std::vector<int> rows;
    json data;
    try {
        data = assessment_data(console_data::preview_assessment(s, forecast_body(s, form, rows)));
        data["incomplete"] = false;
    } catch (service::Error const& e) {
        if (e.code != service::Errc::validation) throw;
        json problems = json::array();
        auto const faults = field_errors_cn(e.errors);
        for (auto const& [field, sentence] : faults.items())
            if (std::find(problems.begin(), problems.end(), sentence) == problems.end()) problems.push_back(sentence);
        data = {{"incomplete", true}, {"problems", problems}};
    }
    Response r = page_response(200, json{{"html", render_fragment("console/assessment_preview.html", data, "")}}.dump());
    r.content_type = "application/json";
    respond(std::move(r));
}

Response forecast_page(service::Service& s, Context const& c, std::int64_t id, int status = 200,
                       json const& values = nullptr, json const& errors = json::object()) {
    auto const f = console_data::forecast(s, id);
    json data = assessment_data(f);
    if (c.principal.role == "duty_officer")
        data["propose"] = propose_form_data(s, values.is_null() ? proposal_defaults(s, f) : values, errors);
    data["propose_html"] = data.contains("propose") ? json(render_fragment("console/propose_form.html", data["propose"], c.csrf)) : json(nullptr);
    return warning_page(c, status, "console/forecast_view.html", data, "研判结果");
}

// --- proposals --------------------------------------------------------------------------------
Response new_proposal_page(service::Service& s, Context const& c, int status, json const& values, json const& errors) {
    json data{{"propose_html", render_fragment("console/propose_form.html", propose_form_data(s, values, errors), c.csrf)}};
    return warning_page(c, status, "console/proposal_new.html", data, "呈报审批单");
}

void create_proposal(service::Service& s, Context const& c, Responder const& respond) {
    auto const form = form_of(c.request);
    check_csrf(form, c.csrf);
    try {
        console_data::create_proposal(s, form_command(c, form), proposal_body(s, form),
                                      to_page(respond, [](auto const& r) { return id_path("/proposals/", r); }));
    } catch (service::Error const& e) {
        if (e.code != service::Errc::validation) throw;
        auto const values = proposal_values(form);
        auto const errors = field_errors_cn(e.errors);
        std::int64_t forecast = 0;
        try {
            forecast = std::stoll(form_field(form, "forecast_id"));
        } catch (std::exception const&) {
        }
        respond(forecast > 0 ? forecast_page(s, c, forecast, 422, values, errors) : new_proposal_page(s, c, 422, values, errors));
    }
}

Response proposal_page(service::Service& s, Context const& c, std::int64_t id, int status = 200,
                       json const& reject_errors = json::object()) {
    return warning_page(c, status, "console/proposal.html", proposal_page_data(s, id, c.principal, reject_errors),
                        "审批单第" + std::to_string(id) + "号");
}

void decide(service::Service& s, Context const& c, Responder const& respond, bool approve) {
    auto const form = form_of(c.request);
    check_csrf(form, c.csrf);
    auto const id = c.match.id;
    auto done = to_page(respond, [id](auto const&) { return "/proposals/" + std::to_string(id); });
    if (approve) {
        json body = json::object();
        if (!form_field(form, "note").empty()) body["note"] = form_field(form, "note");
        return console_data::approve(s, form_command(c, form), id, body, std::move(done));
    }
    json body = json::object();
    if (!form_field(form, "reason").empty()) body["reason"] = form_field(form, "reason");
    try {
        console_data::reject(s, form_command(c, form), id, body, std::move(done));
    } catch (service::Error const& e) {
        if (e.code != service::Errc::validation) throw;
        respond(proposal_page(s, c, id, 422, field_errors_cn(e.errors)));
    }
}

}  // namespace

std::vector<Route<RouteSpec>> console_warning_routes(service::Service& s) {
    auto const staff = [](Roles roles, RouteHandler h, std::size_t limit = kDefaultBodyLimit) {
        return RouteSpec{std::move(roles), console_page(std::move(h)), limit, false, true};
    };
    return {
        {"GET", "/forecast", staff(kForecasters, [&s](Context const& c, Responder const& respond) { respond(forecast_form_page(s, c, 200, {}, json::object())); })},
        {"POST", "/forecast", staff(kForecasters, [&s](Context const& c, Responder const& respond) { submit_forecast(s, c, respond); }, kFormBodyLimit)},
        {"POST", "/forecast/preview", staff(kForecasters, [&s](Context const& c, Responder const& respond) { preview_forecast(s, c, respond); }, kFormBodyLimit)},
        {"GET", "/forecasts/{id}", staff(kWarningStaff, [&s](Context const& c, Responder const& respond) { respond(forecast_page(s, c, c.match.id)); })},
        {"GET", "/proposals", staff(kWarningStaff, [&s](Context const& c, Responder const& respond) {
             respond(warning_page(c, 200, "console/proposals.html", inbox_data(s, c.principal), "审批"));
         })},
        {"GET", "/proposals/new", staff(kProposers, [&s](Context const& c, Responder const& respond) {
             respond(new_proposal_page(s, c, 200, {{"action", "issue"}}, json::object()));
         })},
        {"POST", "/proposals", staff(kProposers, [&s](Context const& c, Responder const& respond) { create_proposal(s, c, respond); }, kFormBodyLimit)},
        {"GET", "/proposals/{id}", staff(kWarningStaff, [&s](Context const& c, Responder const& respond) { respond(proposal_page(s, c, c.match.id)); })},
        {"POST", "/proposals/{id}/approve", staff(kApprovers, [&s](Context const& c, Responder const& respond) { decide(s, c, respond, true); }, kFormBodyLimit)},
        {"POST", "/proposals/{id}/reject", staff(kApprovers, [&s](Context const& c, Responder const& respond) { decide(s, c, respond, false); }, kFormBodyLimit)},
        {"GET", "/proposals/{id}/notice", staff(kWarningStaff, [&s](Context const& c, Responder const& respond) {
             respond(document_response(console_data::notice_html(s, c.match.id)));
         })},
    };
}

}  // namespace hazeguard::api
