#pragma once
/// @file report_test_support.hpp
/// @brief The Taiyuan plan, scenario days (D1 = Monday 2026-12-14, +08:00) and builders for
/// evaluation inputs, including the domain §14 episode built by hand.

#include <initializer_list>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "engine/report/evaluation_input.hpp"
#include "engine/report/evaluation_report.hpp"
#include "plans/plan_parser.hpp"

namespace hazeguard::engine::report::test {

using json = nlohmann::json;

constexpr int kOffset = 480;  // +08:00

inline plans::Plan const& taiyuan() {
    static plans::PlanParseResult const result = plans::parse_plan(plans::embedded_taiyuan_plan());
    REQUIRE(result.ok());
    return result.plan;
}

/// @brief Local midnight of scenario day Dn; D1 = 2026-12-14 00:00 +08:00.
inline Instant day(int n) { return Instant{1797177600} + static_cast<Instant>(n - 1) * kDay; }
/// @brief Dn hh:mm local time.
inline Instant at(int n, int hour, int minute = 0) { return day(n) + hour * kHour + minute * 60; }
/// @brief "2026-12-14" for D1.
inline std::string date(int n) { return format_local_date(day(n), kOffset); }
/// @brief RFC 3339 as the report writes it.
inline std::string rfc(Instant t) { return format_rfc3339(t, kOffset); }

/// @brief Daily observations on consecutive days from D`first`.
inline std::vector<DailyObservation> daily(int first, std::initializer_list<int> aqi) {
    std::vector<DailyObservation> out;
    int n = first;
    for (int value : aqi) {
        out.push_back({date(n), day(n), value, std::nullopt, "PM2.5"});
        ++n;
    }
    return out;
}

/// @brief A forecast issued at `issued` for consecutive days from D`first`, range central ± 15.
inline ForecastRecord forecast(std::int64_t id, Instant issued, int first, std::initializer_list<int> central) {
    ForecastRecord r{id, {issued, "joint", issued, {}}};
    int n = first;
    for (int value : central) {
        r.forecast.days.push_back({date(n), day(n), value - 15, value + 15, value, "PM2.5"});
        ++n;
    }
    return r;
}

/// @brief A period of `level` over [from, to) caused by `cause`.
inline LevelPeriod period(std::string level, Instant from, std::optional<Instant> to, std::string cause) {
    return {std::move(level), from, to, std::move(cause)};
}

/// @brief An order of batch `batch` to a plant, issued at `issued` with the plan's 1 h / 24 h limits.
inline OrderRecord order(std::int64_t id, std::int64_t batch, std::string level, Instant issued,
                         std::string credit_code = "91140121MA0TE00013", std::string name = "晋阳示例焦化有限公司",
                         std::string district = "清徐县", std::string industry = "焦化", std::string grade = "B") {
    OrderRecord o;
    o.order_id = id;
    o.batch_id = batch;
    o.level = std::move(level);
    o.issued_at = issued;
    o.ack_due_at = issued + kHour;
    o.execution_due_at = issued + 24 * kHour;
    o.credit_code = std::move(credit_code);
    o.name = std::move(name);
    o.district = std::move(district);
    o.industry = std::move(industry);
    o.grade = std::move(grade);
    return o;
}

/// @brief A batch with the plan's 1 h / 24 h limits.
inline OrderBatchRecord batch(std::int64_t id, std::string kind, std::string level, Instant issued, Instant effective,
                              Tonnes planned = {}) {
    OrderBatchRecord b;
    b.id = id;
    b.kind = std::move(kind);
    b.level = std::move(level);
    b.issued_at = issued;
    b.effective_from = effective;
    if (!b.level.empty()) {
        b.ack_due_at = issued + kHour;
        b.execution_due_at = issued + 24 * kHour;
    }
    b.planned_t_per_day = std::move(planned);
    return b;
}

/// @brief A proposal with its deadlines worked out from the plan's 2 h limits.
inline ProposalRecord proposal(std::int64_t id, std::string action, std::string level, Instant consulted,
                               Instant created, Instant signed_at, Instant distributed, Instant start) {
    ProposalRecord p;
    p.id = id;
    p.action = std::move(action);
    p.level = std::move(level);
    p.status = "approved";
    p.consulted_at = consulted;
    p.created_at = created;
    p.form_due_at = consulted + 2 * kHour;
    p.approval_due_at = created + 2 * kHour;
    p.signed_at = signed_at;
    p.distribution_due_at = signed_at + 2 * kHour;
    p.distributed_at = distributed;
    p.start_at = start;
    p.effective_at = start;
    return p;
}

/// @brief An episode opened at D1 10:00 with nothing else recorded.
inline EvaluationInput empty_episode() {
    EvaluationInput in;
    in.episode_id = 1;
    in.plan_version = "2024.1";
    in.rule_set = "national-2024";
    in.opened_at = at(1, 10);
    return in;
}

/// @brief Hourly observations from D1 00:00 to D7 23:00: 120 until D2 08:00, 170 until D3 05:00,
/// 230 until D5 00:00 (262 at D4 13:00), then 140. First hour > 150: D2 08:00; > 200: D3 05:00.
inline std::vector<HourlyObservation> scenario_hours() {
    std::vector<HourlyObservation> out;
    for (Instant t = day(1); t < day(8); t += kHour) {
        int aqi = t < at(2, 8) ? 120 : t < at(3, 5) ? 170 : t < day(5) ? 230 : 140;
        if (t == at(4, 13)) aqi = 262;
        out.push_back({t, aqi, std::nullopt, "PM2.5"});
    }
    return out;
}

/// @brief The domain §14 episode: consultations C1–C4, yellow D2–D3, orange D3–D5, yellow D5–D6,
/// observed D1 121 … D7 101, and four batches of orders to the §13 plants.
///
/// Orders (ack deadline 1 h after issue, execution report 24 h after issue):
///   batch 1 (yellow, D1 18:00): o1 ENT-01 ack 18:10 · o2 ENT-02 ack 19:30 (late, reminded 19:00)
///     · o3 ENT-03 never (reminded 19:00, escalated 20:00) · o4 ENT-04 ack 18:45
///     · o9 ENT-05 added to the list late: issued D2 14:30, replaced by batch 2 at 15:00 before
///       its 15:30 deadline (superseded).
///   batch 2 (orange, D2 15:00): o5 ENT-01 ack 15:05 · o6 ENT-02 ack 15:20 · o7 ENT-03 ack 16:30
///     (late, reminded) · o8 ENT-04 never (reminded 16:00, escalated 17:00) · o10 ENT-05 ack 15:10.
///   batch 3 (yellow, D4 13:30): o11 ENT-01 ack 13:40 · o12 ENT-02 ack 13:45.
///   batch 4 (lift, D5 14:00): termination notices t13 ENT-01, t14 ENT-02.
/// Every batch-1 order was replaced by batch 2 at D2 15:00, batch 2 by batch 3 at D4 13:30,
/// batch 3 by the lift at D5 14:00.
inline EvaluationInput scenario_episode() {
    EvaluationInput in = empty_episode();
    in.closed_at = day(6);
    in.peak_level = "orange";
    in.list_version = 1;
    in.timeline = {{1, at(1, 10), "forecast", "forecast:1", "duty", "C1"},
                   {2, at(1, 12), "proposal", "proposal:1", "duty", "发布黄色预警"},
                   {3, day(2), "transition", "proposal:1", "system", "黄色预警生效"}};
    in.forecasts = {forecast(1, at(1, 10), 1, {128, 162, 178, 146, 120, 95, 80}),
                    forecast(2, at(2, 10), 3, {212, 236, 188, 160, 118}),
                    forecast(3, at(4, 10), 5, {176, 158, 112, 85}), forecast(4, at(5, 10), 6, {138, 98, 76, 70})};
    in.proposals = {proposal(1, "issue", "yellow", at(1, 10), at(1, 12), at(1, 15, 30), at(1, 17, 30), day(2)),
                    proposal(2, "upgrade", "orange", at(2, 10), at(2, 11, 30), at(2, 13), at(2, 14, 30), day(3)),
                    proposal(3, "downgrade", "yellow", at(4, 10), at(4, 11), at(4, 12), at(4, 13), day(5)),
                    proposal(4, "lift", "", at(5, 10), at(5, 11), at(5, 12, 30), at(5, 14), day(6))};
    in.levels = {period("yellow", day(2), day(3), "proposal:1"), period("orange", day(3), day(5), "proposal:2"),
                 period("yellow", day(5), day(6), "proposal:3")};
    in.daily = daily(1, {121, 158, 207, 244, 171, 133, 101});
    in.hourly = scenario_hours();

    in.batches = {
        batch(1, "issue", "yellow", at(1, 18), day(2), {{"SO2", 0.8}, {"NOx", 2.0}, {"PM", 0.6}, {"VOCs", 0.4}}),
        batch(2, "upgrade", "orange", at(2, 15), day(3), {{"SO2", 1.4}, {"NOx", 3.8}, {"PM", 1.1}, {"VOCs", 0.6}}),
        batch(3, "downgrade", "yellow", at(4, 13, 30), day(5),
              {{"SO2", 0.6}, {"NOx", 1.8}, {"PM", 0.4}, {"VOCs", 0.3}}),
        batch(4, "lift", "", at(5, 14), day(6))};
    auto ent = [](std::int64_t id, std::int64_t b, std::string level, Instant issued, int plant) {
        static char const* const codes[] = {"91140121MA0TE00013", "91140121MA0TE00026", "91140122MA0TE0003P",
                                            "91140181MA0TE00049", "91140110MA0TE0005H"};
        static char const* const names[] = {"晋阳示例焦化有限公司", "并州示例钢铁有限公司", "太原示例水泥有限公司",
                                            "汾河示例石灰有限公司", "西山示例新型建材(砖瓦)有限公司"};
        static char const* const districts[] = {"清徐县", "清徐县", "阳曲县", "古交市", "晋源区"};
        static char const* const industries[] = {"焦化", "钢铁", "水泥", "石灰窑", "砖瓦窑"};
        static char const* const grades[] = {"B", "B", "B", "C", "C"};
        auto const i = static_cast<std::size_t>(plant - 1);
        return order(id, b, std::move(level), issued, codes[i], names[i], districts[i], industries[i], grades[i]);
    };
    auto o1 = ent(1, 1, "yellow", at(1, 18), 1);
    o1.ack_at = at(1, 18, 10);
    o1.executed_at = at(2, 10);
    auto o2 = ent(2, 1, "yellow", at(1, 18), 2);
    o2.ack_at = at(1, 19, 30);
    o2.reminded_at = at(1, 19);
    o2.executed_at = at(2, 12);
    auto o3 = ent(3, 1, "yellow", at(1, 18), 3);
    o3.reminded_at = at(1, 19);
    o3.escalated_at = at(1, 20);
    auto o4 = ent(4, 1, "yellow", at(1, 18), 4);
    o4.ack_at = at(1, 18, 45);
    auto o9 = ent(9, 1, "yellow", at(2, 14, 30), 5);
    for (auto* o : {&o1, &o2, &o3, &o4, &o9}) o->superseded_at = at(2, 15);

    auto o5 = ent(5, 2, "orange", at(2, 15), 1);
    o5.ack_at = at(2, 15, 5);
    o5.executed_at = at(3, 9);
    o5.planned_t_per_day = {{"SO2", 0.137}, {"NOx", 0.601}, {"PM", 0.103}, {"VOCs", 0.301}};
    o5.baseline_t_per_day = {{"SO2", 0.291}, {"NOx", 1.273}, {"PM", 0.218}, {"VOCs", 0.636}};
    o5.baseline_kwh_per_day = 10000;
    o5.reported_kwh_per_day = 9000;  // 10 % less against a planned 47 %: short
    auto o6 = ent(6, 2, "orange", at(2, 15), 2);
    o6.ack_at = at(2, 15, 20);
    o6.executed_at = at(3, 16);
    o6.planned_t_per_day = {{"SO2", 1.103}, {"NOx", 2.750}, {"PM", 0.739}, {"VOCs", 0.158}};
    o6.baseline_t_per_day = {{"SO2", 1.576}, {"NOx", 5.000}, {"PM", 1.848}, {"VOCs", 0.788}};
    o6.baseline_kwh_per_day = 50000;
    o6.reported_kwh_per_day = 20000;  // 60 % less against a planned 70 %: within the 10 % tolerance
    auto o7 = ent(7, 2, "orange", at(2, 15), 3);
    o7.ack_at = at(2, 16, 30);
    o7.reminded_at = at(2, 16);
    auto o8 = ent(8, 2, "orange", at(2, 15), 4);
    o8.reminded_at = at(2, 16);
    o8.escalated_at = at(2, 17);
    auto o10 = ent(10, 2, "orange", at(2, 15), 5);
    o10.ack_at = at(2, 15, 10);
    o10.executed_at = at(3, 10);
    for (auto* o : {&o5, &o6, &o7, &o8, &o10}) o->superseded_at = at(4, 13, 30);

    auto o11 = ent(11, 3, "yellow", at(4, 13, 30), 1);
    o11.ack_at = at(4, 13, 40);
    o11.executed_at = at(5, 9);
    auto o12 = ent(12, 3, "yellow", at(4, 13, 30), 2);
    o12.ack_at = at(4, 13, 45);
    o12.executed_at = at(5, 10);
    for (auto* o : {&o11, &o12}) o->superseded_at = at(5, 14);

    auto t13 = ent(13, 4, "", at(5, 14), 1);
    auto t14 = ent(14, 4, "", at(5, 14), 2);
    for (auto* t : {&t13, &t14}) {
        t->termination = true;
        t->ack_due_at.reset();
        t->execution_due_at.reset();
    }
    // Stored out of order on purpose: the report sorts.
    in.orders = {t14, o12, o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11, t13};
    return in;
}

}  // namespace hazeguard::engine::report::test
