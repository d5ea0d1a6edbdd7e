#pragma once
/// @file forecasts_service.hpp
/// @brief Forecast products (预报会商结果): taken in, assessed against the plan's rules, stored with
/// their assessment and a timeline row, read back.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/forecast/forecast.hpp"
#include "engine/ports/transactions.hpp"
#include "engine/service/command.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

/// @brief A forecast product as submitted: the product and the id of the plan's rule set it is
/// assessed with (the plan's default when absent).
struct ForecastSubmission {
    engine::Forecast forecast;
    std::optional<std::string> rule_set;
};

/// @brief A stored forecast: the product as the engine reads it and its row (the assessment made
/// when it came in, as stored JSON text; who entered it, under which plan version).
struct ForecastSheet {
    std::int64_t id = 0;
    engine::Forecast forecast;
    ports::ForecastRecord record;
};

class ForecastsService {
public:
    ForecastsService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views)
        : runner_(runner), transactions_(transactions), views_(views) {}

    /// @brief Assesses and stores the forecast; answers with its sheet once on disk. Error
    /// validation (/rule_set) for a rule set the plan does not have.
    void submit(Command const& c, ForecastSubmission submission, Answer<ForecastSheet> answer);
    /// @brief Error not_found for an unknown id.
    ForecastSheet forecast(std::int64_t id);

    /// @brief Forecast `id`, or without an id the latest one, as the engine reads it.
    std::optional<engine::Forecast> stored(ports::Store& store, std::optional<std::int64_t> id) const;

private:
    ForecastSheet sheet(ports::Store& store, std::int64_t id) const;
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
};

}  // namespace hazeguard::service
