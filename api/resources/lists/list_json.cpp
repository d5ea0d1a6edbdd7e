#include "api/resources/lists/list_json.hpp"

#include "engine/service/lists/level_reductions.hpp"

namespace hazeguard::api {
using nlohmann::json;

json list_json(service::ViewContext const& views, service::ListSheet const& list) {
    auto const& v = list.version;
    json out{{"version", v.version},      {"imported_at", views.local(v.imported_at)},
             {"imported_by", v.imported_by}, {"source", v.source},
             {"count", v.count},       {"sha256", v.sha256},
             {"drill", views.drill}};
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
