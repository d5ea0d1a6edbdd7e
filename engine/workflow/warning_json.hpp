#pragma once
/// @file warning_json.hpp
/// @brief WarningState ↔ JSON: the stored form of the machine (phase by name, never MSM ids).

#include <nlohmann/json.hpp>

#include "engine/workflow/warning_state.hpp"

namespace hazeguard::engine {

nlohmann::json to_json(WarningState const& s);
/// @brief Throws std::runtime_error when the stored document is not a WarningState.
WarningState warning_state_from_json(nlohmann::json const& j);

}  // namespace hazeguard::engine
