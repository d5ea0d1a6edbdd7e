#include "engine/storage/sqlite/sqlite_order_repository.hpp"

#include <stdexcept>

#include "engine/storage/sqlite/columns.hpp"

namespace hazeguard::storage {
using engine::Instant;

std::optional<ports::OrderRecord> SqliteOrderRepository::find(std::int64_t id) {
    auto& q = st_.get("SELECT o.batch_id, o.enterprise_id, b.episode_id, b.list_version, o.kind, o.status, "
                      "o.supersedes, e.credit_code, e.district, e.industry, e.grade, (SELECT max(id) FROM order_batches x WHERE x.episode_id = "
                      "b.episode_id), (SELECT n.effective_from FROM order_batches n WHERE n.episode_id = b.episode_id "
                      "AND n.id > b.id ORDER BY n.id LIMIT 1) FROM orders o JOIN order_batches b ON b.id = o.batch_id JOIN enterprises e ON "
                      "e.list_version = b.list_version AND e.id = o.enterprise_id WHERE o.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    auto const kind = engine::order_kind_from(q.getColumn(4).getInt());
    auto const status = engine::order_status_from(q.getColumn(5).getInt());
    if (!kind || !status) throw std::runtime_error("order " + std::to_string(id) + " has an unknown kind or status");
    ports::OrderRecord row{id,
                           q.getColumn(0).getInt64(),
                           q.getColumn(1).getInt64(),
                           q.getColumn(2).getInt64(),
                           q.getColumn(3).getInt64(),
                           q.getColumn(11).getInt64(),
                           *kind,
                           *status,
                           optional_int(q.getColumn(6)),
                           q.getColumn(7).getString(),
                           q.getColumn(8).getString(),
                           q.getColumn(9).getString(),
                           q.getColumn(10).getString(),
                           optional_int(q.getColumn(12))};
    q.reset();
    return row;
}

std::optional<std::int64_t> SqliteOrderRepository::successor(ports::OrderRecord const& order) {
    if (order.current()) return std::nullopt;
    // The same plant's row in the episode's next batch (index orders_batch).
    auto& q = st_.get("SELECT o.id FROM orders o WHERE o.batch_id = (SELECT min(id) FROM order_batches "
                      "WHERE episode_id = ? AND id > ?) AND o.enterprise_id = ?");
    q.bind(1, order.episode);
    q.bind(2, order.batch);
    q.bind(3, order.enterprise_id);
    return q.executeStep() ? std::optional<std::int64_t>(q.getColumn(0).getInt64()) : std::nullopt;
}

ports::OrderDetails SqliteOrderRepository::details(std::int64_t id) {
    auto& q = st_.get("SELECT b.level, b.previous_level, b.issued_at, b.effective_from, b.ack_due_at, "
                      "b.execution_due_at, o.ack_at, o.ack_by, o.ack_phone, o.ack_note, o.executed_at, "
                      "o.execution, o.reminded_at, o.escalated_at, e.body, COALESCE(o.ack_channel, 'api'), (SELECT pb.effective_from FROM orders p JOIN order_batches pb ON "
                      "pb.id = p.batch_id WHERE p.id = o.supersedes) FROM orders o JOIN order_batches b "
                      "ON b.id = o.batch_id JOIN enterprise_bodies e ON e.list_version = b.list_version AND "
                      "e.id = o.enterprise_id WHERE o.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) throw std::runtime_error("order " + std::to_string(id) + " has no batch or list entry");
    ports::OrderDetails d;
    d.level = optional_text(q.getColumn(0));
    d.previous_level = optional_text(q.getColumn(1));
    d.issued_at = q.getColumn(2).getInt64();
    d.effective_from = q.getColumn(3).getInt64();
    d.ack_due_at = optional_int(q.getColumn(4));
    d.execution_due_at = optional_int(q.getColumn(5));
    if (auto const at = optional_int(q.getColumn(6)))
        d.acknowledgement = ports::Acknowledgement{*at, optional_text(q.getColumn(7)).value_or(""),
                                                   optional_text(q.getColumn(8)).value_or(""),
                                                   optional_text(q.getColumn(9)), q.getColumn(15).getString()};
    d.execution = optional_text(q.getColumn(11));
    d.reminded_at = optional_int(q.getColumn(12));
    d.escalated_at = optional_int(q.getColumn(13));
    d.enterprise = q.getColumn(14).getString();
    d.superseded_effective_from = optional_int(q.getColumn(16));
    q.reset();
    return d;
}

std::optional<Instant> SqliteOrderRepository::ack_due(ports::OrderRecord const& order) {
    auto& q = st_.get("SELECT ack_due_at FROM order_batches WHERE id = ?");
    q.bind(1, order.batch);
    if (!q.executeStep()) return std::nullopt;
    return optional_int(q.getColumn(0));
}

// Keeps order_counts in step with one order's change: progress reads the counts, not the orders.
void SqliteOrderRepository::count(ports::OrderRecord const& order, std::string const& set, bool late) {
    // The plant's district, industry and grade came with the order (find): the count's key as is.
    auto& u = st_.get("UPDATE order_counts SET " + set +
                      " WHERE batch_id = ? AND kind = ? AND district = ? AND industry = ? AND grade = ?");
    int i = 1;
    if (set.find('?') != std::string::npos) u.bind(i++, late ? 1 : 0);
    u.bind(i++, order.batch);
    u.bind(i++, static_cast<int>(order.kind));
    u.bind(i++, order.district);
    u.bind(i++, order.industry);
    u.bind(i++, order.grade);
    u.exec();
}

void SqliteOrderRepository::record_acknowledgement(ports::OrderRecord const& order, ports::Acknowledgement const& ack,
                                                   bool late) {
    auto& u = st_.get("UPDATE orders SET status = ?, ack_at = ?, ack_by = ?, ack_phone = ?, ack_note = ?, ack_channel = ? "
                      "WHERE id = ? AND status = ?");
    u.bind(1, static_cast<int>(engine::OrderStatus::acknowledged));
    u.bind(2, ack.at);
    u.bind(3, ack.by);
    u.bind(4, ack.phone);
    u.bind(5, ack.note.value_or(""));
    u.bind(6, ack.channel);
    u.bind(7, order.id);
    u.bind(8, static_cast<int>(engine::OrderStatus::sent));
    if (u.exec() == 1) count(order, "acknowledged = acknowledged + 1, acknowledged_late = acknowledged_late + ?", late);
}

void SqliteOrderRepository::record_execution(ports::OrderRecord const& order, Instant at, std::string const& report,
                                             bool first) {
    auto& u = st_.get("UPDATE orders SET status = ?, executed_at = ?, execution = ? WHERE id = ?");
    u.bind(1, static_cast<int>(engine::OrderStatus::executed));
    u.bind(2, at);
    u.bind(3, report);
    u.bind(4, order.id);
    u.exec();
    if (first) count(order, "executed = executed + 1", false);
}

bool SqliteOrderRepository::mark_reached(std::int64_t order_id, Instant at) {
    auto& u = st_.get("UPDATE orders SET reached_at = ? WHERE id = ? AND reached_at IS NULL");
    u.bind(1, at);
    u.bind(2, order_id);
    if (u.exec() != 1) return false;
    auto const order = find(order_id);
    if (order) count(*order, "reached = reached + 1", false);
    return true;
}

std::string SqliteOrderRepository::enterprise_entry(ports::OrderRecord const& order) {
    auto& q = st_.get("SELECT body FROM enterprise_bodies WHERE list_version = ? AND id = ?");
    q.bind(1, order.list_version);
    q.bind(2, order.enterprise_id);
    if (!q.executeStep()) throw std::runtime_error("order " + std::to_string(order.id) + " has no list entry");
    std::string body = q.getColumn(0).getString();
    q.reset();
    return body;
}

std::vector<std::int64_t> SqliteOrderRepository::ids_for_enterprise(std::string const& credit_code, int limit) {
    auto& q = st_.get("SELECT o.id FROM enterprises e JOIN order_batches b ON b.list_version = e.list_version "
                      "JOIN orders o ON o.batch_id = b.id AND o.enterprise_id = e.id WHERE e.credit_code = ? "
                      "ORDER BY o.id DESC LIMIT ?");
    q.bind(1, credit_code);
    q.bind(2, limit);
    std::vector<std::int64_t> ids;
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    return ids;
}

bool SqliteOrderRepository::episode_exists(std::int64_t episode) {
    // An episode announced by orders issued ahead of its start exists before it opens.
    auto& q = st_.get("SELECT 1 FROM episodes WHERE id = ?1 UNION ALL SELECT 1 FROM order_batches WHERE episode_id = ?1");
    q.bind(1, episode);
    bool const found = q.executeStep();
    q.reset();
    return found;
}

std::optional<std::int64_t> SqliteOrderRepository::latest_batch(std::int64_t episode) {
    auto& q = st_.get("SELECT max(id) FROM order_batches WHERE episode_id = ?");
    q.bind(1, episode);
    q.executeStep();
    return optional_int(q.getColumn(0));
}

std::vector<std::int64_t> SqliteOrderRepository::ids(ports::OrderQuery const& f) {
    using Overdue = ports::OrderQuery::Overdue;
    // The batch's orders are walked in id order between its first and last id (two reads of the
    // orders_batch index), so a page stops after :limit rows instead of sorting the whole batch:
    // +o.batch_id keeps SQLite from choosing that index for the walk itself.
    std::string sql = "SELECT o.id FROM orders o JOIN order_batches b ON b.id = o.batch_id JOIN enterprises e ON "
                      "e.list_version = b.list_version AND e.id = o.enterprise_id WHERE +o.batch_id = :b AND "
                      "b.episode_id = :ep AND o.id > max(:after, (SELECT min(id) - 1 FROM orders WHERE batch_id = :b)) "
                      "AND o.id <= (SELECT max(id) FROM orders WHERE batch_id = :b)";
    if (f.status) sql += " AND o.status = :status";
    if (f.district) sql += " AND e.district = :district";
    if (f.industry) sql += " AND e.industry = :industry";
    if (f.grade) sql += " AND e.grade = :grade";
    if (f.overdue == Overdue::ack) sql += " AND o.status = :sent AND :now > b.ack_due_at";
    if (f.overdue == Overdue::execution)
        sql += " AND o.kind = :order AND o.status < :executed AND :now > b.execution_due_at";
    if (f.reached) sql += *f.reached ? " AND o.reached_at IS NOT NULL" : " AND o.reached_at IS NULL";
    sql += " ORDER BY o.id LIMIT :limit";
    auto& q = st_.get(sql);
    q.bind(":b", f.batch);
    q.bind(":ep", f.episode);
    q.bind(":after", f.after);
    if (f.status) q.bind(":status", static_cast<int>(*f.status));
    if (f.district) q.bind(":district", *f.district);
    if (f.industry) q.bind(":industry", *f.industry);
    if (f.grade) q.bind(":grade", *f.grade);
    if (f.overdue) q.bind(":now", f.now);
    if (f.overdue == Overdue::ack) q.bind(":sent", static_cast<int>(engine::OrderStatus::sent));
    if (f.overdue == Overdue::execution) {
        q.bind(":order", static_cast<int>(engine::OrderKind::order));
        q.bind(":executed", static_cast<int>(engine::OrderStatus::executed));
    }
    q.bind(":limit", f.limit);
    std::vector<std::int64_t> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

}  // namespace hazeguard::storage
