#pragma once
/// @file proposal_request.hpp
/// @brief A proposal as its request states it, read field by field (every fault with its pointer),
/// and the plan's checks on it that are stored with it.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/forecast/forecast.hpp"
#include "engine/time/timestamp.hpp"
#include "plans/plan.hpp"

namespace hazeguard::service {

struct ProposalRequest {
    std::string action;
    std::optional<std::string> level;
    std::optional<engine::Instant> start, end;
    bool null_end = false;   ///< "end_at": null was sent (open-ended)
    std::string note;
    std::optional<engine::Instant> consulted;
    std::optional<std::int64_t> forecast_id, directive_id;
    std::optional<std::string> rule_set;
};

/// @brief Throws Error(validation) listing every fault.
ProposalRequest read_proposal(nlohmann::json const& body, plans::Plan const& plan);

/// @brief What the plan's rules say about a downgrade or lift at `start` (fluctuation, 36 h), as
/// stored facts.
nlohmann::json rule_checks(plans::Plan const& plan, plans::RuleSet const& rules,
                           std::optional<engine::Forecast> const& f, std::string const& action,
                           std::optional<int> level, engine::Instant start, bool directive_ordered);

}  // namespace hazeguard::service
