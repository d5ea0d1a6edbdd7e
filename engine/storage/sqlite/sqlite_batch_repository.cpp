#include "engine/storage/sqlite/sqlite_batch_repository.hpp"

#include "engine/orders/order_lifecycle.hpp"
#include "engine/storage/sqlite/columns.hpp"
#include "engine/storage/sqlite/order_count_tally.hpp"

#include <memory>

#include <sqlite3.h>

namespace hazeguard::storage {
using engine::Instant;
using engine::OrderKind;
using engine::OrderStatus;

namespace {
constexpr int kOrder = static_cast<int>(OrderKind::order);
constexpr int kTermination = static_cast<int>(OrderKind::termination);
constexpr int kSent = static_cast<int>(OrderStatus::sent);
constexpr int kExecuted = static_cast<int>(OrderStatus::executed);
}  // namespace

std::optional<std::int64_t> SqliteBatchRepository::episode_list_version(std::int64_t episode) {
    auto& q = st_.get("SELECT list_version FROM episodes WHERE id = ?");
    q.bind(1, episode);
    if (!q.executeStep()) return std::nullopt;
    auto const lv = optional_int(q.getColumn(0));
    q.reset();
    return lv;
}

ports::IssuedBatch SqliteBatchRepository::issue(ports::NewBatch const& spec, std::string const& plan_version) {
    auto& pq = st_.get("SELECT max(id) FROM order_batches WHERE episode_id = ?");
    pq.bind(1, spec.episode);
    pq.executeStep();
    std::int64_t const prev = optional_int(pq.getColumn(0)).value_or(0);
    pq.reset();
    auto& b = st_.get("INSERT INTO order_batches(episode_id, list_version, kind, level, previous_level, cause, "
                      "issued_at, effective_from, count, terminations, so2, nox, pm, vocs) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0)");
    b.bind(1, spec.episode);
    b.bind(2, spec.list_version);
    b.bind(3, spec.level ? "order" : "termination");
    if (spec.level) b.bind(4, *spec.level);
    if (spec.previous_level) b.bind(5, *spec.previous_level);
    b.bind(6, spec.cause);
    b.bind(7, spec.issued_at);
    b.bind(8, spec.at);
    b.exec();
    ports::IssuedBatch issued{st_.db().getLastInsertRowid(), {}};
    OrderCountTally tally(st_.db().getHandle(), spec.list_version);
    // entry_in_new_batch(), set-wise: an order for every plant the level asks something of, each
    // superseding the plant's previous row; a termination for each previous order left without one.
    if (spec.level) {
        insert_orders(issued.id, prev, spec, plan_version);
        tally_orders(tally, issued.totals, spec, plan_version);
    }
    if (prev) issued.totals.terminations = insert_terminations(tally, issued.id, prev);
    tally.write(issued.id);
    return issued;
}

void SqliteBatchRepository::insert_orders(std::int64_t batch, std::int64_t prev, ports::NewBatch const& spec,
                                          std::string const& plan_version) {
    // The first batch of an episode supersedes nothing: no search per plant for a previous order.
    auto& ins = st_.get(prev ? "INSERT INTO orders(batch_id, enterprise_id, kind, supersedes, status) SELECT :b, "
                               "el.enterprise_id, :order, (SELECT p.id FROM orders p WHERE p.batch_id = :prev AND "
                               "p.enterprise_id = el.enterprise_id), :sent FROM enterprise_levels el WHERE "
                               "el.list_version = :lv AND el.plan_version = :pv AND el.level = :level ORDER BY "
                               "el.enterprise_id"
                             : "INSERT INTO orders(batch_id, enterprise_id, kind, supersedes, status) SELECT :b, "
                               "el.enterprise_id, :order, NULL, :sent FROM enterprise_levels el WHERE el.list_version "
                               "= :lv AND el.plan_version = :pv AND el.level = :level ORDER BY el.enterprise_id");
    ins.bind(":b", batch);
    ins.bind(":order", kOrder);
    if (prev) ins.bind(":prev", prev);
    ins.bind(":sent", kSent);
    ins.bind(":lv", spec.list_version);
    ins.bind(":pv", plan_version);
    ins.bind(":level", *spec.level);
    ins.exec();
}

void SqliteBatchRepository::tally_orders(OrderCountTally& tally, ports::BatchTotals& totals, ports::NewBatch const& spec,
                                         std::string const& plan_version) {
    // The plants just given an order are the level's rows, read again in the same order: their
    // count, their daily reductions (summed in plant order, as total() over the orders did) and
    // their tallies. Read through the C interface: a million rows of five columns.
    sqlite3* db = st_.db().getHandle();
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT enterprise_id, so2, nox, pm, vocs FROM enterprise_levels WHERE list_version = ? "
                               "AND plan_version = ? AND level = ? ORDER BY enterprise_id", -1, &q, nullptr) != SQLITE_OK)
        throw SQLite::Exception(db, sqlite3_errcode(db));
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> const owner(q, sqlite3_finalize);
    sqlite3_bind_int64(q, 1, spec.list_version);
    sqlite3_bind_text(q, 2, plan_version.data(), static_cast<int>(plan_version.size()), SQLITE_STATIC);
    sqlite3_bind_text(q, 3, spec.level->data(), static_cast<int>(spec.level->size()), SQLITE_STATIC);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        ++totals.orders;
        for (int i = 0; i < 4; ++i) totals.reductions[static_cast<std::size_t>(i)] += sqlite3_column_double(q, 1 + i);
        tally.add(sqlite3_column_int64(q, 0), kOrder);
    }
    if (rc != SQLITE_DONE) throw SQLite::Exception(db, rc);
}

