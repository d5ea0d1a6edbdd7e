#pragma once
/// @file wording.hpp
/// @brief Chinese words for the codes the API takes (actions, measure sectors, forecast and
/// directive issuers, pollutants, actors), as the timeline, notices and reports write them.

#include <string>

#include "engine/domain/words_cn.hpp"

namespace hazeguard::service {

/// @brief "issue" → "发布", "upgrade" → "升级为", …; an unknown code as it is.
std::string action_cn(std::string const& action);
/// @brief "issue" → "发布预警", "upgrade" → "预警升级", … (the name of the action itself).
std::string action_name_cn(std::string const& action);
/// @brief Why the level changed, for the timeline: "issue" → "发布预警", …, "planned_end" → "预警到期结束",
/// "directive_start" → "区域预警指令开始", "directive_end" → "区域预警指令结束".
std::string transition_cn(std::string const& action);
/// @brief "health" → "健康防护引导措施", …; an unknown sector → "其他措施".
std::string sector_cn(std::string const& sector);
/// @brief Who held the consultation: "joint" → "省、市专家组联合会商", "city" → "市生态环境、气象部门
/// 会商", …; any other issuer (already written by a person) as it is.
std::string forecast_issuer_cn(std::string const& issuer);
/// @brief "PM2.5" and "PM10" as they are; "O3" → "臭氧", "dust" → "沙尘", "fireworks" → "烟花爆竹燃放".
std::string pollutant_cn(std::string const& pollutant);
/// Refs, directive issuers and actors: engine/domain/words_cn.hpp.
using engine::actor_cn;
using engine::directive_issuer_cn;
using engine::ref_cn;

}  // namespace hazeguard::service
