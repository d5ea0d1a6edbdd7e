#pragma once
/// @file forecast_codec.hpp
/// @brief Forecast products: from a request (validated, with pointers), to/from the stored JSON,
/// and the public view with local times.

#include <nlohmann/json.hpp>

#include "engine/forecast/forecast.hpp"
#include "engine/service/input.hpp"

namespace hazeguard::service {

/// @brief Reads issued_at, issuer, consulted_at and days[] from a request; faults go to `in`.
engine::Forecast read_forecast(Input& in, int offset_minutes);

nlohmann::json forecast_to_json(engine::Forecast const& f);
engine::Forecast forecast_from_json(nlohmann::json const& j, int offset_minutes);
nlohmann::json forecast_to_view(engine::Forecast const& f, int offset_minutes);

}  // namespace hazeguard::service
