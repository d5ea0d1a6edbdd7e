// findings_view (declared in sections.hpp): 七、发现的问题.
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "engine/domain/words_cn.hpp"
#include "templates/report_html/format.hpp"
#include "templates/report_html/labels.hpp"
#include "templates/report_html/sections.hpp"

namespace hazeguard::templates::report_html {
namespace {
struct Section {
    std::string_view member;   // first token of a JSON pointer
    char const* title_cn;
    char const* anchor;        // id of the section in the page
};

constexpr std::array<Section, 9> kSections{{
    {"episode", "一、过程概况", "sec-overview"},
    {"timeline", "一、过程概况", "sec-overview"},
    {"observations", "一、过程概况", "sec-overview"},
    {"timeliness", "二、时效性", "sec-timeliness"},
    {"forecast_performance", "三、预报效果", "sec-forecast"},
    {"level_appropriateness", "四、预警级别适当性", "sec-levels"},
    {"orders", "五、企业指令与签收", "sec-orders"},
    {"reductions", "六、减排", "sec-reductions"},
    {"findings", "七、发现的问题", "sec-findings"},
}};

/// What a pointer is about: the "ref", "date", "name" or "from" of the deepest object on its path.
std::string subject(json const& report, std::string const& pointer) {
    std::string found;
    for (std::size_t slash = pointer.find('/', 1);; slash = pointer.find('/', slash + 1)) {
        json const* value = nullptr;
        try {
            json::json_pointer const prefix(pointer.substr(0, slash));
            if (report.contains(prefix)) value = &report.at(prefix);
        } catch (json::parse_error const&) {  // a malformed pointer names no subject
        }
        if (value == nullptr) break;
        for (char const* key : {"ref", "date", "name", "from"}) {
            if (!member(*value, key).is_string()) continue;
            found = member(*value, key).get<std::string>();
            break;
        }
        if (slash == std::string::npos) break;
    }
    return found;
}

json evidence(json const& report, json const& pointer) {
    std::string const path = text(pointer);
    json out = {{"pointer", path}, {"subject", nullptr}, {"section_cn", "报告数据"}, {"anchor", nullptr}};
    if (path.empty() || path.front() != '/') return out;
    if (auto named = subject(report, path); !named.empty()) out["subject"] = engine::ref_cn(named);
    std::string_view const head = std::string_view(path).substr(1, path.find('/', 1) - 1);
    for (auto const& section : kSections) {
        if (section.member != head) continue;
        out["section_cn"] = section.title_cn;
        out["anchor"] = std::string("#") + section.anchor;
    }
    return out;
}

std::string tone_of_severity(json const& severity) {
    if (severity == "high") return "bad";
    if (severity == "medium") return "warn";
    return "none";
}
}  // namespace

json findings_view(json const& report) {
    json rows = json::array();
    for (auto const& finding : items(report, "findings")) {
        json evidences = json::array();
        for (auto const& pointer : items(finding, "evidence")) evidences.push_back(evidence(report, pointer));
        json const& severity = member(finding, "severity");
        rows.push_back({
            {"index", std::to_string(rows.size() + 1)},
            {"severity_cn", severity_cn(severity)},
            {"tone", tone_of_severity(severity)},
            {"code", text(member(finding, "code"))},
            {"text_cn", text(member(finding, "text_cn"))},
            {"evidence", evidences},
        });
    }
    return rows;
}

}  // namespace hazeguard::templates::report_html
