#include "engine/storage/sqlite/sqlite_report_orders.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "engine/storage/sqlite/columns.hpp"

namespace hazeguard::storage {
namespace {

/// A statement of the walk, read through SQLite's C API: SQLite::Column copies a shared pointer per
/// column read, which at 100,000 orders × 17 columns showed in the profile.
class ReportStatement {
public:
    ReportStatement(SQLite::Database& db, char const* sql) : db_(db.getHandle()) {
        check(sqlite3_prepare_v2(db_, sql, -1, &q_, nullptr));
    }
    ~ReportStatement() { sqlite3_finalize(q_); }
    ReportStatement(ReportStatement const&) = delete;
    ReportStatement& operator=(ReportStatement const&) = delete;

    sqlite3_stmt* row() const { return q_; }
    void reset() { sqlite3_reset(q_); }
    void bind(int i, std::int64_t value) { check(sqlite3_bind_int64(q_, i, value)); }
    void bind(int i, std::string const& value) {
        check(sqlite3_bind_text(q_, i, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
    }
    /// True on a row; false when done.
    bool step() {
        int const rc = sqlite3_step(q_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) throw SQLite::Exception(db_, rc);
        return false;
    }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
    }
    sqlite3* db_;
    sqlite3_stmt* q_ = nullptr;
};

std::int64_t report_int(sqlite3_stmt* q, int i) { return sqlite3_column_int64(q, i); }

std::optional<std::int64_t> report_optional_int(sqlite3_stmt* q, int i) {
    if (sqlite3_column_type(q, i) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int64(q, i);
}

void report_text(sqlite3_stmt* q, int i, std::string& out) {
    auto const* text = reinterpret_cast<char const*>(sqlite3_column_text(q, i));
    out.assign(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(q, i)));
}

/// A statement over one table's rows of a list version in enterprise id order (column 0), from the
/// id bound to its last parameter. A batch's orders come by enterprise id (its orders, then its
/// termination notices), so a seek is mostly a step forward; backwards or far ahead, the
/// statement starts again at the id (one B-tree search, as a join does for every order).
class KeyedRowCursor {
public:
    KeyedRowCursor(ReportStatement& q, int start_parameter) : q_(q), start_parameter_(start_parameter) {}

    /// After the other parameters were bound again: the next seek starts the statement.
    void rebound() { floor_ = kEnd; }
    /// True when the row of `id` exists; row() then reads it.
    bool seek(std::int64_t id) {
        if (id < floor_ || (key_ != kEnd && id - key_ > kMaxSteps)) restart(id);
        while (key_ < id) advance();
        floor_ = id;  // every row in [floor_, key_) has been passed: none exists
        return key_ == id;
    }
    sqlite3_stmt* row() const { return q_.row(); }

private:
    static constexpr std::int64_t kEnd = std::numeric_limits<std::int64_t>::max();
    static constexpr std::int64_t kMaxSteps = 64;

    void restart(std::int64_t id) {
        q_.reset();
        q_.bind(start_parameter_, id);
        advance();
    }
    void advance() { key_ = q_.step() ? report_int(row(), 0) : kEnd; }

    ReportStatement& q_;
    int start_parameter_;
    std::int64_t floor_ = kEnd;  // the first seek starts the statement
    std::int64_t key_ = kEnd;
};

struct ReportBatch {
    std::int64_t list_version = 0;
    std::optional<std::string> level;
    engine::Instant issued_at = 0;
    std::optional<engine::Instant> ack_due_at, execution_due_at;
};

/// The plants and the planned reductions of the current batch's list version and level.
class PlantJoin {
public:
    PlantJoin(SQLite::Database& db, std::string const& plan_version)
        : plants_q_(db, "SELECT id, credit_code, name, district, industry, grade FROM enterprises "
                        "WHERE list_version = ? AND id >= ? ORDER BY id"),
          levels_q_(db, "SELECT enterprise_id, so2, nox, pm, vocs FROM enterprise_levels WHERE list_version = ? "
                        "AND plan_version = ? AND level = ? AND enterprise_id >= ? ORDER BY enterprise_id") {
        levels_q_.bind(2, plan_version);
    }

