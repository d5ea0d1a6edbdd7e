// The directive page: the regional directives (MEE, Shanxi, the Fenwei office) with a form to
// record one and a button to lift one, through the same service as POST /v1/directives and
// POST /v1/directives/{id}/lift; a form with faults comes back 422 with its fields marked.
#include "api/app/console/console_directive_routes.hpp"

#include <algorithm>

#include "api/app/console/console_data.hpp"
#include "api/app/console/console_forms.hpp"
#include "api/app/console/console_http.hpp"
#include "api/app/console/console_view.hpp"
#include "engine/domain/words_cn.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

Roles const kDirectiveReaders{"duty_officer", "approver", "department", "auditor", "admin"};
Roles const kDirectiveRecorders{"duty_officer", "admin"};

bool records_directives(service::Principal const& p) {
    return std::find(kDirectiveRecorders.begin(), kDirectiveRecorders.end(), p.role) != kDirectiveRecorders.end();
}

// What a directive form's faults say (the shared sentences name the forecast's and proposal's fields).
json directive_errors_cn(std::vector<service::FieldError> const& errors) {
    static std::map<std::string, std::string> const kWords = {
        {"issuer", "请选择下达单位。"},
        {"level", "请选择指令级别。"},
        {"start_at", "请填写生效时间。"},
        {"end_at", "结束时间须晚于生效时间，或不填。"},
        {"reference", "请填写文号或标题（不超过66个字）。"},
        {"note", "备注过长。"},
    };
    json out = field_errors_cn(errors);
    for (auto& [field, sentence] : out.items())
        if (auto const it = kWords.find(field); it != kWords.end()) sentence = it->second;
    return out;
}

std::string directive_status_cn(std::string const& status) {
    if (status == "pending") return "待生效";
    if (status == "in_force") return "生效中";
    if (status == "ended") return "已结束";
    if (status == "cancelled") return "已撤销";
    return status;
}

json choices_of(json const& values, std::string const& chosen) {
    json out = json::array();
    for (auto const& v : values) out.push_back({{"value", v.at("value")}, {"label", v.at("label")}, {"selected", v.at("value") == chosen}});
    return out;
}

json directive_form_data(service::Service& s, Form const& typed, json const& errors) {
    json issuers = json::array({{{"value", ""}, {"label", "（请选择）"}}});
    for (char const* issuer : {"MEE", "shanxi", "fenwei_office"})
        issuers.push_back({{"value", issuer}, {"label", engine::directive_issuer_cn(issuer)}});
    json levels = json::array({{{"value", ""}, {"label", "（请选择）"}}});
    auto const choices = console_data::plan_choices(s);
    for (auto const& l : choices.at("levels")) levels.push_back({{"value", l.at("id")}, {"label", l.at("name_cn")}});
    auto const idem = form_field(typed, "idem");
    return {{"issuers", choices_of(issuers, form_field(typed, "issuer"))},
            {"levels", choices_of(levels, form_field(typed, "level"))},
            {"start_at", form_field(typed, "start_at")},
            {"end_at", form_field(typed, "end_at")},
            {"reference", form_field(typed, "reference")},
            {"note", form_field(typed, "note")},
            {"idem", idem.empty() ? new_form_key() : idem},
            {"errors", errors.empty() ? json(nullptr) : errors}};
}

Response directives_page(service::Service& s, Context const& c, int status = 200, Form const& typed = {},
                         json const& errors = json::object()) {
    bool const may_record = records_directives(c.principal);
    json rows = json::array();
    auto const all = console_data::directives(s);
    for (auto const& d : all.at("items")) {
        auto const state = d.at("status").get<std::string>();
        bool const liftable = state == "pending" || state == "in_force";
        rows.push_back({{"id", d.at("id")},
                        {"issuer_cn", engine::directive_issuer_cn(d.at("issuer").get<std::string>())},
                        {"level_cn", d.at("level_name_cn")},
                        {"reference", d.at("reference")},
                        {"start_cn", time_cn(d.at("start_at"))},
                        {"end_cn", d.at("end_at").is_null() ? json(nullptr) : json(time_cn(d.at("end_at")))},
                        {"status_cn", directive_status_cn(state)},
                        {"recorded_by", d.at("recorded_by")},
                        {"may_record", may_record},
                        {"liftable", liftable},
                        {"lift_cn", state == "pending" ? "撤销" : "解除"},
                        {"idem_lift", new_form_key()},
                        {"csrf", c.csrf}});
    }
    json data{{"directives", rows}, {"has_directives", !rows.empty()}, {"may_record", may_record}, {"csrf", c.csrf},
              {"form", may_record ? directive_form_data(s, typed, errors) : json(nullptr)}};
    if (may_record) data["form"]["csrf"] = c.csrf;
    return page_response(status, render_page("console/directives.html", data, "区域应急指令", PageUser{c.principal, c.csrf}));
}

json directive_body(service::Service& s, Form const& form) {
    auto const offset = s.plan().utc_offset;
    json body{{"issuer", form_field(form, "issuer")}, {"level", form_field(form, "level")}, {"reference", form_field(form, "reference")}};
    if (!form_field(form, "start_at").empty()) body["start_at"] = instant_of_local_input(form_field(form, "start_at"), offset);
    if (!form_field(form, "end_at").empty()) body["end_at"] = instant_of_local_input(form_field(form, "end_at"), offset);
    if (!form_field(form, "note").empty()) body["note"] = form_field(form, "note");
    for (char const* name : {"issuer", "level", "reference"})
        if (body.at(name) == "") body.erase(name);
    return body;
}

service::Completion back_to_directives(Responder const& respond) {
    return [respond](std::exception_ptr error, service::Reply) {
        if (error) return respond(refusal_page(respond, error));
        respond(redirect("/directives"));
    };
}

void record_directive(service::Service& s, Context const& c, Responder const& respond) {
    auto const form = form_of(c.request);
    check_csrf(form, c.csrf);
    try {
        console_data::record_directive(s, form_command(c, form), directive_body(s, form), back_to_directives(respond));
    } catch (service::Error const& e) {
        if (e.code != service::Errc::validation) throw;
        respond(directives_page(s, c, 422, form, directive_errors_cn(e.errors)));
    }
}

void lift_directive(service::Service& s, Context const& c, Responder const& respond) {
    auto const form = form_of(c.request);
    check_csrf(form, c.csrf);
    console_data::lift_directive(s, form_command(c, form), c.match.id, back_to_directives(respond));
}

}  // namespace

std::vector<Route<RouteSpec>> console_directive_routes(service::Service& s) {
    auto const staff = [](Roles roles, RouteHandler h, std::size_t limit = kDefaultBodyLimit) {
        return RouteSpec{std::move(roles), console_page(std::move(h)), limit, false, true};
    };
    return {
        {"GET", "/directives", staff(kDirectiveReaders, [&s](Context const& c, Responder const& respond) { respond(directives_page(s, c)); })},
        {"POST", "/directives", staff(kDirectiveRecorders, [&s](Context const& c, Responder const& respond) { record_directive(s, c, respond); }, kFormBodyLimit)},
        {"POST", "/directives/{id}/lift", staff(kDirectiveRecorders, [&s](Context const& c, Responder const& respond) { lift_directive(s, c, respond); }, kFormBodyLimit)},
    };
}

}  // namespace hazeguard::api
