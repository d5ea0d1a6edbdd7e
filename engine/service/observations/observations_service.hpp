#pragma once
/// @file observations_service.hpp
/// @brief Observed air quality (city hourly and daily AQI, PM2.5, primary pollutant) for the
/// post-event evaluation: recorded in batches, read back by time range. A value recorded again with
/// other numbers replaces the stored one (revision + 1) and the replaced values are kept.

#include <nlohmann/json.hpp>

#include "engine/ports/transactions.hpp"
#include "engine/service/command.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

class ObservationsService {
public:
    /// @param runner and @param transactions must outlive the service.
    ObservationsService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views)
        : runner_(runner), transactions_(transactions), views_(views) {}

    /// @brief POST /v1/observations: validates the batch at once (Error validation, every field at
    /// fault), then answers with the counts created, replaced and unchanged and every change, once
    /// on disk.
    void record_observations(Command const& c, nlohmann::json const& body, Completion done);
    /// @brief Observations with local times in [from, to), hourly and daily, with their revision
    /// history.
    nlohmann::json observations(engine::Instant from, engine::Instant to);

private:
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
};

}  // namespace hazeguard::service
