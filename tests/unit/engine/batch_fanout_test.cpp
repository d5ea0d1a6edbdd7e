// engine/storage/sqlite/sqlite_batch_repository.cpp and order_count_tally.cpp: a fan-out writes one
// order per plant of the level, supersedes the previous batch's rows, terminates the rest, and its
// tallies (order_counts) and totals are what counting the written orders again gives.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/storage/database.hpp"
#include "engine/storage/sqlite/order_count_tally.hpp"
#include "engine/storage/sqlite/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/engine/seeded_list.hpp"

namespace hazeguard::storage {
namespace {
using test::TempDir;

// The tallies as a GROUP BY over the batch's orders gives them: district|industry|grade|kind|count.
std::vector<std::string> recount(SQLite::Database& db, std::int64_t batch) {
    SQLite::Statement q(db, "SELECT e.district || '|' || e.industry || '|' || e.grade || '|' || o.kind || '|' || "
                            "count(*) FROM orders o JOIN enterprises e ON e.list_version = 1 AND e.id = o.enterprise_id "
                            "WHERE o.batch_id = ? GROUP BY e.district, e.industry, e.grade, o.kind ORDER BY 1");
    q.bind(1, batch);
    std::vector<std::string> rows;
    while (q.executeStep()) rows.push_back(q.getColumn(0).getString());
    return rows;
}

std::vector<std::string> tallies(SQLite::Database& db, std::int64_t batch) {
    SQLite::Statement q(db, "SELECT district || '|' || industry || '|' || grade || '|' || kind || '|' || total FROM "
                            "order_counts WHERE batch_id = ? AND acknowledged = 0 AND executed = 0 AND "
                            "acknowledged_late = 0 AND reached = 0 ORDER BY 1");
    q.bind(1, batch);
    std::vector<std::string> rows;
    while (q.executeStep()) rows.push_back(q.getColumn(0).getString());
    return rows;
}

std::int64_t count_of(SQLite::Database& db, std::string const& sql) { return db.execAndGet(sql).getInt64(); }

ports::NewBatch batch_of(std::optional<std::string> level, std::optional<std::string> previous) {
    return {1, 1, std::move(level), std::move(previous), "proposal:1", 1797213600, 1797213600};
}

TEST_CASE("a fan-out's tallies and totals equal a recount of its orders through upgrade and lift",
          "[engine][storage][orders]") {
    TempDir dir("hg-fanout");
    auto db = open_database(dir.file("db.sqlite"));
    seed_list(*db);
    SqliteStore store(*db);

    auto const orange = store.batches().issue(batch_of("orange", std::nullopt), "p");
    CHECK(orange.totals.orders == 600);
    CHECK(orange.totals.terminations == 0);
    CHECK(count_of(*db, "SELECT count(*) FROM orders WHERE batch_id = " + std::to_string(orange.id)) == 600);
    CHECK(count_of(*db, "SELECT count(*) FROM orders WHERE supersedes IS NOT NULL") == 0);
    auto const so2 = db->execAndGet("SELECT total(so2) FROM enterprise_levels WHERE level = 'orange'").getDouble();
    CHECK(orange.totals.reductions[0] == so2);   // summed in plant order, as total() over the orders
    CHECK(tallies(*db, orange.id) == recount(*db, orange.id));
    CHECK(tallies(*db, orange.id).size() == 36);

    // Orange → red: 15 plants keep an order (superseding their orange one), 585 are terminated.
    auto const red = store.batches().issue(batch_of("red", "orange"), "p");
    CHECK(red.totals.orders == 15);
    CHECK(red.totals.terminations == 585);
    CHECK(count_of(*db, "SELECT count(*) FROM orders o JOIN orders p ON p.id = o.supersedes AND p.enterprise_id = "
                        "o.enterprise_id AND p.batch_id = " + std::to_string(orange.id) + " WHERE o.batch_id = " +
                            std::to_string(red.id)) == 600);
    CHECK(tallies(*db, red.id) == recount(*db, red.id));
    CHECK(red.totals.reductions[3] ==
          db->execAndGet("SELECT total(vocs) FROM enterprise_levels WHERE level = 'red'").getDouble());

    // Lifted: the 15 red orders end.
    auto const lift = store.batches().issue(batch_of(std::nullopt, "red"), "p");
    CHECK(lift.totals.orders == 0);
    CHECK(lift.totals.terminations == 15);
    CHECK(lift.totals.reductions == std::array<double, 4>{});
    CHECK(tallies(*db, lift.id) == recount(*db, lift.id));
}

TEST_CASE("the order count tally counts plants in any order and skips plants not in the list",
          "[engine][storage][orders]") {
    TempDir dir("hg-fanout");
    auto db = open_database(dir.file("db.sqlite"));
    seed_list(*db);
    db->exec("INSERT INTO order_batches(id, episode_id, list_version, kind, cause, issued_at, effective_from, count, "
             "terminations, so2, nox, pm, vocs) VALUES (9, 1, 1, 'order', 'x', 0, 0, 0, 0, 0, 0, 0, 0)");
    std::vector<std::int64_t> const ids = {1200, 2, 600, 3, 600, 1100, 5000, 4, 6, 8, 10, 1198};
    db->exec("CREATE TEMP TABLE added(enterprise_id INTEGER, kind INTEGER)");
    {
        OrderCountTally tally(db->getHandle(), 1);
        // Descending, far apart, repeated, and ids the list does not hold (odd, beyond its end).
        for (auto const id : ids) {
            int const kind = id % 4 == 0 ? 1 : 0;
            tally.add(id, kind);
            db->exec("INSERT INTO added VALUES (" + std::to_string(id) + ", " + std::to_string(kind) + ")");
        }
        tally.write(9);
    }
    CHECK(count_of(*db, "SELECT total(total) FROM order_counts WHERE batch_id = 9") == 10);
    CHECK(count_of(*db, "SELECT total(total) FROM order_counts WHERE batch_id = 9 AND kind = 1") == 6);
    SQLite::Statement q(*db, "SELECT e.district || '|' || e.industry || '|' || e.grade || '|' || a.kind || '|' || "
                             "count(*) FROM added a JOIN enterprises e ON e.list_version = 1 AND e.id = "
                             "a.enterprise_id GROUP BY e.district, e.industry, e.grade, a.kind ORDER BY 1");
    std::vector<std::string> expected;
    while (q.executeStep()) expected.push_back(q.getColumn(0).getString());
    CHECK(tallies(*db, 9) == expected);
}

}  // namespace
}  // namespace hazeguard::storage
