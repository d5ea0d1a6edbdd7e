#pragma once
/// @file wording.hpp
/// @brief Chinese words for the plan's action and measure-sector codes, as the timeline and the
/// notices write them.

#include <string>

namespace hazeguard::service {

/// @brief "issue" → "发布", "upgrade" → "升级为", …; an unknown code as it is.
std::string action_cn(std::string const& action);
/// @brief "health" → "健康防护引导措施", …; an unknown sector → "其他措施".
std::string sector_cn(std::string const& sector);

}  // namespace hazeguard::service
