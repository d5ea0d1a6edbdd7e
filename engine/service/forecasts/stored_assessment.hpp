#pragma once
/// @file stored_assessment.hpp
/// @brief The JSON of a forecast's assessment, stored with the forecast (its view shows it as is):
/// the level the plan's rules call for and why, and during a warning whether it may be lowered or
/// lifted (fluctuation and 36-hour rules).

#include <nlohmann/json.hpp>

#include "engine/forecast/forecast.hpp"
#include "engine/service/view_context.hpp"
#include "engine/workflow/warning_state.hpp"
#include "plans/plan.hpp"

namespace hazeguard::service {

nlohmann::json stored_assessment(ViewContext const& views, engine::Forecast const& f, plans::RuleSet const& rules,
                               engine::WarningState const& state);

}  // namespace hazeguard::service
