#include "api/resources/lists/list_json.hpp"

#include "api/app/route.hpp"
#include "engine/enterprises/list_problem_text.hpp"
#include "engine/service/lists/level_reductions.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {
json version_json(service::ViewContext const& views, ports::ListVersion const& v) {
    return {{"version", v.version},      {"imported_at", views.local(v.imported_at)},
            {"imported_by", v.imported_by}, {"source", v.source},
            {"count", v.count},       {"sha256", v.sha256},
            {"drill", views.drill}};
}

/// A valid list's warnings: [{pointer, message, message_cn}].
json warnings_json(std::vector<engine::ListProblem> const& warnings) {
    json out = json::array();
    for (auto const& w : warnings)
        out.push_back({{"pointer", w.pointer}, {"message", w.message}, {"message_cn", engine::problem_text_cn(w)}});
    return out;
}
}  // namespace

json list_import_json(service::ViewContext const& views, service::ListImport const& result) {
    if (result.dry_run)
        return {{"dry_run", true}, {"count", result.version.count}, {"sha256", result.version.sha256},
                {"problems", json::array()}, {"warnings", warnings_json(result.warnings)}};
    auto out = version_json(views, result.version);
    if (!result.unchanged) out["warnings"] = warnings_json(result.warnings);
    return out;
}

service::Reply list_import_reply(service::ViewContext const& views, service::ListImport const& result) {
    return {result.dry_run || result.unchanged ? 200 : 201, list_import_json(views, result),
            result.dry_run ? "" : "/v1/enterprises"};
}

json list_json(service::ViewContext const& views, service::ListSheet const& list) {
    auto const& v = list.version;
    auto out = version_json(views, v);
    out["levels"] = json::object();
    for (auto const& [level, totals] : list.levels)
        out["levels"][level] = service::reduction_summary(views.plan, v.version, level, totals.enterprises, totals.reductions);
    out["by_district"] = list.by_district;
    out["by_grade"] = list.by_grade;
    out["by_industry"] = list.by_industry;
    return out;
}

json list_versions_json(service::ViewContext const& views, std::vector<ports::ListVersion> const& versions) {
    json out{{"current", nullptr}, {"versions", json::array()}};
    if (!versions.empty()) out["current"] = versions.front().version;
    for (auto const& v : versions) out["versions"].push_back(version_json(views, v));
    return out;
}

json list_changes_json(service::ViewContext const& views, service::ListChanges const& page, int limit) {
    json out{{"from", version_json(views, page.from)}, {"to", version_json(views, page.to)}, {"changes", json::array()},
             {"next", nullptr}};
    if (page.counts)
        out["counts"] = {{"added", page.counts->added}, {"removed", page.counts->removed}, {"changed", page.counts->changed}};
    for (auto const& c : page.changes) {
        json plant{{"credit_code", c.credit_code}, {"name", c.name}, {"change", c.kind}};
        if (c.kind == "changed") {
            plant["fields"] = json::array();
            for (auto const& f : c.fields) plant["fields"].push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
        }
        out["changes"].push_back(std::move(plant));
    }
    if (page.next_after)
        out["next"] = "/v1/enterprises/changes?from=" + std::to_string(page.from.version) + "&to=" +
                      std::to_string(page.to.version) + "&after=" + percent_encode(*page.next_after) + "&limit=" + std::to_string(limit);
    return out;
}

json enterprise_entry_json(service::EnterpriseEntry const& e) {
    json out = json::parse(e.entry);
    out["list_version"] = e.list_version;
    return out;
}

}  // namespace hazeguard::api
