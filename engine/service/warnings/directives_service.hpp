#pragma once
/// @file directives_service.hpp
/// @brief Regional directives (MEE, Shanxi, the Fenwei office): recorded, started and ended on
/// time (timers), lifted; while in force they set a floor under the city's level.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/ports/transactions.hpp"
#include "engine/service/alerts/public_alerts_service.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/delivery/delivery_service.hpp"
#include "engine/service/warnings/warning_cycle.hpp"

namespace hazeguard::service {

/// @brief A regional directive as received: its issuer (MEE, shanxi, fenwei_office), a level of the
/// plan, when it starts and (optionally) ends, its document reference and a note.
struct DirectiveRequest {
    std::string issuer, level;
    engine::Instant start_at = 0;
    std::optional<engine::Instant> end_at;
    std::string reference, note;
};

/// @brief A directive lifted, from `at` (now when absent).
struct DirectiveLift {
    std::optional<engine::Instant> at;
    std::string note;
};

class DirectivesService {
public:
    DirectivesService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views, WarningCycle& cycle,
                      PublicAlertsService const& alerts, DeliveryService const& delivery)
        : runner_(runner), transactions_(transactions), views_(views), cycle_(cycle), alerts_(alerts), delivery_(delivery) {}

    /// @brief Records the directive (started at once when its start has come); answers with it once on disk.
    void create(Command const& c, DirectiveRequest request, Answer<ports::DirectiveRecord> answer);
    /// @brief Error directive_not_active for a directive that has ended or was cancelled.
    void lift(Command const& c, std::int64_t id, DirectiveLift request, Answer<ports::DirectiveRecord> answer);
    ports::DirectiveRecord directive(std::int64_t id);
    /// @brief The newest 200.
    std::vector<ports::DirectiveRecord> directives();
    /// @brief The directive takes effect (its start timer, or at once when recorded late).
    void start(Tx& tx, std::int64_t id, engine::Instant at);
    void end(Tx& tx, std::int64_t id, engine::Instant at);

private:
    /// The notice of a regional warning taking effect at `at`, to every registered receiver, when
    /// it is recorded (received), with the plan's distribution deadline from then.
    void notify(Tx& tx, ports::DirectiveRecord const& d, std::int64_t id, engine::Instant at) const;
    static ports::DirectiveRecord find(ports::Store& store, std::int64_t id);
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
    WarningCycle& cycle_;
    PublicAlertsService const& alerts_;
    DeliveryService const& delivery_;
};

}  // namespace hazeguard::service
