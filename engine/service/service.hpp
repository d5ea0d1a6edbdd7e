#pragma once
/// @file service.hpp
/// @brief The I/O edge around the pure engine: loads the machine from SQLite, applies one
/// command, stores the new state, its timeline rows, timers and the idempotent reply in ONE
/// transaction. Thread-safe (one connection behind a mutex).

#include <array>
#include <atomic>
#include <map>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/forecast/forecast.hpp"
#include "engine/report/evaluation_input.hpp"
#include "engine/service/clock.hpp"
#include "engine/service/command.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/forecasts/forecasts_service.hpp"
#include "engine/service/lists/lists_service.hpp"
#include "engine/service/observations/observations_service.hpp"
#include "engine/service/orders/orders_service.hpp"
#include "engine/service/view_context.hpp"
#include "engine/service/principal.hpp"
#include "engine/enterprises/enterprise.hpp"
#include "engine/workflow/warning.hpp"
#include "plans/plan.hpp"

namespace SQLite {
class Database;
class Statement;
}
namespace hazeguard::storage {
class GroupCommitter;
class SqliteTransactions;
}

namespace hazeguard::service {

/// @brief How the service runs: drill mode marks every record and uses a simulated clock.
struct ServiceOptions {
    bool drill = false;
    engine::Instant drill_start = 0;
    double drill_speed = 1.0;
};

/// @brief What the metrics read of the service at scrape time.
struct OperationalSnapshot {
    std::int64_t timers_pending = 0;
    std::map<std::string, std::int64_t> orders_by_status;  ///< sent, acknowledged, executed
};

/// @brief Sees every group commit: jobs in it, seconds BEGIN to COMMIT, whether it reached the disk.
using CommitObserver = std::function<void(std::size_t jobs, double seconds, bool committed)>;

/// @brief Creates a bearer token for `who` and returns it in clear (stored as SHA-256). It expires
/// after `expires_in_days`, else after its role's default (engine/service/tokens.hpp). Throws
/// std::invalid_argument for an unknown role, a missing name, authority or enterprise.
std::string create_token(SQLite::Database& db, plans::Plan const& plan, Principal const& who,
                         std::optional<int> expires_in_days = std::nullopt);

class Service {
public:
    /// @brief Takes an opened, migrated database. Records the plan version; restores the machine;
    /// in drill mode anchors (or resumes) the simulated clock. Throws std::runtime_error when a
    /// live database is started as a drill or the other way round.
    Service(std::unique_ptr<SQLite::Database> db, plans::Plan plan, std::string plan_json, ServiceOptions options);
    ~Service();

    // --- identity --------------------------------------------------------------------------
    /// @brief The principal of a token that is neither revoked nor expired (by the real clock).
    std::optional<Principal> authenticate(std::string const& bearer_token);
    /// @brief The principal of a token already found valid (remembered), without a database read;
    /// nullopt for any other token.
    std::optional<Principal> known_principal(std::string const& bearer_token);
    /// @brief Creates a token and returns it in clear (stored hashed). Throws on a bad role/authority.
    std::string create_token(Principal const& who);
    /// @brief Tokens for admins (GET /v1/tokens): the active ones, or with `all` every one.
    nlohmann::json tokens(bool all);
    nlohmann::json token(std::int64_t id);
    /// @brief POST /v1/tokens: the answer carries the token in clear, once; an Idempotency-Key
    /// replay answers `"token": null` (the clear token is never stored).
    void issue_token(Command const& c, nlohmann::json const& body, Completion done);
    /// @brief Revokes a token; it is refused from the moment this answers.
    void revoke_token(Command const& c, std::int64_t id, nlohmann::json const& body, Completion done);
    /// @brief Drops the cached tokens when another process (`hazeguard token revoke`) revoked one:
    /// one small read; the serve loop calls it every 200 ms.
    void refresh_token_cache();

