#include "engine/service/documents/notice_measures.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace hazeguard::service {
using nlohmann::json;

namespace {

struct Group {
    std::string_view heading;
    std::vector<std::pair<std::string_view, std::string_view>> parts;   ///< sector → subsection heading ("" = none)
};

// The order and grouping of Taiyuan's notices.
std::array<Group, 4> const kGroups = {{
    {"健康防护引导措施", {{"health", ""}}},
    {"倡议性减排措施", {{"advocacy", ""}}},
    {"强制性减排措施", {{"industrial", "工业源"}, {"mobile", "移动源"}, {"dust", "扬尘源"}}},
    {"其他措施", {{"other", ""}}},
}};

json items_of(plans::Plan const& plan, std::string const& level, std::string const& path, std::string_view sector) {
    json items = json::array();
    for (auto const* m : plan.public_measures_for(level, path))
        if (m->sector == sector)
            items.push_back({{"index", static_cast<int>(items.size()) + 1}, {"text_cn", m->text_cn}});
    return items;
}

}  // namespace

std::string chinese_numeral(int n) {
    static constexpr std::array<std::string_view, 10> digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n <= 0 || n >= 100) return std::to_string(n);
    if (n < 10) return std::string(digits[static_cast<std::size_t>(n)]);
    return std::string(n >= 20 ? digits[static_cast<std::size_t>(n / 10)] : "") + "十" +
           std::string(digits[static_cast<std::size_t>(n % 10)]);
}

json notice_sections(plans::Plan const& plan, int rank, std::string const& path) {
    auto const& level = plan.level_at(rank).id;
    json sections = json::array();
    for (auto const& g : kGroups) {
        json section{{"items", json::array()}, {"subsections", json::array()}};
        for (auto const& [sector, heading] : g.parts) {
            auto items = items_of(plan, level, path, sector);
            if (items.empty()) continue;
            if (heading.empty()) {
                section["items"] = std::move(items);
                continue;
            }
            int const n = static_cast<int>(section["subsections"].size()) + 1;
            section["subsections"].push_back(
                {{"heading_cn", "（" + chinese_numeral(n) + "）" + std::string(heading)}, {"items", std::move(items)}});
        }
        if (section["items"].empty() && section["subsections"].empty()) continue;
        section["heading_cn"] = chinese_numeral(static_cast<int>(sections.size()) + 1) + "、" + std::string(g.heading);
        sections.push_back(std::move(section));
    }
    return sections;
}

}  // namespace hazeguard::service
