// The emission-reduction list's routes: imports (JSON or CSV), the current version, the versions
// and what changed between two, a plant's entry.
#include "api/resources/resource_routes.hpp"

#include "api/app/problem_response.hpp"
#include "api/resources/lists/list_json.hpp"
#include "api/resources/lists/list_requests.hpp"

namespace hazeguard::api::routes {
using service::Completion;

namespace {
void own_enterprise(service::Principal const& p, std::string const& code) {
    if (p.role == "enterprise" && p.enterprise_id != code)
        throw Problem(403, "/problems/forbidden-role", "Forbidden", "an enterprise token may only read its own entry");
}

std::string list_format(Request const& r) {
    auto const type = r.headers.get("Content-Type").value_or("");
    if (type.rfind("text/csv", 0) == 0) return "csv";
    if (type.rfind("application/json", 0) == 0) return "json";
    throw Problem(415, "/problems/unsupported-media-type", "Unsupported media type",
                  "send the list as application/json or text/csv");
}

void import_list(service::Service& s, Context const& c, Completion done) {
    s.lists().import_list(c.command(), c.request.body, list_format(c.request), c.match.query("dry_run") == "true", "api",
                          {[&s](service::ListImport const& r) { return list_import_reply(s.views(), r); }, std::move(done)});
}
}  // namespace

Table list_routes(service::Service& s) {
    return {
        {"PUT", "/v1/enterprises", {kOperators, after_commit([&](Context const& c, Completion done) { import_list(s, c, std::move(done)); }), kListBodyLimit}},
        {"GET", "/v1/enterprises", {kStaff, now([&](Context const&) { return json_response(200, list_json(s.views(), s.lists().current_list())); })}},
        // before /v1/enterprises/{code}, which would take "versions" for a credit code
        {"GET", "/v1/enterprises/versions", {kStaff, now([&](Context const&) { return json_response(200, list_versions_json(s.views(), s.lists().versions())); })}},
        {"GET", "/v1/enterprises/changes", {kStaff, now([&](Context const& c) {
             auto const query = list_changes_query(c.match);
             return json_response(200, list_changes_json(s.views(), s.lists().changes(query), query.limit));
         })}},
        {"GET", "/v1/enterprises/{code}", {kAnyone, now([&](Context const& c) { own_enterprise(c.principal, c.match.code); return json_response(200, enterprise_entry_json(s.lists().enterprise(c.match.code))); })}},
    };
}

}  // namespace hazeguard::api::routes
