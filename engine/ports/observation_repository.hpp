#pragma once
/// @file observation_repository.hpp
/// @brief Port: observed air quality per hour and per day (for the post-event evaluation), and the
/// values each correction replaced.

#include <optional>
#include <string>
#include <vector>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

/// @brief The observed values of one hour or day.
struct ObservedValues {
    int aqi = 0;
    std::optional<double> pm25;   ///< µg/m³
    std::string primary;          ///< primary pollutant, empty when none
    bool operator==(ObservedValues const&) const = default;
};

/// @brief One stored observation, keyed by (granularity, at).
struct ObservationRecord {
    std::string granularity;   ///< "hour" or "day"
    engine::Instant at = 0;    ///< start of the hour, or local midnight
    ObservedValues values;
    std::string source;
    int revision = 1;
    engine::Instant recorded_at = 0;   ///< wall clock
    std::string recorded_by;
};

/// @brief The values a correction replaced.
struct ObservationChange {
    std::string granularity;
    engine::Instant at = 0;
    int revision = 0;           ///< the revision replaced
    std::string previous;       ///< its values and source, JSON text
    engine::Instant changed_at = 0;
    std::string changed_by;
    std::string source;         ///< of the correction
};

class ObservationRepository {
public:
    virtual ~ObservationRepository() = default;
    virtual std::optional<ObservationRecord> find(std::string const& granularity, engine::Instant at) = 0;
    /// @brief Stores `record`, replacing the one with its key.
    virtual void put(ObservationRecord const& record) = 0;
    virtual void add_change(ObservationChange const& change) = 0;
    /// @brief Observations with `at` in [from, to), by granularity, then time.
    virtual std::vector<ObservationRecord> between(engine::Instant from, engine::Instant to) = 0;
    /// @brief The replaced values of one observation, oldest first.
    virtual std::vector<ObservationChange> changes(std::string const& granularity, engine::Instant at) = 0;
};

}  // namespace hazeguard::ports
