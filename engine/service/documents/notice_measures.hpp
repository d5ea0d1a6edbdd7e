#pragma once
/// @file notice_measures.hpp
/// @brief A level's public measures as a notice lists them, grouped as Taiyuan's notices do
/// (domain §5): 一、健康防护引导措施 二、倡议性减排措施 三、强制性减排措施（（一）工业源 （二）移动源
/// （三）扬尘源） 四、其他措施 — numbered in order, empty groups left out.

#include <nlohmann/json.hpp>

#include "plans/plan.hpp"

namespace hazeguard::service {

/// @brief [{heading_cn, items: [{index, text_cn}], subsections: [{heading_cn, items}]}] for the
/// level at `rank` on the forecast's pollutant `path` (health_advisory: health and advocacy
/// measures only); empty when the plan lists no public measure for it.
nlohmann::json notice_sections(plans::Plan const& plan, int rank, std::string const& path);

/// @brief "一", "二", … "十", "十一" … "九十九": the numerals of headings (GB/T 9704 一、（一）).
std::string chinese_numeral(int n);

}  // namespace hazeguard::service
