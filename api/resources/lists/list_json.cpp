#include "api/resources/lists/list_json.hpp"

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

/// A valid list's warnings: [{pointer, message}].
json warnings_json(std::vector<engine::ListProblem> const& warnings) {
    json out = json::array();
    for (auto const& w : warnings) out.push_back({{"pointer", w.pointer}, {"message", w.message}});
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

json enterprise_entry_json(service::EnterpriseEntry const& e) {
    json out = json::parse(e.entry);
    out["list_version"] = e.list_version;
    return out;
}

}  // namespace hazeguard::api
