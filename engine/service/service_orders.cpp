// Orders (一厂一策): one per affected enterprise on every transition, written in the same
// transaction as the transition; deadlines, reminders and escalation as batch timers.
#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/orders/order_content.hpp"
#include "engine/service/service.hpp"
#include "engine/service/service_tx.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
std::string batch_ref(std::int64_t id) { return "batch:" + std::to_string(id); }
}  // namespace

std::string Service::pollutant_path_of(std::string const& cause) {
    if (cause.rfind("proposal:", 0) != 0) return "full_response";
    SQLite::Statement q(conn(), "SELECT f.assessment FROM proposals p JOIN forecasts f ON f.id = p.forecast_id "
                              "WHERE p.id = ?");
    q.bind(1, static_cast<std::int64_t>(std::stoll(cause.substr(9))));
    if (!q.executeStep()) return "full_response";
    auto const path = json::parse(q.getColumn(0).getString()).value("pollutant_path", "full_response");
    return path == "health_advisory" ? path : "full_response";
}

void Service::fan_out(Tx& tx, int episode, engine::LevelChanged const& e) {
    if (e.to && pollutant_path_of(e.cause) == "health_advisory") {
        timeline(tx, episode, e.cause, e.at, "orders_skipped", "system",
                 "首要污染物为非颗粒物（按污染物差异化应对），以健康防护为主，不向企业下达减排指令", json::object());
        return;
    }
    SQLite::Statement lvq(tx.db, "SELECT list_version FROM episodes WHERE id = ?");
    lvq.bind(1, episode);
    if (!lvq.executeStep() || lvq.getColumn(0).isNull()) {
        timeline(tx, episode, e.cause, e.at, "orders_skipped", "system", "尚未导入应急减排清单，未下达企业指令",
                 json::object());
        return;
    }
    std::int64_t const lv = lvq.getColumn(0).getInt64();
    ensure_levels(lv);
    SQLite::Statement pq(tx.db, "SELECT max(id) FROM order_batches WHERE episode_id = ?");
    pq.bind(1, episode);
    pq.executeStep();
    std::int64_t const prev = pq.getColumn(0).isNull() ? 0 : pq.getColumn(0).getInt64();
    std::string const level = e.to ? plan_.level_at(*e.to).id : "";
    SQLite::Statement b(tx.db, "INSERT INTO order_batches(episode_id, list_version, kind, level, previous_level, "
                               "cause, issued_at, effective_from, count, terminations, so2, nox, pm, vocs) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0)");
    b.bind(1, episode);
    b.bind(2, lv);
    b.bind(3, e.to ? "order" : "termination");
    if (e.to) b.bind(4, level);
    if (e.from) b.bind(5, plan_.level_at(*e.from).id);
    b.bind(6, e.cause);
    b.bind(7, e.at);
    b.bind(8, e.at);
    b.exec();
    std::int64_t const batch = tx.db.getLastInsertRowid();

    if (e.to) {
        SQLite::Statement ins(tx.db, "INSERT INTO orders(batch_id, enterprise_id, kind, supersedes, status) "
                                     "SELECT :b, el.enterprise_id, 0, (SELECT p.id FROM orders p WHERE p.batch_id = :prev "
                                     "AND p.enterprise_id = el.enterprise_id), 0 FROM enterprise_levels el "
                                     "WHERE el.list_version = :lv AND el.plan_version = :pv AND el.level = :level "
                                     "ORDER BY el.enterprise_id");
        ins.bind(":b", batch);
        ins.bind(":prev", prev);
        ins.bind(":lv", lv);
        ins.bind(":pv", plan_.version);
        ins.bind(":level", level);
        ins.exec();
    }
    if (prev) {
        // Plants that had an order but have nothing to do now get a termination notice.
        SQLite::Statement term(tx.db, "INSERT INTO orders(batch_id, enterprise_id, kind, supersedes, status) "
                                      "SELECT :b, p.enterprise_id, 1, p.id, 0 FROM orders p WHERE p.batch_id = :prev "
                                      "AND p.kind = 0 AND NOT EXISTS (SELECT 1 FROM orders n WHERE n.batch_id = :b "
                                      "AND n.enterprise_id = p.enterprise_id) ORDER BY p.enterprise_id");
        term.bind(":b", batch);
        term.bind(":prev", prev);
        term.exec();
    }
    SQLite::Statement counts(tx.db, "INSERT INTO order_counts(batch_id, district, industry, grade, kind, total, "
                                    "acknowledged, executed, acknowledged_late) SELECT :b, e.district, e.industry, "
                                    "e.grade, o.kind, count(*), 0, 0, 0 FROM orders o JOIN enterprises e ON "
                                    "e.list_version = :lv AND e.id = o.enterprise_id WHERE o.batch_id = :b "
                                    "GROUP BY 2, 3, 4, 5");
    counts.bind(":b", batch);
    counts.bind(":lv", lv);
    counts.exec();
    SQLite::Statement sums(tx.db, "SELECT total(o.kind = 0), total(o.kind = 1), total(el.so2), total(el.nox), "
                                  "total(el.pm), total(el.vocs) FROM orders o LEFT JOIN enterprise_levels el ON "
                                  "o.kind = 0 AND el.list_version = :lv AND el.plan_version = :pv AND el.level = :level "
                                  "AND el.enterprise_id = o.enterprise_id WHERE o.batch_id = :b");
    sums.bind(":lv", lv);
    sums.bind(":pv", plan_.version);
    sums.bind(":level", level);
    sums.bind(":b", batch);
    sums.executeStep();
    auto const orders = static_cast<std::int64_t>(sums.getColumn(0).getDouble());
    auto const terminations = static_cast<std::int64_t>(sums.getColumn(1).getDouble());
    Instant const ack_due = e.at + plan_.orders.ack_hours * engine::kHour;
    Instant const exec_due = e.at + plan_.orders.execution_hours * engine::kHour;
    SQLite::Statement u(tx.db, "UPDATE order_batches SET count = ?, terminations = ?, so2 = ?, nox = ?, pm = ?, "
                               "vocs = ?, ack_due_at = ?, execution_due_at = ? WHERE id = ?");
    u.bind(1, orders);
    u.bind(2, terminations);
    for (int i = 0; i < 4; ++i) u.bind(3 + i, sums.getColumn(2 + i).getDouble());
    if (orders + terminations > 0) u.bind(7, ack_due);
    if (orders > 0) u.bind(8, exec_due);
    u.bind(9, batch);
    u.exec();
    if (orders + terminations > 0) {
        add_timer("ack_due", batch_ref(batch), ack_due);
        add_timer("ack_escalation", batch_ref(batch), ack_due + plan_.orders.escalate_after_hours * engine::kHour);
    }
    if (orders > 0) add_timer("execution_due", batch_ref(batch), exec_due);
    std::string summary = e.to ? "向" + std::to_string(orders) + "家企业下达" + plan_.level_at(*e.to).name_cn +
                                     "减排指令（一厂一策）"
                               : std::string("预警解除");
    if (terminations > 0) summary += "，向" + std::to_string(terminations) + "家企业发出终止通知";
    timeline(tx, episode, batch_ref(batch), e.at, "orders", "system", summary,
             {{"batch_id", batch}, {"orders", orders}, {"terminations", terminations}, {"list_version", lv},
              {"ack_due_at", local(ack_due)}});
}

