// The service's spine: construction, transactions with Idempotency-Key replay, the machine's
// load/handle/save cycle, timeline rows and timers.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <future>

#include "engine/service/service.hpp"
#include "engine/service/problem.hpp"
#include "engine/service/service_tx.hpp"
#include "engine/storage/database.hpp"
#include "engine/storage/group_commit.hpp"
#include "engine/storage/timeline_store.hpp"
#include "engine/util/sha256.hpp"
#include "engine/workflow/warning_json.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
std::optional<std::string> setting(SQLite::Database& db, std::string const& key) {
    SQLite::Statement q(db, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, key);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void put_setting(SQLite::Database& db, std::string const& key, std::string const& value) {
    SQLite::Statement q(db, "INSERT INTO settings(key, value) VALUES (?, ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value);
    q.exec();
}
}  // namespace

Service::Service(std::unique_ptr<SQLite::Database> db, plans::Plan plan, std::string plan_json, ServiceOptions options)
    : db_(std::move(db)), plan_(std::move(plan)), options_(options) {
    offset_minutes_ = engine::parse_utc_offset(plan_.utc_offset).value_or(480);
    settings_.episode_merge_seconds = static_cast<Instant>(plan_.episode_merge_hours) * engine::kHour;
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    std::string const mode = options_.drill ? "drill" : "live";
    auto const stored_mode = setting(*db_, "mode");
    if (stored_mode && *stored_mode != mode)
        throw std::runtime_error("this database holds " + *stored_mode + " data; it cannot be served in " + mode +
                                 " mode (use another --db)");
    put_setting(*db_, "mode", mode);
    if (options_.drill) {
        // A restarted drill resumes its simulated clock instead of jumping back to the start.
        if (auto anchor = setting(*db_, "drill_anchor")) {
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
    if (auto lv = current_list_version_on(*db_)) ensure_levels_on(*db_, *lv);  // the plan may be new
    tx.commit();
    // Readers get their own connection (WAL: they never wait for the writer's transaction).
    std::string const file = db_->getFilename();
    if (!file.empty() && file != ":memory:")
        reader_ = std::make_unique<SQLite::Database>(file, SQLite::OPEN_READWRITE, 5000);
    committer_ = std::make_unique<storage::GroupCommitter>(*db_, db_mutex_);
}

Service::~Service() = default;

SQLite::Database& Service::conn() {
    if (auto* writer = storage::GroupCommitter::current()) return *writer;
    return reader_ ? *reader_ : *db_;
}

SQLite::Statement& Service::cached(SQLite::Database& db, std::string const& sql) {
    auto& slot = (&db == db_.get() ? writer_statements_ : reader_statements_)[sql];
    if (!slot) {
        slot = std::make_unique<SQLite::Statement>(db, sql);
    } else {
        slot->reset();
        slot->clearBindings();
    }
    return *slot;
}

std::unique_lock<std::mutex> Service::read_lock() {
    return std::unique_lock<std::mutex>(reader_ ? reader_mutex_ : db_mutex_);
}

Instant Service::now() const { return clock_->now(); }

std::string Service::local(Instant t) const { return engine::format_rfc3339(t, offset_minutes_); }

json Service::local_or_null(std::optional<Instant> t) const { return t ? json(local(*t)) : json(nullptr); }

json Service::level_view(std::optional<int> rank) const {
    if (!rank) return nullptr;
    auto const& l = plan_.level_at(*rank);
    return {{"id", l.id}, {"name_cn", l.name_cn}, {"name_en", l.name_en}};
}

plans::RuleSet const& Service::rule_set(std::optional<std::string> const& id) const {
    auto const* r = plan_.rule_set(id.value_or(plan_.default_rule_set));
    if (!r) throw Problem(422, "/problems/validation", "Invalid request", "unknown rule set", {{"/rule_set", "unknown rule set"}});
    return *r;
}

bool is_storage_failure(int code) {
    return code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_READONLY || code == SQLITE_CANTOPEN ||
           code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

namespace {
// Another process holding the database (SQLITE_BUSY/LOCKED) is the client's cue to retry: 503; a
// storage failure (is_storage_failure) is 503 too, with a type of its own. Any other error as it is.
std::exception_ptr storage_problem(std::exception_ptr error) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (SQLite::Exception const& e) {
        if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED)
            return std::make_exception_ptr(
                Problem(503, "/problems/storage-busy", "Storage busy", "the database is busy; retry shortly"));
        if (is_storage_failure(e.getErrorCode()))
            return std::make_exception_ptr(Problem(503, "/problems/storage-unavailable", "Storage unavailable",
                                                   "the change could not be written to disk and was not made; "
                                                   "the operator has been alerted (readiness is off) — retry later"));
    } catch (...) {
    }
    return error;
}

bool is_storage_problem(std::exception_ptr const& error) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (Problem const& p) {
        return p.type == "/problems/storage-unavailable";
    } catch (...) {
    }
    return false;
}
}  // namespace

Reply wait_for(std::function<void(Completion)> const& start) {
    auto answered = std::make_shared<std::promise<Reply>>();  // shared: the writer may outlive our wait
    auto answer = answered->get_future();
    start([answered](std::exception_ptr error, Reply reply) {
        if (error) answered->set_exception(error);
        else answered->set_value(std::move(reply));
    });
    return answer.get();
}

void Service::run_async(Command c, std::function<Reply(Tx&)> body, Completion done) {
    struct Pending {
        Command command;
        std::function<Reply(Tx&)> body;
        Completion done;
        Reply reply;
    };
    auto p = std::make_shared<Pending>(Pending{std::move(c), std::move(body), std::move(done), {}});
    committer_->submit_async([this, p] { p->reply = execute(p->command, p->body); },
                             [this, p](std::exception_ptr error) {
                                 error = storage_problem(error);
                                 // Readiness follows the last write: off on a storage failure, on again
                                 // as soon as a write reaches the disk.
                                 if (!error) storage_writable_ = true;
                                 else if (is_storage_problem(error)) storage_writable_ = false;
                                 p->done(error, std::move(p->reply));
                             });
}

Reply Service::execute(Command const& c, std::function<Reply(Tx&)> const& body) {
    // A stepped statement pins its connection's snapshot and the WAL: reset them all after the job.
    struct ResetStatements {
        std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>>& all;
        ~ResetStatements() {
            for (auto& [sql, st] : all) st->reset();
        }
    } const reset{writer_statements_};
    std::string const scope = c.principal.role + ":" + c.principal.name;
    auto& db = conn();
    if (c.idempotency_key) {
        auto& q = cached(db, "SELECT fingerprint, status, body, location FROM idempotency "
                             "WHERE principal = ? AND key = ?");
        q.bind(1, scope);
        q.bind(2, *c.idempotency_key);
        if (q.executeStep()) {
            if (q.getColumn(0).getString() != c.fingerprint)
                throw Problem(422, "/problems/idempotency-key-reused", "Idempotency-Key reused",
                              "this Idempotency-Key was already used for a different request");
            return Reply{q.getColumn(1).getInt(), json::parse(q.getColumn(2).getString()),
                         q.getColumn(3).isNull() ? "" : q.getColumn(3).getString()};
        }
    }
    Tx tx{db, real_now(), now()};
    Reply result = body(tx);
    if (c.idempotency_key) {
        auto& s = cached(db, "INSERT INTO idempotency(principal, key, fingerprint, status, body, location, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, scope);
        s.bind(2, *c.idempotency_key);
        s.bind(3, c.fingerprint);
        s.bind(4, result.status);
        s.bind(5, result.body.dump());
        s.bind(6, result.location);
        s.bind(7, tx.real_now);
        s.exec();
    }
    return result;
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
    throw Problem(409, rule ? "/problems/plan-rule-violation" : "/problems/invalid-transition",
                  rule ? "Refused by the plan's rules" : "Action not possible in the current state", r.reason, {},
                  extra);
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

std::optional<Principal> Service::authenticate(std::string const& token) {
    auto const hash = engine::sha256_hex(token);
    {
        std::shared_lock cached(token_cache_mutex_);
        if (auto it = token_cache_.find(hash); it != token_cache_.end()) return it->second;
    }
    auto lock = read_lock();
    auto& q = cached(conn(), "SELECT name, role, authority, enterprise_id FROM tokens WHERE hash = ?");
    q.bind(1, hash);
    if (!q.executeStep()) return std::nullopt;
    auto text = [&](int i) { return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString(); };
    Principal const p{text(0), text(1), text(2), text(3)};
    q.reset();  // release the reader's snapshot
    // Tokens are never changed once issued, so a found one can be remembered.
    std::unique_lock remember(token_cache_mutex_);
    token_cache_.emplace(hash, p);
    return p;
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
    if (!storage_writable_) return false;
    auto lock = read_lock();
    return conn().execAndGet("PRAGMA user_version").getInt() == storage::schema_version();
}

std::optional<Principal> Service::known_principal(std::string const& token) {
    auto const hash = engine::sha256_hex(token);
    std::shared_lock cached(token_cache_mutex_);
    auto const it = token_cache_.find(hash);
    return it == token_cache_.end() ? std::nullopt : std::optional<Principal>(it->second);
}

}  // namespace hazeguard::service
