// The list pages' routes. A list file is sent by lists.js as it is — the file's bytes as the body,
// with Content-Type text/csv or application/json, the session's CSRF token in X-CSRF-Token and,
// for the import, the page's form key in Idempotency-Key — so the console reads it exactly as
// PUT /v1/enterprises does (same body limit, same readers) and parses no multipart/form-data.
#include "api/app/console/console_list_routes.hpp"

#include <algorithm>

#include "api/app/console/console_forms.hpp"
#include "api/app/console/console_http.hpp"
#include "api/app/console/console_list_data.hpp"
#include "api/app/console/console_view.hpp"
#include "api/resources/lists/list_requests.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

Roles const kListReaders{"duty_officer", "approver", "department", "auditor", "admin"};
Roles const kListImporters{"duty_officer", "admin"};  // as PUT /v1/enterprises

bool may_import(service::Principal const& p) {
    return std::find(kListImporters.begin(), kListImporters.end(), p.role) != kListImporters.end();
}

Response json_page(int status, json const& body) {
    Response r = page_response(status, body.dump());
    r.content_type = "application/json";
    return r;
}

// The file's format from its Content-Type; a 415 page otherwise.
std::string file_format(Request const& r) {
    auto const type = r.headers.get("Content-Type").value_or("");
    if (type.rfind("text/csv", 0) == 0) return "csv";
    if (type.rfind("application/json", 0) == 0) return "json";
    throw PageAnswer{error_page(415, "文件格式不支持", "请上传JSON或CSV格式的应急减排清单。")};
}

void check_header_csrf(Context const& c) {
    check_csrf({{"csrf", c.request.headers.get("X-CSRF-Token").value_or("")}}, c.csrf);
}

Response lists_page(service::Service& s, Context const& c, int status = 200) {
    auto data = console_list::lists_data(s);
    data["may_import"] = may_import(c.principal);
    data["csrf"] = c.csrf;
    data["idem"] = new_form_key();
    data["lists_js"] = asset_name("lists.js");
    if (auto const v = c.match.query("imported")) data["imported"] = *v;
    if (auto const v = c.match.query("unchanged")) data["unchanged"] = *v;
    return page_response(status, render_page("console/lists.html", data, "应急减排清单", PageUser{c.principal, c.csrf}));
}

// The dry run: the problem table (or the clean file's count and warnings) as {"clean", "html"}.
void check_file(service::Service& s, Context const& c, Responder const& respond) {
    check_header_csrf(c);
    auto const format = file_format(c.request);
    json data;
    try {
        s.lists().import_list(c.command(), c.request.body, format, true, "console",
                              {[&data](service::ListImport const& r) {
                                   data = console_list::clean_check_data(r);
                                   return service::Reply{};
                               },
                               [](std::exception_ptr, service::Reply) {}});
    } catch (service::Error const& e) {
        if (e.code != service::Errc::invalid_list && e.code != service::Errc::malformed_json) throw;
        data = console_list::problems_data(e);
    }
    auto const clean = data.value("clean", false);
    respond(json_page(200, {{"clean", clean}, {"html", render_fragment("console/list_check.html", data, "")}}));
}

// The import: the new version's page, or the same list again (no new version).
void import_file(service::Service& s, Context const& c, Responder const& respond) {
    check_header_csrf(c);
    auto const format = file_format(c.request);
    auto const cmd = form_command(c, {{"idem", c.request.headers.get("Idempotency-Key").value_or("")}});
    try {
        s.lists().import_list(cmd, c.request.body, format, false, "console",
                              {[](service::ListImport const& r) {
                                   auto const v = std::to_string(r.version.version);
                                   return service::Reply{200, {{"location", r.unchanged ? "/lists?unchanged=" + v : "/lists?imported=" + v}}, ""};
                               },
                               [respond](std::exception_ptr error, service::Reply reply) {
                                   if (!error) return respond(json_page(200, reply.body));
                                   try {
                                       std::rethrow_exception(error);
                                   } catch (service::Error const& e) {
                                       if (e.code == service::Errc::invalid_list || e.code == service::Errc::malformed_json)
                                           return respond(json_page(422, {{"html", render_fragment("console/list_check.html",
                                                                                                   console_list::problems_data(e), "")}}));
                                   } catch (...) {
                                   }
                                   respond(refusal_page(respond, error));
                               }});
    } catch (service::Error const& e) {
        if (e.code != service::Errc::invalid_list && e.code != service::Errc::malformed_json) throw;
        respond(json_page(422, {{"html", render_fragment("console/list_check.html", console_list::problems_data(e), "")}}));
    }
}

Response changes_page(service::Service& s, Context const& c) {
    service::ListChangesQuery query;
    try {
        query = list_changes_query(c.match);
    } catch (Problem const&) {
        return error_page(400, "查询条件有误", "请从清单页选择要比较的两个版本。");
    }
    auto data = console_list::changes_data(s, query);
    return page_response(200, render_page("console/list_changes.html", data,
                                          "清单第" + std::to_string(query.from) + "版与第" + std::to_string(query.to) + "版比较",
                                          PageUser{c.principal, c.csrf}));
}

}  // namespace

std::vector<Route<RouteSpec>> console_list_routes(service::Service& s) {
    auto const page = [](Roles const& roles, RouteHandler h, std::size_t limit = kDefaultBodyLimit) {
        return RouteSpec{roles, console_page(std::move(h)), limit, false, true};
    };
    return {
        {"GET", "/lists", page(kListReaders, [&s](Context const& c, Responder const& respond) { respond(lists_page(s, c)); })},
        {"GET", "/lists/changes", page(kListReaders, [&s](Context const& c, Responder const& respond) { respond(changes_page(s, c)); })},
        {"POST", "/lists/check", page(kListImporters, [&s](Context const& c, Responder const& respond) { check_file(s, c, respond); }, kListBodyLimit)},
        {"POST", "/lists/import", page(kListImporters, [&s](Context const& c, Responder const& respond) { import_file(s, c, respond); }, kListBodyLimit)},
    };
}

}  // namespace hazeguard::api
