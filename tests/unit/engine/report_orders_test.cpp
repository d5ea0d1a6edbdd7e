// engine/storage/sqlite/sqlite_report_orders.cpp: the report's walk over an episode's orders gives,
// by order id, what joining each order to its plant and its planned reductions gives — through an
// upgrade to a sparse level (red plants are 80 ids apart, and the batch's notices come after its
// orders), a lift, and plants no longer in the list.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/storage/database.hpp"
#include "engine/storage/sqlite/sqlite_report_orders.hpp"
#include "engine/storage/sqlite/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/engine/seeded_list.hpp"

namespace hazeguard::storage {
namespace {

ports::NewBatch report_batch(std::optional<std::string> level, std::optional<std::string> previous) {
    return {1, 1, std::move(level), std::move(previous), "proposal:1", 1797213600, 1797213600};
}

// One line per order: what the report reads of it.
std::string order_line(engine::report::OrderRecord const& o) {
    auto const so2 = o.planned_t_per_day.find("SO2");
    return std::to_string(o.order_id) + "|" + std::to_string(o.batch_id) + "|" + (o.termination ? "1" : "0") + "|" +
           o.credit_code + "|" + o.name + "|" + o.grade + "|" + o.level + "|" +
           (so2 == o.planned_t_per_day.end() ? std::string("-") : std::to_string(so2->second)) + "|" +
           (o.ack_at ? std::to_string(*o.ack_at) : std::string("-"));
}

// The same lines from one join of every order to its plant and level, by order id.
std::vector<std::string> joined(SQLite::Database& db, bool unacknowledged_only) {
    SQLite::Statement q(db, "SELECT o.id || '|' || o.batch_id || '|' || o.kind || '|' || e.credit_code || '|' || e.name "
                            "|| '|' || e.grade || '|' || coalesce(b.level, '') || '|', l.so2, o.ack_at FROM orders o "
                            "JOIN order_batches b ON b.id = o.batch_id JOIN enterprises e ON e.list_version = "
                            "b.list_version AND e.id = o.enterprise_id LEFT JOIN enterprise_levels l ON l.list_version "
                            "= b.list_version AND l.plan_version = 'p' AND l.level = b.level AND l.enterprise_id = "
                            "o.enterprise_id WHERE b.episode_id = 1 AND (? = 0 OR (o.kind = 0 AND o.ack_at IS NULL)) "
                            "ORDER BY o.id");
    q.bind(1, unacknowledged_only ? 1 : 0);
    std::vector<std::string> out;
    while (q.executeStep())
        out.push_back(q.getColumn(0).getString() +
                      (q.getColumn(1).isNull() ? std::string("-") : std::to_string(q.getColumn(1).getDouble())) + "|" +
                      (q.getColumn(2).isNull() ? std::string("-") : std::to_string(q.getColumn(2).getInt64())));
    return out;
}

std::vector<std::string> walked(SQLite::Database& db, bool unacknowledged_only) {
    StatementCache statements(db);
    std::vector<std::string> out;
    walk_report_orders(statements, 1, "p", unacknowledged_only,
                       [&](ports::EvaluationOrder& row) { out.push_back(order_line(row.record)); });
    return out;
}

TEST_CASE("the report's walk gives every order by id with its plant and planned reductions",
          "[engine][storage][report]") {
    test::TempDir dir("hg-report-orders");
    auto db = open_database(dir.file("db.sqlite"));
    seed_list(*db);
    SqliteStore store(*db);
    CHECK(walked(*db, false).empty());  // no batch yet

    store.batches().issue(report_batch("orange", std::nullopt), "p");
    store.batches().issue(report_batch("red", "orange"), "p");  // 15 orders, then 585 notices
    store.batches().issue(report_batch(std::nullopt, "red"), "p");
    db->exec("UPDATE orders SET ack_at = 1797214000 + id WHERE id % 3 = 0");
    db->exec("DELETE FROM enterprises WHERE id IN (14, 1200)");  // no longer in the list: left out

    auto const all = walked(*db, false);
    // orange 600, red 15 + 585 notices, lift 15 notices; less plant 14 (red: 3 rows) and 1200 (2 rows)
    CHECK(all.size() == 1210);
    CHECK(all == joined(*db, false));
    CHECK(all.front().starts_with("1|"));
    auto const unacknowledged = walked(*db, true);
    CHECK(unacknowledged == joined(*db, true));
    CHECK(unacknowledged.size() < all.size());
    CHECK(walked(*db, false) == all);  // the statements are handed out again
}

}  // namespace
}  // namespace hazeguard::storage
