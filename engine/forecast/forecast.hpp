#pragma once
/// @file forecast.hpp
/// @brief A forecast product from a consultation (会商): daily AQI ranges and primary pollutants.

#include <optional>
#include <string>
#include <vector>

#include "engine/time/timestamp.hpp"

namespace hazeguard::engine {

/// @brief One forecast day: the local day starting at `day_start` (local midnight).
struct ForecastDay {
    std::string date;       ///< local date "YYYY-MM-DD"
    Instant day_start = 0;  ///< local midnight of `date`
    int aqi_low = 0;
    int aqi_high = 0;
    int aqi_central = 0;
    std::string primary_pollutant;  ///< "PM2.5", "PM10", "O3", "dust", "fireworks", ...
};

/// @brief A forecast product as entered by a duty officer.
struct Forecast {
    Instant issued_at = 0;
    std::string issuer;                    ///< "city", "province", "CNEMC", "joint", ...
    std::optional<Instant> consulted_at;   ///< when the consultation ended (defaults to issued_at)
    std::vector<ForecastDay> days;         ///< consecutive days, earliest first
};

}  // namespace hazeguard::engine
