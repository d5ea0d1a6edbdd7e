// The service's spine: construction, transactions with Idempotency-Key replay, the machine's
// load/handle/save cycle, timeline rows and timers.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>


#include "engine/service/service.hpp"
#include "engine/service/error.hpp"
#include "engine/service/service_tx.hpp"
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
    // The plan may be new: the current list's per-level rows under it, before anything is served.
    transactions_->write([this](ports::Store& store) {
        if (auto lv = lists_->current_list_version(store)) lists_->ensure_levels(store, *lv);
    });
}

// The committer runs what is queued before it stops, and those jobs use what follows it.
Service::~Service() { committer_.reset(); }

SQLite::Database& Service::conn() {
    if (auto* writer = storage::GroupCommitter::current()) return *writer;
    return reader_ ? *reader_ : *db_;
}

std::unique_lock<std::mutex> Service::read_lock() {
    return std::unique_lock<std::mutex>(reader_ ? reader_mutex_ : db_mutex_);
}

Instant Service::now() const { return clock_->now(); }

std::string Service::local(Instant t) const { return views_.local(t); }

json Service::local_or_null(std::optional<Instant> t) const { return views_.local_or_null(t); }

json Service::level_view(std::optional<int> rank) const { return views_.level(rank); }

plans::RuleSet const& Service::rule_set(std::optional<std::string> const& id) const {
    auto const* r = plan_.rule_set(id.value_or(plan_.default_rule_set));
    if (!r) throw Error(Errc::validation, "unknown rule set", {{"/rule_set", "unknown rule set"}});
    return *r;
}

void Service::run_async(Command c, std::function<Reply(Tx&)> body, Completion done) {
    runner_->run(std::move(c), [body = std::move(body)](service::Tx& tx) {
        Tx legacy{*storage::GroupCommitter::current(), tx.real_now, tx.now, tx.store};
        return body(legacy);
    }, std::move(done));
}

engine::Warning Service::load_machine() {
    auto const text = conn().execAndGet("SELECT state FROM machine WHERE id = 1").getString();
    return engine::Warning(settings_, engine::warning_state_from_json(json::parse(text)));
}

void Service::save_machine(engine::Warning const& w) {
    SQLite::Statement q(conn(), "UPDATE machine SET state = ?, revision = revision + 1 WHERE id = 1");
    q.bind(1, engine::to_json(w.state()).dump());
    q.exec();
}

[[noreturn]] void Service::refuse(engine::Refusal const& r) {
    bool const rule = r.kind == engine::Refusal::Kind::plan_rule;
    json extra{{"state", std::string(engine::phase_name(r.phase))}, {"action", r.action}};
    if (rule) extra["rule"] = r.rule;
    throw Error(rule ? Errc::plan_rule_violation : Errc::invalid_transition, r.reason, {}, extra);
}

engine::Outcome Service::handle(Tx& tx, engine::Action const& a, std::string const& actor) {
    engine::Warning w = load_machine();
    auto const episode_before = w.state().episode;
    auto outcome = w.handle(a);
    if (!outcome.accepted) return outcome;
    save_machine(w);
    record_effects(tx, outcome.effects, episode_before, actor);
    sync_timers(tx, w.state());
    return outcome;
}

void Service::timeline(Tx&, std::optional<int> episode, std::string const& ref, Instant at, std::string const& kind,
                       std::string const& actor, std::string const& summary_cn, json const& detail) {
    engine::TimelineRecord row{0, std::nullopt, ref, at, kind, actor, summary_cn, detail.dump(), plan_.version};
    if (episode) row.episode_id = *episode;
    storage::append_timeline(conn(), std::move(row));
}

std::int64_t Service::add_timer(std::string const& kind, std::string const& ref, Instant due) {
    SQLite::Statement q(conn(), "INSERT INTO timers(kind, ref, due_at, created_at) VALUES (?, ?, ?, ?)");
    q.bind(1, kind);
    q.bind(2, ref);
    q.bind(3, due);
    q.bind(4, real_now());
    q.exec();
    return conn().getLastInsertRowid();
}

void Service::cancel_timers(std::string const& kind, std::string const& ref) {
    SQLite::Statement q(conn(), "UPDATE timers SET cancelled_at = ? WHERE kind = ? AND ref = ? "
                              "AND fired_at IS NULL AND cancelled_at IS NULL");
    q.bind(1, real_now());
    q.bind(2, kind);
    q.bind(3, ref);
    q.exec();
}

void Service::sync_timers(Tx&, engine::WarningState const& s) {
    // The machine's own timers are derived from its state: at most one scheduled start and one end.
    struct Want {
        char const* kind;
        std::string ref;
        Instant due;
    };
    std::vector<Want> want;
    if (s.scheduled) want.push_back({"start", s.scheduled->cause, s.scheduled->start_at});
    if (s.level && s.planned_end) want.push_back({"end", "warning", *s.planned_end});
    for (char const* kind : {"start", "end"}) {
        SQLite::Statement q(conn(), "SELECT id, ref, due_at FROM timers WHERE kind = ? AND fired_at IS NULL "
                                  "AND cancelled_at IS NULL");
        q.bind(1, kind);
        bool kept = false;
        std::vector<std::int64_t> stale;
        while (q.executeStep()) {
            bool const match = std::any_of(want.begin(), want.end(), [&](Want const& w) {
                return std::string(w.kind) == kind && w.ref == q.getColumn(1).getString() &&
                       w.due == q.getColumn(2).getInt64();
            });
            if (match && !kept) kept = true;
            else stale.push_back(q.getColumn(0).getInt64());
        }
        for (auto id : stale) conn().exec("UPDATE timers SET cancelled_at = " + std::to_string(real_now()) +
                                        " WHERE id = " + std::to_string(id));
        if (!kept)
            for (auto const& w : want)
                if (std::string(w.kind) == kind) add_timer(w.kind, w.ref, w.due);
    }
}

bool Service::has_tokens() {
    auto lock = read_lock();
    return conn().execAndGet("SELECT count(*) FROM tokens").getInt() > 0;
}

std::pair<std::int64_t, std::string> Service::timeline_head() {
    std::pair<std::int64_t, std::string> head;
    committer_->submit([&] { head = storage::timeline_head(conn()); });  // queued after every write
    return head;
}

bool Service::ready() {
    if (!runner_->storage_writable()) return false;
    auto lock = read_lock();
    return conn().execAndGet("PRAGMA user_version").getInt() == storage::schema_version();
}


}  // namespace hazeguard::service
