// Observations: categories, level in force per day, heavy days, peaks, missing dates, window.
#include "tests/unit/report/report_test_support.hpp"

namespace hazeguard::engine::report::test {
namespace {

TEST_CASE("categories: the first category whose max is at least the AQI", "[report][observations]") {
    auto in = empty_episode();
    in.daily = daily(1, {50, 51, 150, 151, 200, 201, 300, 301, 500});
    auto const report = build_report(taiyuan(), in);
    std::vector<std::string> names;
    for (auto const& d : report.at("observations").at("daily")) names.push_back(d.at("category_cn").get<std::string>());
    CHECK(names == std::vector<std::string>{"优", "良", "轻度", "中度", "中度", "重度", "重度", "严重", "严重"});
    // Heavy pollution is AQI > 200: 201, 300, 301 and 500.
    CHECK(report.at("observations").at("heavy_pollution_days") == 4);
    CHECK(report.at("observations").at("heavy_pollution_dates").front() == date(6));
}

TEST_CASE("level in force: the highest level overlapping the local day with half-open periods",
          "[report][observations]") {
    auto in = empty_episode();
    in.daily = daily(1, {120, 120, 120, 120});
    in.levels = {period("adverse", at(1, 18), day(2), "directive:1"), period("yellow", day(2), at(3, 6), "proposal:1"),
                 period("orange", at(3, 6), day(4), "proposal:2"),
                 period("yellow", day(4), std::nullopt, "proposal:3")};
    auto const report = build_report(taiyuan(), in);
    auto const& days = report.at("observations").at("daily");
    CHECK(days[0].at("level_in_force") == "adverse");  // a pre-stage is shown as it was
    CHECK(days[1].at("level_in_force") == "yellow");   // the adverse period ended at D2 00:00
    CHECK(days[2].at("level_in_force") == "orange");   // yellow until 06:00, orange after
    CHECK(days[3].at("level_in_force") == "yellow");   // an open period runs on
}

TEST_CASE("missing dates and peaks: gaps inside the observed span and the earliest maximum", "[report][observations]") {
    auto in = empty_episode();
    in.daily = daily(1, {180, 230});
    auto later = daily(5, {230});
    in.daily.push_back(later.front());
    in.hourly = {
        {at(1, 3), 160, 80.5, "PM2.5"}, {at(1, 4), 210, std::nullopt, "PM2.5"}, {at(1, 9), 210, 150.0, "PM10"}};
    auto const obs = build_report(taiyuan(), in).at("observations");
    CHECK(obs.at("missing_dates") == json::array({date(3), date(4)}));
    CHECK(obs.at("peak_daily") == json({{"date", date(2)}, {"aqi", 230}}));
    CHECK(obs.at("peak_hourly") == json({{"at", rfc(at(1, 4))}, {"aqi", 210}}));
    CHECK(obs.at("hourly")[0] ==
          json({{"at", rfc(at(1, 3))}, {"aqi", 160}, {"pm25", 80.5}, {"primary_pollutant", "PM2.5"}}));
    CHECK(obs.at("hourly")[1].at("pm25").is_null());
}

TEST_CASE("window: from the midnight before the first observation or opening to the latest end",
          "[report][observations]") {
    auto in = empty_episode();  // opened D1 10:00
    SECTION("nothing observed: the opening day") {
        CHECK(build_report(taiyuan(), in).at("episode").at("window") ==
              json({{"from", rfc(day(1))}, {"to", rfc(day(2))}}));
    }
    SECTION("observations before the opening and a closing after the last observed day") {
        in.daily = daily(0, {140, 160});
        in.closed_at = at(3, 7, 30);
        CHECK(build_report(taiyuan(), in).at("episode").at("window") ==
              json({{"from", rfc(day(0))}, {"to", rfc(at(3, 7, 30))}}));
    }
    SECTION("observations after the closing") {
        in.daily = daily(1, {140, 160, 170});
        in.closed_at = at(2, 12);
        CHECK(build_report(taiyuan(), in).at("episode").at("window").at("to") == rfc(day(4)));
    }
}

TEST_CASE("empty episode: every section present with empty lists and nulls", "[report][observations]") {
    auto const report = build_report(taiyuan(), empty_episode());
    CHECK(report.at("format") == "hazeguard-evaluation/1");
    CHECK(report.at("episode").at("closed_at").is_null());
    CHECK(report.at("episode").at("peak_level").is_null());
    CHECK(report.at("observations").at("daily").empty());
    CHECK(report.at("observations").at("peak_daily").is_null());
    CHECK(report.at("observations").at("heavy_pollution_days") == 0);
    CHECK(report.at("timeliness").at("onset").size() == 2);
    CHECK(report.at("timeliness").at("onset")[0].at("lead_hours").is_null());
    CHECK(report.at("timeliness").at("onset")[0].at("warned_first").is_null());
    CHECK(report.at("forecast_performance").at("days_scored") == 0);
    CHECK(report.at("forecast_performance").at("hit_rate").is_null());
    CHECK(report.at("level_appropriateness").at("days").empty());
    CHECK(report.at("orders").at("totals").at("orders") == 0);
    CHECK(report.at("orders").at("ack_latency_minutes") ==
          json({{"count", 0}, {"p50", nullptr}, {"p90", nullptr}, {"p99", nullptr}, {"max", nullptr}}));
    CHECK(report.at("orders").at("ack_curve").empty());
    CHECK(report.at("reductions").at("electricity").at("rows").empty());
    CHECK(report.at("findings").empty());
}

}  // namespace
}  // namespace hazeguard::engine::report::test
