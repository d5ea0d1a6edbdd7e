// Forecast performance: which forecast scores a day, lead days, errors and aggregates.
#include "tests/unit/report/report_test_support.hpp"

namespace hazeguard::engine::report::test {
namespace {

TEST_CASE("forecast used: the latest issued before the day ended then the highest id", "[report][forecast]") {
    auto in = empty_episode();
    in.daily = daily(2, {180, 190});
    in.forecasts = {forecast(1, at(1, 10), 2, {160, 170}), forecast(3, at(1, 16), 2, {175, 185}),
                    forecast(2, at(1, 16), 2, {150, 150}),  // same issue time, lower id: not used
                    forecast(4, day(3), 2, {100, 200})};    // issued as D2 ended: not for D2
    auto const f = build_report(taiyuan(), in).at("forecast_performance");
    auto const& days = f.at("days");
    CHECK(days[0].at("forecast_ref") == "forecast:3");
    CHECK(days[0].at("forecast") == 175);
    CHECK(days[0].at("error") == -5);
    CHECK(days[0].at("lead_days") == 1);
    CHECK(days[0].at("issued_at") == rfc(at(1, 16)));
    CHECK(days[1].at("forecast_ref") == "forecast:4");  // issued D3 00:00, D3 not over
    CHECK(days[1].at("lead_days") == 0);
    CHECK(days[1].at("error") == 10);
}

TEST_CASE("forecast value: the upper bound when the plan reads high values", "[report][forecast]") {
    auto plan = taiyuan();
    plan.forecast_value = "high";
    auto in = empty_episode();
    in.daily = daily(2, {190});
    in.forecasts = {forecast(1, at(1, 10), 2, {190})};  // range 175–205
    auto const f = build_report(plan, in).at("forecast_performance");
    CHECK(f.at("forecast_value") == "high");
    CHECK(f.at("days")[0].at("forecast") == 205);
    CHECK(f.at("days")[0].at("category_forecast_cn") == "重度");
    CHECK(f.at("days")[0].at("hit") == false);
    CHECK(f.at("days")[0].at("within_one") == true);
}

TEST_CASE("forecast categories: two categories apart is not within one", "[report][forecast]") {
    auto in = empty_episode();
    in.daily = daily(2, {201, 150});
    in.forecasts = {forecast(1, at(1, 10), 2, {150, 151})};
    auto const f = build_report(taiyuan(), in).at("forecast_performance");
    CHECK(f.at("days")[0].at("within_one") == false);  // 轻度 against 重度
    CHECK(f.at("days")[1].at("hit") == false);         // 中度 against 轻度
    CHECK(f.at("days")[1].at("within_one") == true);
    CHECK(f.at("hit_rate") == 0.0);
    CHECK(f.at("within_one_rate") == 0.5);
}

TEST_CASE("days without a forecast are listed but not scored", "[report][forecast]") {
    auto in = empty_episode();
    in.daily = daily(1, {120, 130});
    in.forecasts = {forecast(1, at(1, 10), 2, {140})};
    auto const f = build_report(taiyuan(), in).at("forecast_performance");
    CHECK(f.at("days")[0].at("forecast").is_null());
    CHECK(f.at("days")[0].at("hit").is_null());
    CHECK(f.at("days_scored") == 1);
    CHECK(f.at("bias") == 10.0);
    CHECK(f.at("by_lead").size() == 1);
}

}  // namespace
}  // namespace hazeguard::engine::report::test
