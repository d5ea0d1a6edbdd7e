// The service's spine: construction, transactions with Idempotency-Key replay, the machine's
// load/handle/save cycle, timeline rows and timers.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>


#include "engine/service/service.hpp"
#include "engine/service/error.hpp"
#include "engine/storage/sqlite/sqlite_transactions.hpp"
#include "engine/storage/database.hpp"
#include "engine/storage/group_commit.hpp"
#include "engine/storage/settings.hpp"
#include "engine/storage/timeline_store.hpp"
#include "engine/util/sha256.hpp"
#include "engine/workflow/warning_json.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
void put_setting(SQLite::Database& db, std::string const& key, std::string const& value) {
    SQLite::Statement q(db, "INSERT INTO settings(key, value) VALUES (?, ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value);
    q.exec();
}
}  // namespace

Service::Service(std::unique_ptr<SQLite::Database> db, plans::Plan plan, std::string plan_json, ServiceOptions options)
    : db_(std::move(db)), plan_(std::move(plan)), options_(options),
      offset_minutes_(engine::parse_utc_offset(plan_.utc_offset).value_or(480)),
      views_{plan_, offset_minutes_, options_.drill} {
    settings_.episode_merge_seconds = static_cast<Instant>(plan_.episode_merge_hours) * engine::kHour;
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    std::string const mode = options_.drill ? "drill" : "live";
    auto const stored_mode = storage::read_setting(*db_, "mode");
    if (stored_mode && *stored_mode != mode)
        throw std::runtime_error("this database holds " + *stored_mode + " data; it cannot be served in " + mode +
                                 " mode (use another --db)");
    put_setting(*db_, "mode", mode);
    if (options_.drill) {
        // A restarted drill resumes its simulated clock instead of jumping back to the start.
        if (auto anchor = storage::read_setting(*db_, "drill_anchor")) {
            auto const a = json::parse(*anchor);
            clock_ = std::make_unique<DrillClock>(a.at("sim_start").get<Instant>(), a.at("real_start").get<Instant>(),
                                                  a.at("speed").get<double>());
        } else {
            Instant const real = real_now();
            put_setting(*db_, "drill_anchor",
                        json{{"sim_start", options_.drill_start}, {"real_start", real}, {"speed", options_.drill_speed}}
                            .dump());
            clock_ = std::make_unique<DrillClock>(options_.drill_start, real, options_.drill_speed);
        }
    } else {
        clock_ = std::make_unique<SystemClock>();
    }
    SQLite::Statement p(*db_, "INSERT OR IGNORE INTO plans(version, plan_id, body, loaded_at) VALUES (?, ?, ?, ?)");
    p.bind(1, plan_.version);
    p.bind(2, plan_.id);
    p.bind(3, plan_json);
    p.bind(4, real_now());
    p.exec();
    db_->exec("INSERT OR IGNORE INTO machine(id, state, revision) VALUES (1, '" +
              engine::to_json(engine::WarningState{}).dump() + "', 0)");
    tx.commit();
    // Readers get their own connection (WAL: they never wait for the writer's transaction).
    std::string const file = db_->getFilename();
    if (!file.empty() && file != ":memory:")
        reader_ = std::make_unique<SQLite::Database>(file, SQLite::OPEN_READWRITE, 5000);
    committer_ = std::make_unique<storage::GroupCommitter>(*db_, db_mutex_);
    transactions_ = std::make_unique<storage::SqliteTransactions>(*db_, reader_.get(), *committer_, db_mutex_,
                                                                  reader_mutex_);
    runner_ = std::make_unique<CommandRunner>(*transactions_, *clock_);
    orders_ = std::make_unique<OrdersService>(*runner_, *transactions_, views_);
    forecasts_ = std::make_unique<ForecastsService>(*runner_, *transactions_, views_);
    lists_ = std::make_unique<ListsService>(*runner_, *transactions_, views_);
    observations_ = std::make_unique<ObservationsService>(*runner_, *transactions_, views_);
    list_facts_.current_version = [this](ports::Store& store) { return lists_->current_list_version(store); };
    list_facts_.ensure_levels = [this](ports::Store& store, std::int64_t version) { lists_->ensure_levels(store, version); };
    list_facts_.reduction_plan = [this](ports::Store& store, std::optional<std::int64_t> version, std::string const& level) {
        return lists_->reduction_plan(store, version, level);
    };
    issuer_ = std::make_unique<OrderIssuer>(views_, list_facts_);
    cycle_ = std::make_unique<WarningCycle>(views_, settings_, *issuer_, list_facts_);
    proposals_ = std::make_unique<ProposalsService>(*runner_, *transactions_, views_, *cycle_, *forecasts_, list_facts_);
    directives_ = std::make_unique<DirectivesService>(*runner_, *transactions_, views_, *cycle_);
    episodes_ = std::make_unique<EpisodesService>(*transactions_, *clock_, views_);
    timers_ = std::make_unique<TimersService>(*transactions_, *runner_, *clock_, plan_.version,
                                              TimersService::Parts{*cycle_, *directives_, *proposals_, *issuer_});
    identity_ = std::make_unique<IdentityService>(*runner_, *transactions_, views_);
    operations_ = std::make_unique<OperationsService>(*runner_, *transactions_);
    reports_ = std::make_unique<ReportsService>(*transactions_, views_);
    progress_ = std::make_unique<ProgressService>(
        *transactions_, *clock_, views_,
        [this](std::optional<std::int64_t> list_version, std::string const& level, std::int64_t enterprises,
               std::array<double, 4> const& planned) {
            return lists_->reduction_summary(list_version, level, enterprises, planned);
        });
    // The plan may be new: the current list's per-level rows under it, before anything is served.
    transactions_->write([this](ports::Store& store) {
        if (auto lv = lists_->current_list_version(store)) lists_->ensure_levels(store, *lv);
    });
}

// The committer runs what is queued before it stops, and those jobs use what follows it.
Service::~Service() { committer_.reset(); }

void Service::observe_commits(CommitObserver observer) { committer_->observe(std::move(observer)); }

Instant Service::now() const { return clock_->now(); }

}  // namespace hazeguard::service
