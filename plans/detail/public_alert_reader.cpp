#include "plans/detail/public_alert_reader.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

namespace hazeguard::plans::detail {

namespace {

bool all_digits(std::string const& s, std::size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

/// A CAP polygon: at least four "lat,lon" pairs (WGS-84), the last equal to the first.
std::string polygon_problem(std::string const& text) {
    std::istringstream in(text);
    std::vector<std::string> pairs;
    for (std::string pair; in >> pair;) {
        auto const comma = pair.find(',');
        if (comma == std::string::npos) return "\"" + pair + "\" is not a lat,lon pair";
        try {
            std::size_t used = 0;
            double const lat = std::stod(pair.substr(0, comma), &used);
            if (used != comma) return "\"" + pair + "\" is not a lat,lon pair";
            std::string const lon_text = pair.substr(comma + 1);
            double const lon = std::stod(lon_text, &used);
            if (used != lon_text.size()) return "\"" + pair + "\" is not a lat,lon pair";
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180))
                return "\"" + pair + "\" is outside WGS-84 latitude/longitude";
        } catch (std::exception const&) {
            return "\"" + pair + "\" is not a lat,lon pair";
        }
        pairs.push_back(pair);
    }
    if (pairs.size() < 4) return "a polygon needs at least four points";
    if (pairs.front() != pairs.back()) return "a polygon must end at its first point";
    return "";
}

void read_levels(JsonReader& r, Json const& a, std::string const& p, Plan& plan, bool levels_readable) {
    auto const* list = r.required_array(a, p, "levels", true);
    if (!list) return;
    std::vector<std::string> seen;
    r.for_each_object(*list, child_pointer(p, "levels"), [&](Json const& v, std::string const& lp) {
        r.check_unknown_keys(v, lp, {"level", "severity", "urgency", "certainty"});
        AlertLevel l;
        l.level = r.required_string(v, lp, "level").value_or("");
        if (!l.level.empty()) {
            if (levels_readable && !plan.rank(l.level))
                r.report(child_pointer(lp, "level"), "unknown level " + in_quotes(l.level));
            r.check_unique(seen, l.level, child_pointer(lp, "level"), "level");
        }
        l.severity = r.required_enum(v, lp, "severity", {"Extreme", "Severe", "Moderate", "Minor", "Unknown"}).value_or("");
        l.urgency = r.required_enum(v, lp, "urgency", {"Immediate", "Expected", "Future", "Past", "Unknown"}).value_or("");
        l.certainty =
            r.required_enum(v, lp, "certainty", {"Observed", "Likely", "Possible", "Unlikely", "Unknown"}).value_or("");
        plan.public_alert->levels.push_back(std::move(l));
    });
}

}  // namespace

void read_public_alert(JsonReader& r, Json const& root, Plan& plan, bool levels_readable) {
    auto const* a = JsonReader::optional(root, "public_alert");
    if (!a) return;
    std::string const p = "/public_alert";
    if (!r.expect_object(*a, p)) return;
    r.check_unknown_keys(*a, p,
                         {"issuer_code", "sender_name_cn", "sender_name_en", "area_desc_cn", "area_desc_en", "geocode",
                          "polygon", "web", "all_clear_hours", "levels"});
    plan.public_alert.emplace();
    auto& s = *plan.public_alert;
    s.issuer_code = r.required_string(*a, p, "issuer_code").value_or("");
    if (!s.issuer_code.empty() && !all_digits(s.issuer_code, 14))
        r.report(child_pointer(p, "issuer_code"), "expected 14 digits (GB/T 35965.1 issuer code)");
    s.sender_name_cn = r.required_string(*a, p, "sender_name_cn").value_or("");
    s.sender_name_en = r.required_string(*a, p, "sender_name_en").value_or("");
    s.area_desc_cn = r.required_string(*a, p, "area_desc_cn").value_or("");
    s.area_desc_en = r.required_string(*a, p, "area_desc_en").value_or("");
    s.geocode = r.required_string(*a, p, "geocode").value_or("");
    if (!s.geocode.empty() && !all_digits(s.geocode, 6))
        r.report(child_pointer(p, "geocode"), "expected 6 digits (GB/T 2260 area code)");
    s.polygon = r.optional_string(*a, p, "polygon", true).value_or("");
    if (!s.polygon.empty())
        if (auto const why = polygon_problem(s.polygon); !why.empty()) r.report(child_pointer(p, "polygon"), why);
    s.web = r.optional_string(*a, p, "web", true).value_or("");
    s.all_clear_hours = r.required_int(*a, p, "all_clear_hours", 1, 48).value_or(2);
    read_levels(r, *a, p, plan, levels_readable);
}

}  // namespace hazeguard::plans::detail