    // --- commands (idempotent when Command::idempotency_key is set) ---------------------------
    // Every command validates its input at once on the calling thread (an Error is thrown and
    // `done` is never called), then returns without waiting: its job runs on the group-commit
    // writer and `done` answers once the job's group is on disk. wait_for() waits for the answer.
    void create_proposal(Command const& c, nlohmann::json const& body, Completion done);
    void approve_proposal(Command const& c, std::int64_t id, nlohmann::json const& body, Completion done);
    void reject_proposal(Command const& c, std::int64_t id, nlohmann::json const& body, Completion done);
    void create_directive(Command const& c, nlohmann::json const& body, Completion done);
    void lift_directive(Command const& c, std::int64_t id, nlohmann::json const& body, Completion done);

    /// @brief Forecast products and their assessment.
    ForecastsService& forecasts() { return *forecasts_; }

    // --- the emission-reduction list and orders --------------------------------------------
    /// @brief Reading, acknowledging and reporting on orders; an episode's order listing.
    OrdersService& orders() { return *orders_; }
    /// @brief The emission-reduction list: imports, the current version, a plant's entry.
    ListsService& lists() { return *lists_; }
    nlohmann::json episode_progress(std::int64_t episode);

    // --- observations and the post-event evaluation ----------------------------------------
    /// @brief Observed air quality: recorded in batches (corrections kept), read by time range.
    ObservationsService& observations() { return *observations_; }
    /// @brief The evaluation report of an episode as JSON (docs/report-format.md).
    nlohmann::json episode_report(std::int64_t episode);
    /// @brief The same report as printable HTML, and its per-enterprise rows as CSV.
    std::string episode_report_html(std::int64_t episode);
    std::string episode_report_csv(std::int64_t episode);

    // --- queries ---------------------------------------------------------------------------
    nlohmann::json status();
    nlohmann::json proposal(std::int64_t id);
    nlohmann::json proposals(std::optional<std::string> const& status);
    nlohmann::json directive(std::int64_t id);
    nlohmann::json directives();
    nlohmann::json episodes();
    nlohmann::json episode(std::int64_t id);
    /// @brief Schema in place and storage accepting writes.
    bool ready();
    /// @brief False from a write that failed in storage (disk full, I/O error) until one succeeds.
    bool storage_writable() const { return runner_->storage_writable(); }
    OperationalSnapshot operational_snapshot();
    /// @brief Set once, before serving: every group commit is reported to `observer`.
    void observe_commits(CommitObserver observer);
    bool has_tokens();
    /// @brief The timeline's row count and head hash once every write submitted so far is on disk
    /// (the server logs it at start and stop: `hazeguard audit verify --expect-head`).
    std::pair<std::int64_t, std::string> timeline_head();

    // --- timers ----------------------------------------------------------------------------
    /// @brief Fires every timer due now, each in its own transaction, exactly once. Returns how many.
    int fire_due_timers();

    engine::Instant now() const;
    bool drill() const { return options_.drill; }
    plans::Plan const& plan() const { return plan_; }

private:
    struct Tx;
    /// The write path of every command: `body` in one group-commit job, with Idempotency-Key replay.
    /// Returns at once and completes through `done`. `body` runs later on the writer thread, so it
    /// owns copies of what it needs: it must not refer to the caller's locals or parameters.
    void run_async(Command c, std::function<Reply(Tx&)> body, Completion done);
    template <class F>
    auto read(F&& f);