std::int64_t SqliteBatchRepository::insert_terminations(OrderCountTally& tally, std::int64_t batch, std::int64_t prev) {
    // Rows are numbered in insertion order, so this batch's terminations are the rows after the
    // last one there was before them (the writer is alone in its transaction).
    auto& last = st_.get("SELECT COALESCE(max(id), 0) FROM orders");
    last.executeStep();
    std::int64_t const before = last.getColumn(0).getInt64();
    last.reset();
    auto& term = st_.get("INSERT INTO orders(batch_id, enterprise_id, kind, supersedes, status) SELECT :b, "
                         "p.enterprise_id, :termination, p.id, :sent FROM orders p WHERE p.batch_id = :prev AND "
                         "p.kind = :order AND NOT EXISTS (SELECT 1 FROM orders n WHERE n.batch_id = :b AND "
                         "n.enterprise_id = p.enterprise_id) ORDER BY p.enterprise_id");
    term.bind(":b", batch);
    term.bind(":termination", kTermination);
    term.bind(":sent", kSent);
    term.bind(":prev", prev);
    term.bind(":order", kOrder);
    int const n = term.exec();
    if (n == 0) return 0;
    auto& rows = st_.get("SELECT enterprise_id FROM orders WHERE id > ? ORDER BY id");
    rows.bind(1, before);
    while (rows.executeStep()) tally.add(rows.getColumn(0).getInt64(), kTermination);
    rows.reset();
    return n;
}

void SqliteBatchRepository::close(std::int64_t batch, ports::BatchTotals const& t, std::optional<Instant> ack_due,
                                  std::optional<Instant> execution_due) {
    auto& u = st_.get("UPDATE order_batches SET count = ?, terminations = ?, so2 = ?, nox = ?, pm = ?, vocs = ?, "
                      "ack_due_at = ?, execution_due_at = ? WHERE id = ?");
    u.bind(1, t.orders);
    u.bind(2, t.terminations);
    for (int i = 0; i < 4; ++i) u.bind(3 + i, t.reductions[i]);
    if (ack_due) u.bind(7, *ack_due);
    if (execution_due) u.bind(8, *execution_due);
    u.bind(9, batch);
    u.exec();
}

std::optional<ports::BatchState> SqliteBatchRepository::state(std::int64_t batch) {
    auto& q = st_.get("SELECT b.episode_id, b.list_version, (SELECT max(id) FROM order_batches x WHERE x.episode_id = "
                      "b.episode_id) FROM order_batches b WHERE b.id = ?");
    q.bind(1, batch);
    if (!q.executeStep()) return std::nullopt;
    ports::BatchState s{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64() == batch};
    q.reset();
    return s;
}

