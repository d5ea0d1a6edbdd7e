#pragma once
/// @file forecasts_service.hpp
/// @brief Forecast products (预报会商结果): taken in, assessed against the plan's rules, stored with
/// their assessment and a timeline row, read back.

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "engine/forecast/forecast.hpp"
#include "engine/ports/transactions.hpp"
#include "engine/service/command.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

class ForecastsService {
public:
    ForecastsService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views)
        : runner_(runner), transactions_(transactions), views_(views) {}

    /// @brief Validates at once (Error validation); answers 201 with the forecast's view once on disk.
    void submit(Command const& c, nlohmann::json const& body, Completion done);
    nlohmann::json forecast(std::int64_t id);

    /// @brief Forecast `id`, or without an id the latest one, as the engine reads it.
    std::optional<engine::Forecast> stored(ports::Store& store, std::optional<std::int64_t> id) const;

private:
    nlohmann::json view(ports::Store& store, std::int64_t id) const;
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
};

}  // namespace hazeguard::service
