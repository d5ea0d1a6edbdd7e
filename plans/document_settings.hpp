#pragma once
/// @file document_settings.hpp
/// @brief How a plan's documents (公文) are headed, numbered and worded: the issuing body, the
/// 机关代字 of its document numbers, the addressees, the closing lines (GB/T 9704-2012 elements)
/// and the level names used in titles. Plain data, read from the plan's "documents" member.

#include <string>
#include <vector>

namespace hazeguard::plans {

/// @brief A level as documents name it: "黄色预警" in titles, "Ⅲ级应急响应" in the body.
struct DocumentLevelWording {
    std::string level;         ///< a Level::id
    std::string warning_cn;    ///< "黄色预警"; for the pre-stage "不利气象条件应对"
    std::string response_cn;   ///< "Ⅲ级应急响应"; for the pre-stage "不利气象条件应对措施"
};

/// @brief The plan's document settings (docs/plan-format.md "documents").
struct DocumentSettings {
    std::string issuer_cn;           ///< 发文机关, e.g. 太原市生态环境保护委员会办公室
    std::string number_prefix_cn;    ///< 机关代字 of 发文字号: "X〔2026〕3号"
    std::string addressees_cn;       ///< 主送机关, without the closing colon
    std::string approval_cn;         ///< how the decision is authorised, e.g. 经市人民政府同意
    std::string reporting_cn;        ///< the closing duty of a notice that starts or changes a response
    std::string advisory_reporting_cn;  ///< the same on the health-advisory path (O3, dust: no curtailment);
                                        ///< empty: reporting_cn
    std::string lift_closing_cn;     ///< the closing duty of a lift
    std::string copy_to_cn;          ///< 抄送机关, separated by "，"
    std::string contact_cn;          ///< the contact line (联系人, 联系电话)
    std::string dispatch_series_cn;  ///< the pre-stage's 调度令 after the season: "秋冬季应对不利气象条件调度令"
    int season_start_month = 9;      ///< 调度令 numbers restart in this month (the season "2026—2027年")
    std::vector<DocumentLevelWording> levels;

    /// @brief The wording of a level, or nullptr when the plan gives none.
    DocumentLevelWording const* level(std::string const& id) const {
        for (auto const& l : levels)
            if (l.level == id) return &l;
        return nullptr;
    }
};

}  // namespace hazeguard::plans
