#pragma once
/// @file words_cn.hpp
/// @brief Chinese words for the codes that records carry (refs, directive issuers, actors), so
/// that no text written for people shows "batch:2", "shanxi" or "system". Pure.

#include <string>
#include <string_view>

namespace hazeguard::engine {

/// @brief "proposal:3" → "第3号审批单", "batch:2" → "第2批指令", "forecast:2" → "第2次会商预报",
/// "directive:1" → "第1号区域预警指令", "episode:1" → "第1号过程", "order:5" → "第5号指令",
/// "warning" → "预警状态"; any other text as it is.
std::string ref_cn(std::string_view ref);
/// @brief "MEE" → "生态环境部", "shanxi" → "山西省", "fenwei_office" → "汾渭平原大气污染防治协作小组办公室";
/// any other as it is.
std::string directive_issuer_cn(std::string const& issuer);
/// @brief "system" → "系统（自动）"; a person's name as it is.
std::string actor_cn(std::string const& actor);

}  // namespace hazeguard::engine