std::vector<ports::OverduePlant> SqliteBatchRepository::overdue_plants(std::int64_t batch, std::string const& district,
                                                                      bool ack, int limit) {
    auto& q = st_.get(std::string("SELECT o.id, e.credit_code, e.name FROM orders o JOIN order_batches b ON b.id = "
                                  "o.batch_id JOIN enterprises e ON e.list_version = b.list_version AND e.id = "
                                  "o.enterprise_id WHERE o.batch_id = :b AND e.district = :d AND ") +
                      (ack ? "o.status = :sent" : "o.kind = :order AND o.status < :executed") + " ORDER BY o.id LIMIT :n");
    q.bind(":b", batch);
    q.bind(":d", district);
    if (ack) {
        q.bind(":sent", kSent);
    } else {
        q.bind(":order", kOrder);
        q.bind(":executed", kExecuted);
    }
    q.bind(":n", limit);
    std::vector<ports::OverduePlant> out;
    while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()});
    return out;
}

std::optional<std::string> SqliteBatchRepository::cause(std::int64_t batch) {
    auto& q = st_.get("SELECT cause FROM order_batches WHERE id = ?");
    q.bind(1, batch);
    if (!q.executeStep()) return std::nullopt;
    auto cause = q.getColumn(0).getString();
    q.reset();
    return cause;
}

std::optional<ports::AdvanceBatch> SqliteBatchRepository::advance(std::string const& cause) {
    auto& q = st_.get("SELECT b.id, b.episode_id, b.list_version, b.level, b.effective_from, (SELECT max(id) FROM "
                      "order_batches x WHERE x.episode_id = b.episode_id) FROM order_batches b WHERE b.cause = ? AND "
                      "b.issued_at < b.effective_from ORDER BY b.id DESC LIMIT 1");
    q.bind(1, cause);
    if (!q.executeStep()) return std::nullopt;
    ports::AdvanceBatch a{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                          optional_text(q.getColumn(3)), q.getColumn(4).getInt64(), false};
    a.latest = q.getColumn(5).getInt64() == a.id;
    q.reset();
    return a;
}

std::int64_t SqliteBatchRepository::remind(std::int64_t batch, Instant at) {
    auto& u = st_.get("UPDATE orders SET reminded_at = ? WHERE batch_id = ? AND status = ?");
    u.bind(1, at);
    u.bind(2, batch);
    u.bind(3, kSent);
    return u.exec();
}

std::map<std::string, std::int64_t> SqliteBatchRepository::escalate(std::int64_t batch, bool ack, Instant at) {
    if (ack) {
        auto& u = st_.get("UPDATE orders SET escalated_at = ? WHERE batch_id = ? AND status = ?");
        u.bind(1, at);
        u.bind(2, batch);
        u.bind(3, kSent);
        u.exec();
    }
    auto& esc = st_.get(std::string("INSERT INTO escalations(batch_id, district, kind, count, at) SELECT :b, e.district, "
                                    ":kind, count(*), :at FROM orders o JOIN order_batches b ON b.id = o.batch_id JOIN "
                                    "enterprises e ON e.list_version = b.list_version AND e.id = o.enterprise_id WHERE "
                                    "o.batch_id = :b AND ") +
                        (ack ? "o.status = :sent" : "o.kind = :order AND o.status < :executed") + " GROUP BY e.district");
    esc.bind(":b", batch);
    esc.bind(":kind", ack ? "ack" : "execution");
    esc.bind(":at", at);
    if (ack) {
        esc.bind(":sent", kSent);
    } else {
        esc.bind(":order", kOrder);
        esc.bind(":executed", kExecuted);
    }
    std::map<std::string, std::int64_t> out;
    if (esc.exec() == 0) return out;
    auto& list = st_.get("SELECT district, count FROM escalations WHERE batch_id = ? AND kind = ? ORDER BY district");
    list.bind(1, batch);
    list.bind(2, ack ? "ack" : "execution");
    while (list.executeStep()) out[list.getColumn(0).getString()] = list.getColumn(1).getInt64();
    return out;
}

}  // namespace hazeguard::storage
