#pragma once
/// @file observation_csv.hpp
/// @brief Observed air quality exported by the monitoring network as CSV, turned into the body of
/// POST /v1/observations. Header names in English or Chinese (docs/api.md lists them); times
/// without an offset are local to the plan. Values are checked by the service, not here.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace hazeguard::engine {

struct ObservationCsv {
    nlohmann::json body;           ///< {"observations": [...]} in the API's shape
    std::vector<int> lines;        ///< CSV line of each entry of body["observations"]
    std::vector<std::string> errors;   ///< "line 7: ..." — the body is unusable when not empty
};

/// @brief Reads `text`. Columns: a time (时间/监测时间/time: "YYYY-MM-DD HH:MM" hourly, "YYYY-MM-DD"
/// daily, or RFC 3339) or a date (日期/date) with an optional hour (小时/hour); aqi (AQI);
/// optional pm25 (PM2.5) and primary_pollutant (首要污染物). `offset` is the plan's "+08:00".
ObservationCsv parse_observation_csv(std::string_view text, std::string const& offset);

}  // namespace hazeguard::engine
