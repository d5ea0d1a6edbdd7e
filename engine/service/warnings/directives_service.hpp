#pragma once
/// @file directives_service.hpp
/// @brief Regional directives (MEE, Shanxi, the Fenwei office): recorded, started and ended on
/// time (timers), lifted; while in force they set a floor under the city's level.

#include <cstdint>

#include <nlohmann/json.hpp>

#include "engine/ports/transactions.hpp"
#include "engine/service/alerts/public_alerts_service.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/delivery/delivery_service.hpp"
#include "engine/service/warnings/warning_cycle.hpp"

namespace hazeguard::service {

class DirectivesService {
public:
    DirectivesService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views, WarningCycle& cycle,
                      PublicAlertsService const& alerts, DeliveryService const& delivery)
        : runner_(runner), transactions_(transactions), views_(views), cycle_(cycle), alerts_(alerts), delivery_(delivery) {}

    void create(Command const& c, nlohmann::json const& body, Completion done);
    void lift(Command const& c, std::int64_t id, nlohmann::json const& body, Completion done);
    nlohmann::json directive(std::int64_t id);
    /// @brief The newest 200.
    nlohmann::json directives();
    /// @brief The directive takes effect (its start timer, or at once when recorded late).
    void start(Tx& tx, std::int64_t id, engine::Instant at);
    void end(Tx& tx, std::int64_t id, engine::Instant at);

private:
    /// The notice of a regional warning taking effect at `at`, to every registered receiver, when
    /// it is recorded (received), with the plan's distribution deadline from then.
    void notify(Tx& tx, ports::DirectiveRecord const& d, std::int64_t id, engine::Instant at) const;
    nlohmann::json view(ports::Store& store, std::int64_t id) const;
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
    WarningCycle& cycle_;
    PublicAlertsService const& alerts_;
    DeliveryService const& delivery_;
};

}  // namespace hazeguard::service