void Service::fire_batch_timer(Tx& tx, std::string const& kind, std::int64_t batch, Instant due) {
    SQLite::Statement q(tx.db, "SELECT b.episode_id, b.list_version, (SELECT max(id) FROM order_batches x WHERE "
                               "x.episode_id = b.episode_id) FROM order_batches b WHERE b.id = ?");
    q.bind(1, batch);
    if (!q.executeStep()) return;
    int const episode = q.getColumn(0).getInt();
    std::int64_t const lv = q.getColumn(1).getInt64();
    if (q.getColumn(2).getInt64() != batch) return;  // superseded: its deadlines no longer bind anyone
    if (kind == "ack_due") {
        SQLite::Statement u(tx.db, "UPDATE orders SET reminded_at = ? WHERE batch_id = ? AND status = 0");
        u.bind(1, due);
        u.bind(2, batch);
        int const n = u.exec();
        if (n > 0)
            timeline(tx, episode, batch_ref(batch), due, "ack_reminder", "system",
                     std::to_string(n) + "家企业未在" + std::to_string(plan_.orders.ack_hours) + "小时内确认指令，已提醒",
                     {{"batch_id", batch}, {"count", n}});
        return;
    }
    bool const ack = kind == "ack_escalation";
    if (ack) {
        SQLite::Statement u(tx.db, "UPDATE orders SET escalated_at = ? WHERE batch_id = ? AND status = 0");
        u.bind(1, due);
        u.bind(2, batch);
        u.exec();
    }
    SQLite::Statement esc(tx.db, std::string("INSERT INTO escalations(batch_id, district, kind, count, at) "
                                             "SELECT :b, e.district, :kind, count(*), :at FROM orders o JOIN enterprises e "
                                             "ON e.list_version = :lv AND e.id = o.enterprise_id WHERE o.batch_id = :b AND ") +
                                 (ack ? "o.status = 0" : "o.kind = 0 AND o.status < 2") + " GROUP BY e.district");
    esc.bind(":b", batch);
    esc.bind(":kind", ack ? "ack" : "execution");
    esc.bind(":at", due);
    esc.bind(":lv", lv);
    if (esc.exec() == 0) return;
    SQLite::Statement list(tx.db, "SELECT district, count FROM escalations WHERE batch_id = ? AND kind = ? ORDER BY district");
    list.bind(1, batch);
    list.bind(2, ack ? "ack" : "execution");
    json districts = json::object();
    std::int64_t total = 0;
    while (list.executeStep()) {
        districts[list.getColumn(0).getString()] = list.getColumn(1).getInt64();
        total += list.getColumn(1).getInt64();
    }
    timeline(tx, episode, batch_ref(batch), due, ack ? "ack_escalation" : "execution_overdue", "system",
             std::to_string(total) + (ack ? "家企业逾期未确认指令，已上报所在县（市、区）"
                                          : "家企业未在时限内报告执行情况，已上报所在县（市、区）"),
             {{"batch_id", batch}, {"count", total}, {"by_district", districts}});
}

}  // namespace hazeguard::service
