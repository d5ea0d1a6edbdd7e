#pragma once
/// @file forecast_codec.hpp
/// @brief Forecast products to and from their stored JSON (the forecasts table's body).

#include <nlohmann/json.hpp>

#include "engine/forecast/forecast.hpp"

namespace hazeguard::service {

/// @brief {"issued_at", "issuer", "consulted_at" (null when not given), "days": [{"date", "aqi_low",
/// "aqi_high", "aqi_central", "primary_pollutant"}]} with times in epoch seconds.
nlohmann::json forecast_to_json(engine::Forecast const& f);
engine::Forecast forecast_from_json(nlohmann::json const& j, int offset_minutes);

}  // namespace hazeguard::service
