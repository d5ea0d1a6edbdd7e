#pragma once
/// @file service.hpp
/// @brief The composition root of the application layer: starts the storage, picks the clock
/// (real, or a drill's simulated one) and builds every resource's service with its dependencies
/// (docs/architecture.md, "Services, ports and errors"). Thread-safe as its services are.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/forecast/forecast.hpp"
#include "engine/service/clock.hpp"
#include "engine/service/command.hpp"
#include "engine/service/alerts/public_alerts_service.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/delivery/delivery_service.hpp"
#include "engine/service/delivery/sms_service.hpp"
#include "engine/service/forecasts/forecasts_service.hpp"
#include "engine/service/identity/identity_service.hpp"
#include "engine/service/identity/sessions_service.hpp"
#include "engine/service/operations/operations_service.hpp"
#include "engine/service/lists/lists_service.hpp"
#include "engine/service/observations/observations_service.hpp"
#include "engine/service/orders/orders_service.hpp"
#include "engine/service/warnings/directives_service.hpp"
#include "engine/service/warnings/episodes_service.hpp"
#include "engine/service/warnings/proposals_service.hpp"
#include "engine/service/warnings/timers_service.hpp"
#include "engine/service/progress/progress_service.hpp"
#include "engine/service/roster/roster_service.hpp"
#include "engine/service/reports/reports_service.hpp"
#include "engine/service/view_context.hpp"
#include "engine/service/principal.hpp"
#include "engine/enterprises/enterprise.hpp"
#include "engine/workflow/warning.hpp"
#include "plans/plan.hpp"

namespace hazeguard::storage {
class SqliteBackend;
}

namespace hazeguard::service {

/// @brief How the service runs: drill mode marks every record and uses a simulated clock.
struct ServiceOptions {
    bool drill = false;
    engine::Instant drill_start = 0;
    double drill_speed = 1.0;
};

/// @brief Sees every group commit: jobs in it, seconds BEGIN to COMMIT, whether it reached the disk.
using CommitObserver = std::function<void(std::size_t jobs, double seconds, bool committed)>;

class Service {
public:
    /// @brief Takes the storage of an opened, migrated database. Records the plan version;
    /// restores the machine; in drill mode anchors (or resumes) the simulated clock. Throws
    /// std::runtime_error when a live database is started as a drill or the other way round.
    Service(std::unique_ptr<storage::SqliteBackend> storage, plans::Plan plan, std::string plan_json,
            ServiceOptions options);
    ~Service();

    // --- identity, operations, the read side ------------------------------------------------
    /// @brief Bearer tokens: authentication (cached) and the admin commands on tokens.
    IdentityService& identity() { return *identity_; }
    /// @brief The console's staff sign-in and cookie sessions.
    SessionsService& sessions() { return *sessions_; }
    /// @brief Readiness, the gauges behind /metrics, the timeline's head.
    OperationsService& operations() { return *operations_; }
    /// @brief The post-event evaluation report of an episode (JSON, HTML, CSV).
    ReportsService& reports() { return *reports_; }
    /// @brief The progress of an episode's orders.
    ProgressService& progress() { return *progress_; }

    // --- the resources' services --------------------------------------------------------------
    // Every command validates its input at once on the calling thread (an Error is thrown and
    // `done` is never called), then returns without waiting: its job runs on the group-commit
    // writer and `done` answers once the job's group is on disk. wait_for() waits for the answer.
    /// @brief Forecast products and their assessment.
    ForecastsService& forecasts() { return *forecasts_; }
    /// @brief Proposals (审批单), signing and returning.
    ProposalsService& proposals() { return *proposals_; }
    /// @brief Regional directives.
    DirectivesService& directives() { return *directives_; }
    /// @brief Webhook subscriptions, the outbox and its dispatcher (docs/delivery.md).
    DeliveryService& delivery() { return *delivery_; }
    /// @brief Text messages to the plants' phones, their receipts and replies (docs/delivery.md).
    SmsService& sms() { return *sms_; }
    /// @brief The roster of notice recipients (docs/roster-format.md).
    RosterService& roster() { return *roster_; }
    /// @brief The public warnings as published CAP 1.2 alerts.
    PublicAlertsService& public_alerts() { return *public_alerts_; }
    /// @brief The warning's status and the episodes with their timelines.
    EpisodesService& episodes() { return *episodes_; }

    // --- the emission-reduction list and orders --------------------------------------------
    /// @brief Reading, acknowledging and reporting on orders; an episode's order listing.
    OrdersService& orders() { return *orders_; }
    /// @brief The emission-reduction list: imports, the current version, a plant's entry.
    ListsService& lists() { return *lists_; }

    // --- observations and the post-event evaluation ----------------------------------------
    /// @brief Observed air quality: recorded in batches (corrections kept), read by time range.
    ObservationsService& observations() { return *observations_; }

    // --- queries ---------------------------------------------------------------------------
    /// @brief Set once, before serving: every group commit is reported to `observer`.
    void observe_commits(CommitObserver observer);

    // --- timers ----------------------------------------------------------------------------
    /// @brief Fires every timer due now, each in its own transaction, exactly once. Returns how many.
    int fire_due_timers() { return timers_->fire_due(); }

    engine::Instant now() const;
    bool drill() const { return options_.drill; }
    plans::Plan const& plan() const { return plan_; }
    /// @brief Local times, levels by name, the drill flag: what the API's views present with.
    ViewContext const& views() const { return views_; }

private:
    std::unique_ptr<storage::SqliteBackend> storage_;   ///< first: it outlives every service
    plans::Plan plan_;
    ServiceOptions options_;
    std::unique_ptr<Clock> clock_;
    int offset_minutes_ = 480;
    engine::MachineSettings settings_;
    ViewContext views_;
    ports::Transactions* transactions_ = nullptr;
    std::unique_ptr<CommandRunner> runner_;
    std::unique_ptr<OrdersService> orders_;
    std::unique_ptr<ForecastsService> forecasts_;
    ListFacts list_facts_;
    std::unique_ptr<DeliveryService> delivery_;
    std::unique_ptr<SmsService> sms_;
    std::unique_ptr<RosterService> roster_;
    std::unique_ptr<OrderIssuer> issuer_;
    std::unique_ptr<WarningCycle> cycle_;
    std::unique_ptr<PublicAlertsService> public_alerts_;
    std::unique_ptr<ProposalsService> proposals_;
    std::unique_ptr<DirectivesService> directives_;
    std::unique_ptr<EpisodesService> episodes_;
    std::unique_ptr<TimersService> timers_;
    std::unique_ptr<IdentityService> identity_;
    std::unique_ptr<SessionsService> sessions_;
    std::unique_ptr<OperationsService> operations_;
    std::unique_ptr<ReportsService> reports_;
    std::unique_ptr<ProgressService> progress_;
    std::unique_ptr<ListsService> lists_;
    std::unique_ptr<ObservationsService> observations_;
};

}  // namespace hazeguard::service
