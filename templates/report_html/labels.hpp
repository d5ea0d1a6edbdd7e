#pragma once
/// @file labels.hpp
/// @brief Chinese wording for the codes of the report JSON (levels, actions, statuses, verdicts).
/// An unknown code prints as it is.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "plans/plan.hpp"

namespace hazeguard::templates::report_html {

using nlohmann::json;

/// @brief The plan's level with this id, or nullopt (null, "", unknown).
std::optional<plans::Level> plan_level(plans::Plan const& plan, json const& level_id);

/// @brief The level's name_cn ("黄色预警（Ⅲ级响应）"); `none_cn` for null or "".
std::string level_name(plans::Plan const& plan, json const& level_id, std::string const& none_cn = "无");

/// @brief The plan's rule set as "title_cn（source）"; an unknown id as it is.
std::string rule_set_title(plans::Plan const& plan, json const& rule_set_id);

/// @brief issue 发布, upgrade 升级, downgrade 降级, extend 延长, lift 解除.
std::string action_cn(json const& action);

/// @brief approved 已签发, rejected 未批准, pending 待签发, cancelled 已撤回, superseded 已被替代.
std::string proposal_status_cn(json const& status);

/// @brief Timeline entry kinds: forecast 预报, proposal 审批单, signature 签发, ...
std::string timeline_kind_cn(json const& kind);

/// @brief ok 适当, under 偏低, over 偏高.
std::string verdict_cn(json const& verdict);

/// @brief high 高, medium 中, low 低.
std::string severity_cn(json const& severity);

/// @brief true 按时, false 超时, null 未完成.
std::string on_time_cn(json const& on_time);

/// @brief The CSS tone of a yes/no outcome (on time, hit, target met): true "good", false "bad",
/// anything else "none".
std::string tone_of_outcome(json const& outcome);

/// @brief The CSS tone of a level verdict: ok "good", under "bad", over "warn", else "none".
std::string tone_of_verdict(json const& verdict);

}  // namespace hazeguard::templates::report_html