    // helpers implemented across service_*.cpp
    engine::Warning load_machine();
    void save_machine(engine::Warning const& w);
    void record_effects(Tx& tx, std::vector<engine::Effect> const& effects, std::optional<int> episode,
                        std::string const& actor);
    void sync_timers(Tx& tx, engine::WarningState const& s);
    void timeline(Tx& tx, std::optional<int> episode, std::string const& ref, engine::Instant at,
                  std::string const& kind, std::string const& actor, std::string const& summary_cn,
                  nlohmann::json const& detail);
    std::int64_t add_timer(std::string const& kind, std::string const& ref, engine::Instant due);
    void cancel_timers(std::string const& kind, std::string const& ref);
    engine::Outcome handle(Tx& tx, engine::Action const& a, std::string const& actor);
    bool fire_one(ports::Store& store, engine::Instant until);
    nlohmann::json proposal_view(std::int64_t id);
    engine::Action proposal_action(std::int64_t id);
    /// The pending proposal `id`, if `decider` may decide on it (409 decided, 403 own proposal).
    nlohmann::json open_for_decision(std::int64_t id, Principal const& decider);
    void start_directive(Tx& tx, std::int64_t id, engine::Instant at);
    void end_directive(Tx& tx, std::int64_t id, engine::Instant at);
    void link_episode(Tx& tx, int episode, std::string const& cause);
    // Legacy wrappers over lists() for the warning code that still runs its own SQL (its callers
    // pass their transaction's store once they are behind the ports); service_lists.cpp.
    std::optional<std::int64_t> current_list_version();
    void ensure_levels(std::int64_t list_version);
    nlohmann::json reduction_plan(std::optional<std::int64_t> list_version, std::string const& level);
    nlohmann::json reduction_summary(std::optional<std::int64_t> list_version, std::string const& level,
                                     std::int64_t enterprises, std::array<double, 4> const& planned) const;
    void fan_out(Tx& tx, int episode, engine::LevelChanged const& change);
    std::string pollutant_path_of(std::string const& cause);
    void fire_batch_timer(Tx& tx, std::string const& kind, std::int64_t batch, engine::Instant due);
    nlohmann::json batch_view(std::int64_t batch);
    nlohmann::json directive_view(std::int64_t id);
    std::string local(engine::Instant t) const;
    nlohmann::json local_or_null(std::optional<engine::Instant> t) const;
    nlohmann::json level_view(std::optional<int> rank) const;
    engine::report::EvaluationInput evaluation_input(std::int64_t episode);
    std::string batch_kind(SQLite::Statement& batch_row) const;
    plans::RuleSet const& rule_set(std::optional<std::string> const& id) const;
    [[noreturn]] void refuse(engine::Refusal const& r);
    std::string notice_basis(nlohmann::json const& proposal);
    std::string render_notice(std::int64_t proposal_id, engine::Instant signed_at, Principal const& signer);

    SQLite::Database& conn();               ///< the writer inside a write job, else the reader
    std::unique_lock<std::mutex> read_lock();

    std::unique_ptr<SQLite::Database> db_;      ///< the writer connection (group commit thread)
    std::unique_ptr<SQLite::Database> reader_;  ///< queries outside write jobs (none for :memory:)
    plans::Plan plan_;
    ServiceOptions options_;
    std::unique_ptr<Clock> clock_;
    int offset_minutes_ = 480;
    engine::MachineSettings settings_;
    std::mutex db_mutex_;
    struct CachedToken {
        Principal principal;
        std::optional<engine::Instant> expires_at;
    };
    void forget_tokens();
    std::shared_mutex token_cache_mutex_;
    std::unordered_map<std::string, CachedToken> token_cache_;   ///< SHA-256 → valid token
    std::uint64_t token_cache_generation_ = 0;   ///< bumped by forget_tokens(), under the mutex
    std::atomic<std::int64_t> tokens_epoch_{-1};  ///< settings 'tokens_epoch' when last checked
    std::mutex reader_mutex_;
    ViewContext views_;
    std::unique_ptr<storage::GroupCommitter> committer_;
    std::unique_ptr<storage::SqliteTransactions> transactions_;
    std::unique_ptr<CommandRunner> runner_;
    std::unique_ptr<OrdersService> orders_;
    std::unique_ptr<ForecastsService> forecasts_;
    std::unique_ptr<ListsService> lists_;
    std::unique_ptr<ObservationsService> observations_;
    // The committer's thread must stop (running what is queued) before what its jobs use is gone:
    // it is stopped first, by the destructor.
};

}  // namespace hazeguard::service
