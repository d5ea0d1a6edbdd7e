// conclusions_view (declared in sections.hpp): the closing 问题与建议 of the report, drawn from
// its findings — a one-sentence count, then one recommendation per kind of finding, in the order
// the findings first name them.
#include <algorithm>
#include <array>
#include <map>
#include <string_view>
#include <utility>

#include "templates/report_html/format.hpp"
#include "templates/report_html/sections.hpp"

namespace hazeguard::templates::report_html {

namespace {

// What to do about each kind of finding (engine/report/findings.cpp codes).
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kRecommendations = {{
    {"form_late", "会商结束后及时填报预警信息发布审批表，确保在规定时限内完成"},
    {"signature_late", "优化审批签发流程，明确签发人及其授权，确保审批表在规定时限内签发"},
    {"distribution_late", "完善预警通知分发渠道和接收单位名册，确保签发后在规定时限内送达各有关单位"},
    {"onset_after_pollution", "加强污染过程预报研判，提前发布预警，确保应急措施在污染开始前落实"},
    {"directive_not_followed", "收到区域预警指令后，按指令要求的级别和时间及时启动相应级别预警"},
    {"directive_lag", "缩短落实区域预警指令的时间，确保与区域应急响应同步"},
    {"under_warned", "对照实测空气质量复核预警级别，必要时及时升级，避免预警级别偏低"},
    {"over_warned", "对照实测空气质量复核预警级别，及时降级或解除，避免预警级别偏高"},
    {"forecast_category_miss", "加强预报会商，提高空气质量等级预报准确率"},
    {"never_acknowledged", "对未签收减排指令的企业开展现场核查，督促其落实应急减排措施"},
    {"acknowledged_late", "督促企业落实专人值守，按时签收减排指令"},
    {"execution_missing", "督促企业按时报送执行情况，对未报送的企业开展现场核查"},
    {"executed_late", "督促企业在规定时限内报送执行情况"},
    {"escalated", "对逾期未签收的企业依法依规处理，并纳入绩效分级动态调整"},
    {"reduction_below_target", "评估应急减排清单减排量，修订清单使各级别减排比例达到预案要求"},
    {"electricity_short", "对用电量显示减排不足的企业开展现场核查，核实措施落实情况"},
}};

std::string_view recommendation_of(std::string const& code) {
    for (auto const& [c, text] : kRecommendations)
        if (c == code) return text;
    return {};
}

}  // namespace

json conclusions_view(json const& report) {
    std::map<std::string, int> by_severity;
    json recommendations = json::array();
    std::vector<std::string> seen;
    for (auto const& finding : items(report, "findings")) {
        by_severity[text(member(finding, "severity"))] += 1;
        auto const code = text(member(finding, "code"));
        if (std::find(seen.begin(), seen.end(), code) != seen.end()) continue;
        seen.push_back(code);
        if (auto const r = recommendation_of(code); !r.empty())
            recommendations.push_back({{"index", std::to_string(recommendations.size() + 1)}, {"text_cn", std::string(r)}});
    }
    int const total = by_severity["high"] + by_severity["medium"] + by_severity["low"];
    std::string summary = total == 0 ? "本次应急响应过程未发现问题。"
                                     : "本次应急响应过程共发现问题" + std::to_string(total) + "项，其中高" +
                                           std::to_string(by_severity["high"]) + "项、中" +
                                           std::to_string(by_severity["medium"]) + "项、低" +
                                           std::to_string(by_severity["low"]) + "项（按严重程度）。";
    return {{"summary_cn", summary}, {"recommendations", recommendations}, {"has_recommendations", !recommendations.empty()}};
}

}  // namespace hazeguard::templates::report_html
