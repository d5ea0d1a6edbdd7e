// The composition root: the storage started, the clock chosen, every service built with its
// dependencies.
#include "engine/service/service.hpp"

#include "engine/delivery/webhook_signature.hpp"

#include "engine/storage/sqlite/sqlite_backend.hpp"

namespace hazeguard::service {
using engine::Instant;

Service::Service(std::unique_ptr<storage::SqliteBackend> storage, plans::Plan plan, std::string plan_json,
                 ServiceOptions options)
    : storage_(std::move(storage)), plan_(std::move(plan)), options_(options),
      offset_minutes_(engine::parse_utc_offset(plan_.utc_offset).value_or(480)),
      views_{plan_, offset_minutes_, options_.drill} {
    settings_.episode_merge_seconds = static_cast<Instant>(plan_.episode_merge_hours) * engine::kHour;
    Instant const real = real_now();
    auto const anchor = storage_->start(
        {options_.drill, {options_.drill_start, real, options_.drill_speed}, plan_.id, plan_.version, plan_json}, real);
    // A restarted drill resumes its simulated clock instead of jumping back to the start.
    if (anchor) clock_ = std::make_unique<DrillClock>(anchor->sim_start, anchor->real_start, anchor->speed);
    else clock_ = std::make_unique<SystemClock>();
    transactions_ = &storage_->transactions();
    runner_ = std::make_unique<CommandRunner>(*transactions_, *clock_);
    // The key of the orders' one-time links: made on the first start, kept in the database.
    std::string link_key;
    transactions_->write([&](ports::Store& store) { link_key = store.tokens().link_key(engine::new_webhook_secret()); });
    orders_ = std::make_unique<OrdersService>(*runner_, *transactions_, views_, link_key);
    forecasts_ = std::make_unique<ForecastsService>(*runner_, *transactions_, views_);
    lists_ = std::make_unique<ListsService>(*runner_, *transactions_, views_);
    observations_ = std::make_unique<ObservationsService>(*runner_, *transactions_);
    list_facts_.current_version = [this](ports::Store& store) { return lists_->current_list_version(store); };
    list_facts_.ensure_levels = [this](ports::Store& store, std::int64_t version) { lists_->ensure_levels(store, version); };
    list_facts_.reduction_plan = [this](ports::Store& store, std::optional<std::int64_t> version, std::string const& level) {
        return lists_->reduction_plan(store, version, level);
    };
    sms_ = std::make_unique<SmsService>(*runner_, *transactions_, views_, *clock_, *orders_, link_key);
    roster_ = std::make_unique<RosterService>(*runner_, *transactions_, views_);
    delivery_ = std::make_unique<DeliveryService>(*runner_, *transactions_, views_, *clock_, *sms_);
    delivery_->link_orders_with([this](std::int64_t order, Instant issued_at) { return orders_->link_path(order, issued_at); });
    issuer_ = std::make_unique<OrderIssuer>(views_, list_facts_, *delivery_, *sms_);
    cycle_ = std::make_unique<WarningCycle>(views_, settings_, *issuer_, list_facts_);
    public_alerts_ = std::make_unique<PublicAlertsService>(*transactions_, views_);
    proposals_ = std::make_unique<ProposalsService>(*runner_, *transactions_, views_, *cycle_, *forecasts_, list_facts_,
                                                    *public_alerts_, *delivery_);
    directives_ = std::make_unique<DirectivesService>(*runner_, *transactions_, views_, *cycle_, *public_alerts_, *delivery_);
    episodes_ = std::make_unique<EpisodesService>(*transactions_, *clock_);
    timers_ = std::make_unique<TimersService>(*transactions_, *runner_, *clock_, plan_.version,
                                              TimersService::Parts{*cycle_, *directives_, *proposals_, *issuer_});
    identity_ = std::make_unique<IdentityService>(*runner_, *transactions_, views_);
    sessions_ = std::make_unique<SessionsService>(*runner_, *transactions_);
    operations_ = std::make_unique<OperationsService>(*runner_, *transactions_);
    reports_ = std::make_unique<ReportsService>(*transactions_, views_);
    progress_ = std::make_unique<ProgressService>(*transactions_, *clock_);
    // The plan may be new: the current list's per-level rows under it, before anything is served.
    transactions_->write([this](ports::Store& store) {
        if (auto lv = lists_->current_list_version(store)) lists_->ensure_levels(store, *lv);
    });
}

// The committer runs what is queued before it stops, and those jobs use what follows it.
// Sign-ins whose password is still being checked queue their job first.
Service::~Service() {
    sessions_->drain();
    storage_->stop();
}

void Service::observe_commits(CommitObserver observer) { storage_->observe_commits(std::move(observer)); }

Instant Service::now() const { return clock_->now(); }

}  // namespace hazeguard::service
