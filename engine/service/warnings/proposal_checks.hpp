#pragma once
/// @file proposal_checks.hpp
/// @brief The plan's checks on a proposal, stored with it (its "checks" JSON).

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/forecast/forecast.hpp"
#include "engine/service/warnings/proposals_service.hpp"
#include "engine/time/timestamp.hpp"
#include "engine/workflow/warning_state.hpp"
#include "plans/plan.hpp"

namespace hazeguard::service {

/// @brief What the plan's rules say about the proposal starting at `start` while `level` is in force
/// (fluctuation for an issue, upgrade or downgrade; the 36 h rule for a lift), as stored facts.
nlohmann::json rule_checks(plans::Plan const& plan, plans::RuleSet const& rules,
                           std::optional<engine::Forecast> const& f, ProposalRequest const& r,
                           std::optional<int> level, engine::Instant start);

/// @brief Deviation needs a reason (环大气〔2024〕6号: no warning without the forecast's grounds):
/// an issue, upgrade or downgrade whose level differs from the forecast assessment's
/// recommendation (`assessment` as stored with the forecast) states why, unless it takes the level
/// of the directive it cites or the next level up that the fluctuation rule calls for. Returns the
/// stored fact {recommended_level, justification}, or null when the proposal follows the
/// recommendation; throws Error(validation) at /justification when it deviates without one.
nlohmann::json deviation(plans::Plan const& plan, plans::RuleSet const& rules, engine::Forecast const& f,
                         ProposalRequest const& r, nlohmann::json const& assessment,
                         std::optional<std::string> const& directive_level, engine::Instant start);

/// @brief How far ahead an issue or upgrade is announced, against the plan's advance notice for its
/// level (null when the plan sets none): {required_hours, hours, short}.
nlohmann::json advance_notice(plans::Plan const& plan, ProposalRequest const& r, engine::Instant start,
                              engine::Instant now);

/// @brief Episodes not separated by `episode_merge_hours` are one pollution process at the stricter
/// level (domain §4.3; MEE 2017): for an issue starting that soon after the last episode closed,
/// {last_episode, peak_level, hours_since, stricter_level_required} where the last episode's peak
/// (`last_peak`, a level id) is above the level; null when the rule does not apply.
nlohmann::json merged_process(plans::Plan const& plan, ProposalRequest const& r, engine::WarningState const& state,
                              std::optional<std::string> const& last_peak, engine::Instant start);

}  // namespace hazeguard::service