    void start_batch(ReportBatch const& batch) {
        plants_q_.reset();
        plants_q_.bind(1, batch.list_version);
        plants_.rebound();
        with_levels_ = batch.level.has_value();
        if (!with_levels_) return;
        levels_q_.reset();
        levels_q_.bind(1, batch.list_version);
        levels_q_.bind(3, *batch.level);
        levels_.rebound();
    }
    /// The plant's row (id, credit_code, name, district, industry, grade), or null.
    sqlite3_stmt* plant_row(std::int64_t enterprise) { return plants_.seek(enterprise) ? plants_.row() : nullptr; }
    /// The plant's row at the batch's level (enterprise_id, so2, nox, pm, vocs), or null (a lift's
    /// notices; a plant without that level).
    sqlite3_stmt* level_row(std::int64_t enterprise) {
        return with_levels_ && levels_.seek(enterprise) ? levels_.row() : nullptr;
    }

private:
    ReportStatement plants_q_, levels_q_;
    KeyedRowCursor plants_{plants_q_, 2}, levels_{levels_q_, 4};
    bool with_levels_ = false;
};

std::unordered_map<std::int64_t, ReportBatch> episode_batches(StatementCache& st, std::int64_t episode,
                                                              std::int64_t& first_order, std::int64_t& last_order) {
    std::unordered_map<std::int64_t, ReportBatch> batches;
    auto& q = st.get("SELECT id, list_version, level, issued_at, ack_due_at, execution_due_at FROM order_batches "
                     "WHERE episode_id = ?");
    q.bind(1, episode);
    while (q.executeStep())
        batches.emplace(q.getColumn(0).getInt64(),
                        ReportBatch{q.getColumn(1).getInt64(), optional_text(q.getColumn(2)), q.getColumn(3).getInt64(),
                                    optional_int(q.getColumn(4)), optional_int(q.getColumn(5))});
    // A batch's orders were inserted in one transaction: their ids are one range (found by a walk
    // of the batch's orders_batch entries, which hold the ids).
    auto& range = st.get("SELECT min(id), max(id) FROM orders WHERE batch_id = ?");
    for (auto const& [id, batch] : batches) {
        range.reset();
        range.bind(1, id);
        if (!range.executeStep() || range.getColumn(0).isNull()) continue;
        first_order = std::min(first_order, range.getColumn(0).getInt64());
        last_order = std::max(last_order, range.getColumn(1).getInt64());
    }
    return batches;
}

void set_tonnes(engine::report::Tonnes& tonnes, sqlite3_stmt* level) {
    tonnes["SO2"] = sqlite3_column_double(level, 1);
    tonnes["NOx"] = sqlite3_column_double(level, 2);
    tonnes["PM"] = sqlite3_column_double(level, 3);
    tonnes["VOCs"] = sqlite3_column_double(level, 4);
}

// The order's row (see kReportOrders) with its batch, plant and level rows into `row`; every member
// is set, as `each` may have moved from it.
void read_report_order(sqlite3_stmt* q, ReportBatch const& batch, sqlite3_stmt* plant, sqlite3_stmt* level,
                       ports::EvaluationOrder& row) {
    auto& o = row.record;
    o.order_id = report_int(q, 0);
    o.batch_id = report_int(q, 1);
    o.termination = report_int(q, 2) == 1;
    report_text(plant, 1, o.credit_code);
    report_text(plant, 2, o.name);
    report_text(plant, 3, o.district);
    report_text(plant, 4, o.industry);
    report_text(plant, 5, o.grade);
    o.level = batch.level.value_or("");
    o.issued_at = batch.issued_at;
    o.ack_due_at = o.termination ? std::nullopt : batch.ack_due_at;
    o.execution_due_at = o.termination ? std::nullopt : batch.execution_due_at;
    o.ack_at = report_optional_int(q, 4);
    o.executed_at = report_optional_int(q, 5);
    o.reminded_at = report_optional_int(q, 6);
    o.escalated_at = report_optional_int(q, 7);
    o.superseded_at.reset();
    if (level) set_tonnes(o.planned_t_per_day, level);
    else o.planned_t_per_day.clear();
    o.baseline_t_per_day.clear();
    o.baseline_kwh_per_day.reset();
    if (sqlite3_column_type(q, 8) == SQLITE_NULL) o.reported_kwh_per_day.reset();
    else o.reported_kwh_per_day = sqlite3_column_double(q, 8);
    row.enterprise_entry.reset();
}

// The episode's orders between two ids, in id order: one walk of the orders table (the unary +
// keeps SQLite off orders_batch, whose order is by plant). The kWh readings are summed only for
// orders with an execution report.
constexpr char const* kReportOrders =
    "SELECT o.id, o.batch_id, o.kind, o.enterprise_id, o.ack_at, o.executed_at, o.reminded_at, o.escalated_at, "
    "CASE WHEN o.execution IS NOT NULL THEN (SELECT sum(json_extract(r.value, '$.kwh')) "
    "FROM json_each(o.execution, '$.electricity') r) END "
    "FROM orders o WHERE o.id BETWEEN ? AND ? AND +o.batch_id IN (SELECT id FROM order_batches WHERE episode_id = ?) "
    "AND (? = 0 OR (o.kind = 0 AND o.ack_at IS NULL)) ORDER BY o.id";

}  // namespace

void walk_report_orders(StatementCache& st, std::int64_t episode, std::string const& plan_version,
                        bool unacknowledged_only, std::function<void(ports::EvaluationOrder&)> const& each) {
    std::int64_t first = std::numeric_limits<std::int64_t>::max(), last = 0;
    auto const batches = episode_batches(st, episode, first, last);
    if (first > last) return;
    ReportStatement q(st.db(), kReportOrders);
    q.bind(1, first);
    q.bind(2, last);
    q.bind(3, episode);
    q.bind(4, unacknowledged_only ? 1 : 0);
    PlantJoin join(st.db(), plan_version);
    std::int64_t batch_id = 0;
    ReportBatch const* batch = nullptr;
    ports::EvaluationOrder row;
    while (q.step()) {
        auto* const order = q.row();
        if (!batch || report_int(order, 1) != batch_id) {
            batch_id = report_int(order, 1);
            batch = &batches.at(batch_id);
            join.start_batch(*batch);
        }
        std::int64_t const enterprise = report_int(order, 3);
        auto* const plant = join.plant_row(enterprise);
        if (!plant) continue;  // not in the batch's list version (an inner join leaves it out)
        read_report_order(order, *batch, plant, join.level_row(enterprise), row);
        if (row.record.reported_kwh_per_day) {
            auto& body = st.get("SELECT body FROM enterprise_bodies WHERE list_version = ? AND id = ?");
            body.bind(1, batch->list_version);
            body.bind(2, enterprise);
            if (body.executeStep()) row.enterprise_entry = body.getColumn(0).getString();
        }
        each(row);
    }
}

}  // namespace hazeguard::storage
