#include "engine/storage/sqlite/sqlite_backend.hpp"

#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "engine/storage/database.hpp"
#include "engine/storage/group_commit.hpp"
#include "engine/storage/settings.hpp"
#include "engine/storage/sqlite/sqlite_transactions.hpp"
#include "engine/workflow/warning_json.hpp"

namespace hazeguard::storage {
using nlohmann::json;

namespace {
void put_setting(SQLite::Database& db, std::string const& key, std::string const& value) {
    SQLite::Statement q(db, "INSERT INTO settings(key, value) VALUES (?, ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value);
    q.exec();
}
}  // namespace

SqliteBackend::SqliteBackend(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)) {}

SqliteBackend::~SqliteBackend() { stop(); }

std::optional<DrillAnchor> SqliteBackend::start(ServiceRecord const& r, engine::Instant real_now) {
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    std::string const mode = r.drill ? "drill" : "live";
    auto const stored_mode = read_setting(*db_, "mode");
    if (stored_mode && *stored_mode != mode)
        throw std::runtime_error("this database holds " + *stored_mode + " data; it cannot be served in " + mode +
                                 " mode (use another --db)");
    put_setting(*db_, "mode", mode);
    std::optional<DrillAnchor> anchor;
    if (r.drill) {
        if (auto const stored = read_setting(*db_, "drill_anchor")) {
            auto const a = json::parse(*stored);
            anchor = DrillAnchor{a.at("sim_start").get<engine::Instant>(), a.at("real_start").get<engine::Instant>(),
                                 a.at("speed").get<double>()};
        } else {
            anchor = r.new_anchor;
            put_setting(*db_, "drill_anchor",
                        json{{"sim_start", anchor->sim_start}, {"real_start", anchor->real_start}, {"speed", anchor->speed}}
                            .dump());
        }
    }
    SQLite::Statement p(*db_, "INSERT OR IGNORE INTO plans(version, plan_id, body, loaded_at) VALUES (?, ?, ?, ?)");
    p.bind(1, r.plan_version);
    p.bind(2, r.plan_id);
    p.bind(3, r.plan_json);
    p.bind(4, real_now);
    p.exec();
    SQLite::Statement m(*db_, "INSERT OR IGNORE INTO machine(id, state, revision) VALUES (1, ?, 0)");
    m.bind(1, engine::to_json(engine::WarningState{}).dump());
    m.exec();
    tx.commit();
    std::string const file = db_->getFilename();
    if (!file.empty() && file != ":memory:")
        reader_ = std::make_unique<SQLite::Database>(file, SQLite::OPEN_READWRITE, 5000);
    committer_ = std::make_unique<GroupCommitter>(*db_, db_mutex_);
    transactions_ = std::make_unique<SqliteTransactions>(*db_, reader_.get(), *committer_, db_mutex_, reader_mutex_);
    return anchor;
}

ports::Transactions& SqliteBackend::transactions() {
    if (!transactions_) throw std::logic_error("SqliteBackend::transactions() before start()");
    return *transactions_;
}

void SqliteBackend::observe_commits(std::function<void(std::size_t, double, bool)> observer) {
    committer_->observe(std::move(observer));
}

void SqliteBackend::stop() { committer_.reset(); }

std::unique_ptr<SqliteBackend> open_backend(std::string const& path) {
    return std::make_unique<SqliteBackend>(open_database(path));
}

}  // namespace hazeguard::storage
