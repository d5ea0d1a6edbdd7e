#include "templates/report_html/format.hpp"

#include <cmath>
#include <cstdio>
#include <regex>

namespace hazeguard::templates::report_html {
namespace {
json const kNull = nullptr;
json const kEmptyArray = json::array();
}  // namespace

json const& member(json const& object, std::string_view key) {
    if (!object.is_object()) return kNull;
    auto const it = object.find(key);
    return it == object.end() ? kNull : *it;
}

json const& items(json const& object, std::string_view key) {
    json const& value = member(object, key);
    return value.is_array() ? value : kEmptyArray;
}

std::string local_time(json const& rfc3339, char const* when_null) {
    if (rfc3339.is_null()) return when_null;
    if (!rfc3339.is_string()) return text(rfc3339);
    static std::regex const kPattern(R"((\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))");
    std::string const& value = rfc3339.get_ref<std::string const&>();
    std::smatch m;
    if (!std::regex_match(value, m, kPattern)) return value;
    std::string const offset = m[3] == "Z" ? "+00:00" : m[3].str();
    return m[1].str() + " " + m[2].str() + " (" + offset + ")";
}

std::string text(json const& value) {
    if (value.is_null()) return kMissing;
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "是" : "否";
    return value.dump();
}

std::string fixed(json const& value, int decimals) {
    if (!value.is_number()) return text(value);
    char buf[64];
    double const v = value.get<double>();
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(v) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : v);
    return buf;
}

std::string signed_fixed(json const& value, int decimals) {
    std::string const out = fixed(value, decimals);
    if (!value.is_number() || out.find_first_not_of("0.") == std::string::npos) return out;
    return out.front() == '-' ? "−" + out.substr(1) : "+" + out;
}

std::string percent(json const& share) {
    if (!share.is_number()) return text(share);
    return fixed(json(share.get<double>() * 100), 1) + "%";
}

std::string ratio_percent(json const& part, json const& whole) {
    if (!part.is_number() || !whole.is_number() || whole.get<double>() == 0) return kMissing;
    return percent(json(part.get<double>() / whole.get<double>()));
}

std::string joined(json const& strings, std::string (*format)(json const&)) {
    if (!strings.is_array() || strings.empty()) return "无";
    std::string out;
    for (auto const& s : strings) out += (out.empty() ? "" : "、") + format(s);
    return out;
}

}  // namespace hazeguard::templates::report_html
