// Level appropriateness: the level the observed series justified against the level in force.
#include "engine/forecast/assessment.hpp"
#include "tests/unit/report/report_test_support.hpp"

namespace hazeguard::engine::report::test {
namespace {

std::vector<std::string> column(json const& report, char const* member) {
    std::vector<std::string> out;
    for (auto const& d : report.at("level_appropriateness").at("days"))
        out.push_back(d.at(member).is_null() ? "-" : d.at(member).get<std::string>());
    return out;
}

TEST_CASE("red: three days above 200 with one above 300 in the same stretch", "[report][levels]") {
    auto in = empty_episode();
    // 2024 red: > 200 for ≥ 3 days and > 300 for ≥ 1 day. D2–D5 is one stretch above 200 holding
    // a day above 300, so all four days are red. D6 (180) and D7 (160) meet orange (> 150 for
    // 3 days: D2–D7 is a 6-day run); D1 (120) lies in the > 100 run: the pre-stage only.
    in.daily = daily(1, {120, 210, 250, 320, 230, 180, 160});
    auto const report = build_report(taiyuan(), in);
    CHECK(column(report, "justified") ==
          std::vector<std::string>{"adverse", "red", "red", "red", "red", "orange", "orange"});
}

TEST_CASE("red: a day above 300 outside the stretch above 200 does not count", "[report][levels]") {
    auto in = empty_episode();
    // D1–D3 > 200 for 3 days, then 190 breaks the stretch; D5 > 300 stands alone.
    in.daily = daily(1, {210, 220, 230, 190, 310});
    auto const report = build_report(taiyuan(), in);
    // Each day lies in > 150 for 5 days (orange) or > 200 for ≥ 2 days (orange); none is red.
    CHECK(column(report, "justified") == std::vector<std::string>{"orange", "orange", "orange", "orange", "orange"});
}

TEST_CASE("runs: a missing day breaks a run", "[report][levels]") {
    auto in = empty_episode();
    in.daily = daily(1, {210});
    in.daily.push_back(daily(3, {210}).front());  // D2 not observed
    auto const report = build_report(taiyuan(), in);
    // Two separate days > 200: yellow each, never orange (> 200 for 2 consecutive days).
    CHECK(column(report, "justified") == std::vector<std::string>{"yellow", "yellow"});
}

TEST_CASE("verdicts: under over and ok with the pre-stage counting as no warning", "[report][levels]") {
    auto in = empty_episode();
    in.daily = daily(1, {120, 160, 160, 90, 210});
    in.levels = {period("adverse", day(1), day(2), "directive:1"), period("orange", day(2), day(4), "proposal:1"),
                 period("orange", day(4), day(5), "proposal:2"), period("adverse", day(5), day(6), "proposal:3")};
    auto const report = build_report(taiyuan(), in);
    // D1 adverse/adverse ok; D2–D3 yellow (> 150 for 2 days) under orange: over; D4 (90) nothing
    // justified under orange: over; D5 yellow (> 200) under the pre-stage: under.
    CHECK(column(report, "justified") == std::vector<std::string>{"adverse", "yellow", "yellow", "-", "yellow"});
    CHECK(column(report, "in_force") == std::vector<std::string>{"adverse", "orange", "orange", "orange", "adverse"});
    CHECK(column(report, "verdict") == std::vector<std::string>{"ok", "over", "over", "over", "under"});
    auto const& l = report.at("level_appropriateness");
    CHECK(l.at("over_warned_days") == 3);
    CHECK(l.at("under_warned_days") == 1);
    // D2–D3 and D4 differ in the justified level: two runs of over-warning.
    REQUIRE(l.at("runs").size() == 3);
    CHECK(l.at("runs")[0].at("days") == 2);
    CHECK(l.at("runs")[0].at("to") == date(3));
    std::vector<std::string> severities;
    for (auto const& f : report.at("findings"))
        severities.push_back(f.at("code").get<std::string>() + "/" + f.at("severity").get<std::string>());
    CHECK(severities == std::vector<std::string>{"over_warned/medium", "over_warned/medium", "under_warned/high"});
}

TEST_CASE("rule set: the episode's rule set else the plan's default", "[report][levels]") {
    auto in = empty_episode();
    in.daily = daily(1, {210, 220});
    in.rule_set = "taiyuan-2019";  // yellow: > 200 for 2 days
    CHECK(column(build_report(taiyuan(), in), "justified") == std::vector<std::string>{"yellow", "yellow"});
    in.rule_set = "no-such-rules";  // falls back to national-2024: > 200 for 2 days is orange
    auto const report = build_report(taiyuan(), in);
    CHECK(report.at("level_appropriateness").at("rule_set") == "national-2024");
    CHECK(column(report, "justified") == std::vector<std::string>{"orange", "orange"});
}

TEST_CASE("Red rule: the forecast assessment and the report read 210/220/230/190/310 alike (orange, not red)",
          "[report][levels][rules]") {
    // One implementation (engine/forecast/criterion.hpp): the day above 300 must belong to the
    // run above 200, in the forecast as in the observed series.
    std::vector<int> const series{210, 220, 230, 190, 310};
    Forecast f{day(1) - 14 * kHour, "joint", std::nullopt, {}};
    for (std::size_t i = 0; i < series.size(); ++i)
        f.days.push_back({date(static_cast<int>(i) + 1), day(static_cast<int>(i) + 1), series[i] - 15, series[i] + 15,
                          series[i], "PM2.5"});
    auto const a = assess(taiyuan(), *taiyuan().rule_set("national-2024"), f);
    REQUIRE(a.recommendation.has_value());
    CHECK(a.recommendation->level_id == "orange");

    auto in = empty_episode();
    in.daily = daily(1, {210, 220, 230, 190, 310});
    in.levels = {period("orange", day(1), day(6), "proposal:1")};
    auto const report = build_report(taiyuan(), in);
    CHECK(report.at("level_appropriateness").at("over_warned_days") == 0);
    CHECK(column(report, "justified") == std::vector<std::string>{"orange", "orange", "orange", "orange", "orange"});

    // With the 310 inside the run both call it red.
    f.days[3].aqi_central = 205;
    CHECK(assess(taiyuan(), *taiyuan().rule_set("national-2024"), f).recommendation->level_id == "red");
    in.daily = daily(1, {210, 220, 230, 205, 310});
    CHECK(column(build_report(taiyuan(), in), "justified") == std::vector<std::string>{"red", "red", "red", "red", "red"});
}

}  // namespace
}  // namespace hazeguard::engine::report::test
