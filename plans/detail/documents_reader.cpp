#include "plans/detail/documents_reader.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace hazeguard::plans::detail {

namespace {

void read_level_wording(JsonReader& r, Json const& d, std::string const& p, Plan& plan, bool levels_readable) {
    auto const* list = r.required_array(d, p, "levels", true);
    if (!list) return;
    auto const lp = child_pointer(p, "levels");
    std::vector<std::string> seen;
    r.for_each_object(*list, lp, [&](Json const& v, std::string const& vp) {
        r.check_unknown_keys(v, vp, {"level", "warning_cn", "response_cn"});
        DocumentLevelWording w;
        w.level = r.required_string(v, vp, "level").value_or("");
        if (!w.level.empty()) {
            if (levels_readable && !plan.rank(w.level))
                r.report(child_pointer(vp, "level"), "unknown level " + in_quotes(w.level));
            r.check_unique(seen, w.level, child_pointer(vp, "level"), "level");
        }
        w.warning_cn = r.required_string(v, vp, "warning_cn").value_or("");
        w.response_cn = r.required_string(v, vp, "response_cn").value_or("");
        plan.documents.levels.push_back(std::move(w));
    });
    if (!levels_readable) return;
    // A level whose id is itself at fault is reported there, not here again.
    auto const well_formed = [](std::string const& id) {
        return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
    };
    for (auto const& level : plan.levels)
        if (well_formed(level.id) && !plan.documents.level(level.id))
            r.report(lp, "no wording for level " + in_quotes(level.id));
}

}  // namespace

void read_documents(JsonReader& r, Json const& root, Plan& plan, bool levels_readable) {
    auto const* d = r.required_object(root, "", "documents");
    if (!d) return;
    std::string const p = "/documents";
    r.check_unknown_keys(*d, p,
                         {"issuer_cn", "number_prefix_cn", "addressees_cn", "approval_cn", "reporting_cn",
                          "advisory_reporting_cn", "lift_closing_cn", "copy_to_cn", "contact_cn", "dispatch_series_cn", "season_start_month",
                          "levels"});
    auto& s = plan.documents;
    s.issuer_cn = r.required_string(*d, p, "issuer_cn").value_or("");
    s.number_prefix_cn = r.required_string(*d, p, "number_prefix_cn").value_or("");
    s.addressees_cn = r.required_string(*d, p, "addressees_cn").value_or("");
    if (s.addressees_cn.ends_with("：") || s.addressees_cn.ends_with(":"))
        r.report(child_pointer(p, "addressees_cn"), "without the closing colon: documents add it");
    s.approval_cn = r.required_string(*d, p, "approval_cn").value_or("");
    s.reporting_cn = r.required_string(*d, p, "reporting_cn").value_or("");
    s.advisory_reporting_cn = r.optional_string(*d, p, "advisory_reporting_cn").value_or("");
    s.lift_closing_cn = r.required_string(*d, p, "lift_closing_cn").value_or("");
    s.copy_to_cn = r.optional_string(*d, p, "copy_to_cn").value_or("");
    s.contact_cn = r.required_string(*d, p, "contact_cn").value_or("");
    s.dispatch_series_cn = r.required_string(*d, p, "dispatch_series_cn").value_or("");
    s.season_start_month = r.required_int(*d, p, "season_start_month", 1, 12).value_or(9);
    read_level_wording(r, *d, p, plan, levels_readable);
}

}  // namespace hazeguard::plans::detail
