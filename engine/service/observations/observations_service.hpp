#pragma once
/// @file observations_service.hpp
/// @brief Observed air quality (city hourly and daily AQI, PM2.5, primary pollutant) for the
/// post-event evaluation: recorded in batches, read back by time range. A value recorded again with
/// other numbers replaces the stored one (revision + 1) and the replaced values are kept.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/ports/transactions.hpp"
#include "engine/service/command.hpp"
#include "engine/service/command_runner.hpp"

namespace hazeguard::service {

/// @brief One value of a batch: hourly (`at` the start of the hour) or daily (`at` local midnight).
struct Observation {
    std::string granularity;   ///< "hour" or "day"
    engine::Instant at = 0;
    ports::ObservedValues values;
};

/// @brief A batch of observations (each key at most once) and its source (the caller's name when absent).
struct ObservationBatch {
    std::optional<std::string> source;
    std::vector<Observation> observations;
};

/// @brief A stored value replaced by a batch: the revision it got, the values before and after.
struct ObservationCorrection {
    Observation observation;
    int revision = 0;
    ports::ObservedValues previous;
};

/// @brief What a batch did: how many values it held, created, replaced and left unchanged.
struct ObservationReceipt {
    std::size_t received = 0;
    int created = 0, replaced = 0, unchanged = 0;
    std::vector<ObservationCorrection> changes;
};

/// @brief A stored observation with the revisions it replaced (their values as stored JSON text).
struct ObservationHistory {
    ports::ObservationRecord record;
    std::vector<ports::ObservationChange> history;
};

/// @brief Observations in [from, to), hourly and daily, as stored.
struct ObservationRange {
    engine::Instant from = 0, to = 0;
    std::vector<ObservationHistory> observations;
};

class ObservationsService {
public:
    /// @param runner and @param transactions must outlive the service.
    ObservationsService(CommandRunner& runner, ports::Transactions& transactions)
        : runner_(runner), transactions_(transactions) {}

    /// @brief POST /v1/observations: answers with the counts created, replaced and unchanged and
    /// every change, once on disk.
    void record_observations(Command const& c, ObservationBatch batch, Answer<ObservationReceipt> answer);
    ObservationRange observations(engine::Instant from, engine::Instant to);

private:
    CommandRunner& runner_;
    ports::Transactions& transactions_;
};

}  // namespace hazeguard::service
