// Progress for officials: counts by status × district × industry × grade, overdue orders, and
// filtered listings with a cursor.
#include <SQLiteCpp/SQLiteCpp.h>

#include <map>

#include "engine/service/error.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
struct Tally {
    std::int64_t total = 0, sent = 0, acknowledged = 0, executed = 0, ack_overdue = 0, execution_overdue = 0,
                 acknowledged_late = 0;
    json to_json() const {
        return {{"total", total},         {"sent", sent},
                {"acknowledged", acknowledged}, {"executed", executed},
                {"ack_overdue", ack_overdue},   {"execution_overdue", execution_overdue},
                {"acknowledged_late", acknowledged_late}};
    }
};
}  // namespace

json Service::batch_view(std::int64_t batch) {
    SQLite::Statement q(conn(), "SELECT kind, level, previous_level, cause, issued_at, ack_due_at, execution_due_at, "
                              "count, terminations, so2, nox, pm, vocs, list_version FROM order_batches WHERE id = ?");
    q.bind(1, batch);
    if (!q.executeStep()) not_found("order batch " + std::to_string(batch));
    auto opt = [&](int i) { return q.getColumn(i).isNull() ? std::nullopt : std::optional<Instant>(q.getColumn(i).getInt64()); };
    return {{"id", batch},
            {"kind", q.getColumn(0).getString()},
            {"level", q.getColumn(1).isNull() ? json(nullptr) : json(q.getColumn(1).getString())},
            {"previous_level", q.getColumn(2).isNull() ? json(nullptr) : json(q.getColumn(2).getString())},
            {"cause", q.getColumn(3).getString()},
            {"issued_at", local(q.getColumn(4).getInt64())},
            {"ack_due_at", local_or_null(opt(5))},
            {"execution_due_at", local_or_null(opt(6))},
            {"orders", q.getColumn(7).getInt64()},
            {"terminations", q.getColumn(8).getInt64()},
            {"planned_reductions_t_per_day",
             {{"SO2", q.getColumn(9).getDouble()}, {"NOx", q.getColumn(10).getDouble()},
              {"PM", q.getColumn(11).getDouble()}, {"VOCs", q.getColumn(12).getDouble()}}},
            {"list_version", q.getColumn(13).getInt64()}};
}

json Service::episode_progress(std::int64_t episode) {
    auto lock = read_lock();
    if (conn().execAndGet("SELECT count(*) FROM episodes WHERE id = " + std::to_string(episode)).getInt() == 0)
        not_found("episode " + std::to_string(episode));
    json out{{"episode_id", episode}, {"now", local(now())}, {"batches", json::array()}, {"current_batch", nullptr}};
    std::vector<std::int64_t> batches;
    SQLite::Statement bq(conn(), "SELECT id FROM order_batches WHERE episode_id = ? ORDER BY id");
    bq.bind(1, episode);
    while (bq.executeStep()) batches.push_back(bq.getColumn(0).getInt64());
    for (auto b : batches) out["batches"].push_back(batch_view(b));
    if (batches.empty()) return out;
    std::int64_t const current = batches.back();
    auto const cb = out["batches"].back();
    out["current_batch"] = current;
    Instant const t = now();
    bool const ack_overdue = !cb.at("ack_due_at").is_null() && t > *engine::parse_rfc3339(cb.at("ack_due_at").get<std::string>());
    bool const exec_overdue =
        !cb.at("execution_due_at").is_null() && t > *engine::parse_rfc3339(cb.at("execution_due_at").get<std::string>());
    // Running counts (order_counts), folded into every dimension; overdue follows from the batch deadlines.
    SQLite::Statement q(conn(), "SELECT district, industry, grade, kind, total, acknowledged, executed, "
                                "acknowledged_late FROM order_counts WHERE batch_id = ?");
    q.bind(1, current);
    Tally all;
    std::map<std::string, Tally> by_district, by_industry, by_grade;
    while (q.executeStep()) {
        int const kind = q.getColumn(3).getInt();
        auto const total = q.getColumn(4).getInt64(), acked = q.getColumn(5).getInt64(),
                   executed = q.getColumn(6).getInt64(), late = q.getColumn(7).getInt64();
        for (Tally* tally : {&all, &by_district[q.getColumn(0).getString()], &by_industry[q.getColumn(1).getString()],
                             &by_grade[q.getColumn(2).getString()]}) {
            tally->total += total;
            tally->sent += total - acked;
            tally->acknowledged += acked - executed;
            tally->executed += executed;
            tally->acknowledged_late += late;
            if (ack_overdue) tally->ack_overdue += total - acked;
            if (exec_overdue && kind == 0) tally->execution_overdue += total - executed;
        }
    }
    auto fold = [](std::map<std::string, Tally> const& m) {
        json j = json::object();
        for (auto const& [k, v] : m) j[k] = v.to_json();
        return j;
    };
    out["counts"] = all.to_json();
    out["by_district"] = fold(by_district);
    out["by_industry"] = fold(by_industry);
    out["by_grade"] = fold(by_grade);
    out["escalations"] = json::array();
    SQLite::Statement esc(conn(), "SELECT district, kind, count, at FROM escalations WHERE batch_id = ? ORDER BY id");
    esc.bind(1, current);
    while (esc.executeStep())
        out["escalations"].push_back({{"district", esc.getColumn(0).getString()}, {"kind", esc.getColumn(1).getString()},
                                      {"count", esc.getColumn(2).getInt64()}, {"at", local(esc.getColumn(3).getInt64())}});
    if (!cb.at("level").is_null()) {
        auto const& r = cb.at("planned_reductions_t_per_day");
        out["reduction_plan"] = reduction_summary(cb.at("list_version").get<std::int64_t>(), cb.at("level").get<std::string>(),
                                                  cb.at("orders").get<std::int64_t>(),
                                                  {r.at("SO2").get<double>(), r.at("NOx").get<double>(),
                                                   r.at("PM").get<double>(), r.at("VOCs").get<double>()});
    }
    return out;
}

}  // namespace hazeguard::service
