// The domain §14 episode, built by hand, through build_report and render_csv.
#include <algorithm>
#include <random>

#include "tests/unit/report/report_test_support.hpp"

namespace hazeguard::engine::report::test {
namespace {

json const& scenario_report() {
    static json const report = build_report(taiyuan(), scenario_episode());
    return report;
}

std::vector<std::string> strings(json const& array, char const* member) {
    std::vector<std::string> out;
    for (auto const& item : array) out.push_back(item.at(member).is_null() ? "-" : item.at(member).get<std::string>());
    return out;
}

TEST_CASE("§14 episode: observations with categories levels heavy days and peaks", "[report][scenario]") {
    auto const& obs = scenario_report().at("observations");
    CHECK(strings(obs.at("daily"), "category_cn") ==
          std::vector<std::string>{"轻度", "中度", "重度", "重度", "中度", "轻度", "轻度"});
    // Yellow D2 00:00–D3 00:00, orange D3–D5, yellow D5–D6: the periods ending at midnight do
    // not reach into D3, D5 or D6.
    CHECK(strings(obs.at("daily"), "level_in_force") ==
          std::vector<std::string>{"-", "yellow", "orange", "orange", "yellow", "-", "-"});
    CHECK(obs.at("heavy_pollution_days") == 2);
    CHECK(obs.at("heavy_pollution_dates") == json::array({date(3), date(4)}));
    CHECK(obs.at("peak_daily") == json({{"date", date(4)}, {"aqi", 244}}));
    CHECK(obs.at("peak_hourly") == json({{"at", rfc(at(4, 13))}, {"aqi", 262}}));
    CHECK(obs.at("missing_dates").empty());
    CHECK(obs.at("hourly").size() == 7 * 24);

    auto const& episode = scenario_report().at("episode");
    CHECK(episode.at("window") == json({{"from", "2026-12-14T00:00:00+08:00"}, {"to", "2026-12-21T00:00:00+08:00"}}));
    CHECK(episode.at("peak_level_cn") == "橙色预警（Ⅱ级响应）");
    CHECK(episode.at("rule_set") == "national-2024");
}

TEST_CASE("§14 episode: approval steps and onset leads of 8 h and 5 h", "[report][scenario]") {
    auto const& t = scenario_report().at("timeliness");
    auto const& issue = t.at("proposals").at(0);
    CHECK(issue.at("form") == json({{"at", rfc(at(1, 12))},
                                    {"due_at", rfc(at(1, 12))},
                                    {"hours", 2.0},
                                    {"limit_hours", 2},
                                    {"on_time", true}}));
    // Signed 15:30 against 14:00 (2 h after the 12:00 form).
    CHECK(issue.at("signature").at("hours") == 3.5);
    CHECK(issue.at("signature").at("on_time") == false);
    CHECK(issue.at("distribution").at("on_time") == true);
    CHECK(t.at("proposals").at(3).at("level").is_null());

    auto const& onset = t.at("onset");
    REQUIRE(onset.size() == 2);
    CHECK(onset[0] == json({{"aqi_above", 150},
                            {"level", "yellow"},
                            {"first_hour_above", rfc(at(2, 8))},
                            {"level_start", rfc(day(2))},
                            {"lead_hours", 8.0},
                            {"warned_first", true}}));
    CHECK(onset[1].at("first_hour_above") == rfc(at(3, 5)));
    CHECK(onset[1].at("level_start") == rfc(day(3)));
    CHECK(onset[1].at("lead_hours") == 5.0);
    CHECK(onset[1].at("warned_first") == true);
}

TEST_CASE("§14 episode: forecasts hit 6 of 7 days with D3 +5 and D4 -8", "[report][scenario]") {
    auto const& f = scenario_report().at("forecast_performance");
    auto const& days = f.at("days");
    REQUIRE(days.size() == 7);
    // D3 and D4 are scored on C2 (issued D2 10:00): C3 does not cover D4.
    CHECK(days[2].at("forecast") == 212);
    CHECK(days[2].at("error") == 5);
    CHECK(days[2].at("forecast_ref") == "forecast:2");
    CHECK(days[2].at("lead_days") == 1);
    CHECK(days[3].at("error") == -8);
    CHECK(days[3].at("lead_days") == 2);
    // D1 is scored on C1 issued the same morning (lead 0); D7 on C4: 98 (良) against 101 (轻度).
    CHECK(days[0].at("lead_days") == 0);
    CHECK(days[6].at("forecast_ref") == "forecast:4");
    CHECK(days[6].at("hit") == false);
    CHECK(days[6].at("within_one") == true);
    CHECK(f.at("days_scored") == 7);
    CHECK(f.at("hits") == 6);
    CHECK(f.at("hit_rate") == 0.857);
    CHECK(f.at("bias") == 2.143);  // (7 + 4 + 5 − 8 + 5 + 5 − 3) / 7
    CHECK(f.at("mae") == 5.286);   // 37 / 7
    CHECK(f.at("by_lead") == json::parse(R"([
      {"lead_days": 0, "count": 1, "hits": 1, "hit_rate": 1.0, "within_one": 1, "within_one_rate": 1.0, "bias": 7.0, "mae": 7.0},
      {"lead_days": 1, "count": 4, "hits": 4, "hit_rate": 1.0, "within_one": 4, "within_one_rate": 1.0, "bias": 4.75, "mae": 4.75},
      {"lead_days": 2, "count": 2, "hits": 1, "hit_rate": 0.5, "within_one": 2, "within_one_rate": 1.0, "bias": -5.5, "mae": 5.5}])"));
}

TEST_CASE("§14 episode: D2 and D5 were under-warned under the 2024 rules", "[report][scenario]") {
    // Observed 121 158 207 244 171 133 101. D3–D4 (> 200 for 2 days) and D2–D5 (> 150 for 4
    // days) both meet orange; red needs 3 days > 200. D1, D6 and D7 lie in the > 100 run of 7
    // days, which meets only the pre-stage (adverse) rule, and a pre-stage counts as no warning.
    // In force: none, yellow, orange, orange, yellow, none, none — so D2 and D5 (yellow against
    // a justified orange) are under-warned, every other day is ok.
    auto const& l = scenario_report().at("level_appropriateness");
    CHECK(strings(l.at("days"), "justified") ==
          std::vector<std::string>{"adverse", "orange", "orange", "orange", "orange", "adverse", "adverse"});
    CHECK(strings(l.at("days"), "verdict") == std::vector<std::string>{"ok", "under", "ok", "ok", "under", "ok", "ok"});
    CHECK(l.at("under_warned_days") == 2);
    CHECK(l.at("over_warned_days") == 0);
    REQUIRE(l.at("runs").size() == 2);
    CHECK(l.at("runs")[1] == json({{"verdict", "under"},
                                   {"justified", "orange"},
                                   {"in_force", "yellow"},
                                   {"from", date(5)},
                                   {"to", date(5)},
                                   {"days", 1},
                                   {"first_day", 4}}));
}

TEST_CASE("§14 episode: acknowledgement counts latency and curve", "[report][scenario]") {
    auto const& o = scenario_report().at("orders");
    CHECK(o.at("totals") == json({{"orders", 12},
                                  {"terminations", 2},
                                  {"acknowledged_on_time", 7},
                                  {"acknowledged_late", 2},
                                  {"never_acknowledged", 2},
                                  {"superseded_unacknowledged", 1},
                                  {"executed_on_time", 6},
                                  {"executed_late", 1},
                                  {"execution_missing", 2},
                                  {"execution_superseded", 3},
                                  {"reminded", 4},
                                  {"escalated", 2}}));
    auto const& first = o.at("batches").at(0);
    CHECK(first.at("ref") == "batch:1");
    CHECK(first.at("orders") == 5);
    CHECK(first.at("superseded_unacknowledged") == 1);
    CHECK(first.at("never_acknowledged") == 1);
    CHECK(o.at("batches").at(3).at("terminations") == 2);
    // Latencies (minutes): 5 10 10 10 15 20 45 90 90.
    CHECK(o.at("ack_latency_minutes") == json({{"count", 9}, {"p50", 15}, {"p90", 90}, {"p99", 90}, {"max", 90}}));
    CHECK(strings(o.at("never_acknowledged"), "credit_code") ==
          std::vector<std::string>{"91140122MA0TE0003P", "91140181MA0TE00049"});
    CHECK(strings(o.at("by_district"), "key") == std::vector<std::string>{"古交市", "晋源区", "清徐县", "阳曲县"});
    CHECK(o.at("by_district")[2].at("orders") == 6);
    REQUIRE(o.at("ack_curve").size() == 3);  // the lift batch has no orders to acknowledge
    CHECK(o.at("ack_curve")[0].at("points") == json::parse(R"([
      {"minutes": 0, "acknowledged": 0, "share": 0.0}, {"minutes": 10, "acknowledged": 1, "share": 0.2},
      {"minutes": 45, "acknowledged": 2, "share": 0.4}, {"minutes": 90, "acknowledged": 3, "share": 0.6}])"));
}

TEST_CASE("§14 episode: reductions electricity and findings", "[report][scenario]") {
    auto const& r = scenario_report().at("reductions");
    auto const& yellow = r.at("by_batch").at(0);
    CHECK(yellow.at("target_share").at("SO2") == 0.1);
    CHECK(yellow.at("required_t_per_day") == json({{"SO2", 6.0}, {"NOx", 22.0}, {"PM", 12.0}, {"VOCs", 15.0}}));
    CHECK(yellow.at("planned_share").at("NOx") == 0.009);  // 2.0 / 220
    CHECK(yellow.at("meets_target").at("SO2") == false);
    CHECK(r.at("by_batch").size() == 3);  // the lift batch has no level
    CHECK(r.at("electricity").at("orders_reporting") == 2);
    CHECK(r.at("electricity").at("short") == 1);
    CHECK(r.at("electricity").at("rows")[0].at("planned_share") == 0.473);

    std::vector<std::string> codes;
    for (auto const& f : scenario_report().at("findings")) codes.push_back(f.at("code").get<std::string>());
    CHECK(std::count(codes.begin(), codes.end(), "reduction_below_target") == 12);
    codes.erase(std::remove(codes.begin(), codes.end(), "reduction_below_target"), codes.end());
    CHECK(codes == std::vector<std::string>{"signature_late", "under_warned", "under_warned", "forecast_category_miss",
                                            "never_acknowledged", "acknowledged_late", "execution_missing",
                                            "executed_late", "escalated", "electricity_short"});
    auto const& signature = scenario_report().at("findings")[0];
    CHECK(signature.at("severity") == "medium");
    CHECK(signature.at("evidence") == json::array({"/timeliness/proposals/0/signature"}));
    CHECK(signature.at("text_cn") ==
          "第1号审批单（发布黄色预警（Ⅲ级响应））：12月14日15时30分签发，超过时限12月14日14时"
          "（审批表完成后2小时内），超时1.5小时。");
    for (auto const& f : scenario_report().at("findings"))
        for (auto const& pointer : f.at("evidence"))
            CHECK(scenario_report().contains(json::json_pointer(pointer.get<std::string>())));
}

TEST_CASE("§14 episode: the CSV has a BOM a Chinese header and one row per notice", "[report][scenario][csv]") {
    auto const csv = render_csv(taiyuan(), scenario_episode());
    REQUIRE(csv.starts_with("\xEF\xBB\xBF"));
    auto const header_end = csv.find("\r\n");
    CHECK(csv.substr(3, header_end - 3) ==
          "指令编号[order_id],批次[batch],类型[kind],级别[level],统一社会信用代码[credit_code],企业名称[name],"
          "区县[district],行业[industry],绩效等级[grade],下达时间[issued_at],签收时限[ack_due_at],签收时间[ack_at],"
          "签收情况[ack_status],签收用时（分钟）[ack_minutes],执行报送时限[execution_due_at],"
          "执行报送时间[executed_at],执行情况[execution_status],提醒时间[reminded_at],督办时间[escalated_at],"
          "计划减排SO2（吨/日）[planned_so2_t_per_day],计划减排NOx（吨/日）[planned_nox_t_per_day],"
          "计划减排颗粒物（吨/日）[planned_pm_t_per_day],计划减排VOCs（吨/日）[planned_vocs_t_per_day],"
          "基准日用电量（千瓦时）[baseline_kwh_per_day],报送日用电量（千瓦时）[reported_kwh_per_day]");
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 15);  // header + 14 notices
    CHECK(csv.find("\r\n2,batch:1,order,yellow,91140121MA0TE00026,并州示例钢铁有限公司,清徐县,钢铁,B,"
                   "2026-12-14 18:00:00,2026-12-14 19:00:00,2026-12-14 19:30:00,late,90,2026-12-15 18:00:00,"
                   "2026-12-15 12:00:00,on_time,2026-12-14 19:00:00,,,,,,,\r\n") != std::string::npos);
    CHECK(csv.find("\r\n5,batch:2,order,orange,91140121MA0TE00013,晋阳示例焦化有限公司,清徐县,焦化,B,"
                   "2026-12-15 15:00:00,2026-12-15 16:00:00,2026-12-15 15:05:00,on_time,5,2026-12-16 15:00:00,"
                   "2026-12-16 09:00:00,on_time,,,0.137,0.601,0.103,0.301,10000,9000\r\n") != std::string::npos);
    CHECK(csv.find("\r\n13,batch:4,termination,,91140121MA0TE00013,晋阳示例焦化有限公司,清徐县,焦化,B,"
                   "2026-12-18 14:00:00,,,—,,,,—,,,,,,,,\r\n") != std::string::npos);
    CHECK(csv.ends_with("\r\n"));
}

TEST_CASE("§14 episode: building twice or from shuffled input gives identical bytes", "[report][scenario]") {
    auto const first = build_report(taiyuan(), scenario_episode()).dump();
    auto shuffled = scenario_episode();
    std::mt19937 random(7);
    std::shuffle(shuffled.orders.begin(), shuffled.orders.end(), random);
    std::shuffle(shuffled.daily.begin(), shuffled.daily.end(), random);
    std::shuffle(shuffled.hourly.begin(), shuffled.hourly.end(), random);
    std::shuffle(shuffled.levels.begin(), shuffled.levels.end(), random);
    std::shuffle(shuffled.batches.begin(), shuffled.batches.end(), random);
    std::shuffle(shuffled.proposals.begin(), shuffled.proposals.end(), random);
    std::shuffle(shuffled.forecasts.begin(), shuffled.forecasts.end(), random);
    CHECK(build_report(taiyuan(), scenario_episode()).dump() == first);
    CHECK(build_report(taiyuan(), shuffled).dump() == first);
    CHECK(render_csv(taiyuan(), shuffled) == render_csv(taiyuan(), scenario_episode()));
}

}  // namespace
}  // namespace hazeguard::engine::report::test
