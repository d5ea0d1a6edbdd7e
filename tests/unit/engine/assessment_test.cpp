// Unit tests for engine/forecast/assessment.{hpp,cpp} against the real Taiyuan plan (plans/taiyuan.json):
// threshold edges for both rule sets, evaluation order, forecast value, the domain §14 scenario,
// fluctuation, the 36 h lift rule and the pollutant path.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/forecast/assessment.hpp"
#include "plans/plan_parser.hpp"

namespace hazeguard::engine {
namespace {

constexpr int kCst = 480;

plans::Plan const& taiyuan() {
    static plans::PlanParseResult const result = plans::parse_plan(plans::embedded_taiyuan_plan());
    REQUIRE(result.ok());
    return result.plan;
}

plans::RuleSet const& rules(std::string const& id) {
    auto const* rs = taiyuan().rule_set(id);
    REQUIRE(rs != nullptr);
    return *rs;
}

Instant midnight(std::string const& date) {
    auto const t = parse_local_date(date, kCst);
    REQUIRE(t.has_value());
    return *t;
}

// A forecast of consecutive days from `first` (D1 = 2026-12-14): central values as given, range ±15,
// one primary pollutant per day (the last entry of `pollutants` repeats).
Forecast forecast(std::string const& first, std::vector<int> const& central,
                  std::vector<std::string> const& pollutants = {"PM2.5"}) {
    Forecast f;
    f.issued_at = midnight(first) - 14 * kHour;
    f.issuer = "joint";
    for (std::size_t i = 0; i < central.size(); ++i) {
        ForecastDay d;
        d.day_start = midnight(first) + static_cast<Instant>(i) * kDay;
        d.date = format_local_date(d.day_start, kCst);
        d.aqi_central = central[i];
        d.aqi_low = central[i] - 15;
        d.aqi_high = central[i] + 15;
        d.primary_pollutant = pollutants[std::min(i, pollutants.size() - 1)];
        f.days.push_back(d);
    }
    return f;
}

std::string level_of(Assessment const& a) { return a.recommendation ? a.recommendation->level_id : "none"; }

bool contains(std::string const& text, std::string const& fragment) { return text.find(fragment) != std::string::npos; }

TEST_CASE("each level is met just above its bounds and missed at the bound, under both rule sets",
          "[engine][assessment]") {
    using V = std::vector<int>;
    // rule set, daily central AQI from D1, expected level ("none" = no rule), expected any_of group
    auto const [rule_set, values, level, group] = GENERATE(table<std::string, V, std::string, int>({
        // national-2024 yellow: one day > 200, or >= 2 days > 150
        {"national-2024", V{120, 201, 120}, "yellow", 0},
        {"national-2024", V{120, 200, 120}, "adverse", 0},  // 200 > 150 for one day: only the pre-stage
        {"national-2024", V{151, 151, 90}, "yellow", 1},
        {"national-2024", V{151, 150, 90}, "adverse", 0},
        {"national-2024", V{151, 90, 151}, "adverse", 0},   // not consecutive
        {"national-2024", V{150, 100, 90}, "none", 0},
        {"national-2024", V{101, 101, 90}, "adverse", 1},
        // national-2024 orange: >= 2 days > 200, or >= 3 days > 150
        {"national-2024", V{201, 201, 90}, "orange", 0},
        {"national-2024", V{201, 200, 90}, "yellow", 0},
        {"national-2024", V{151, 151, 151}, "orange", 1},
        {"national-2024", V{151, 151, 150}, "yellow", 1},
        // national-2024 red: >= 3 days > 200 and >= 1 day > 300
        {"national-2024", V{201, 201, 301}, "red", 0},
        {"national-2024", V{201, 201, 300}, "orange", 0},
        {"national-2024", V{301, 301, 200}, "orange", 0},
        // taiyuan-2019 yellow: >= 2 days > 200 (no single-day or > 150 rule)
        {"taiyuan-2019", V{201, 201, 90}, "yellow", 0},
        {"taiyuan-2019", V{201, 200, 90}, "none", 0},
        {"taiyuan-2019", V{300, 190, 190}, "none", 0},
        // taiyuan-2019 orange: >= 3 days > 200
        {"taiyuan-2019", V{201, 201, 201}, "orange", 0},
        {"taiyuan-2019", V{201, 201, 200}, "yellow", 0},
        // taiyuan-2019 red: >= 4 days > 200 and >= 2 days > 300, or a day reaching 500
        {"taiyuan-2019", V{201, 301, 301, 201}, "red", 0},
        {"taiyuan-2019", V{201, 301, 300, 201}, "orange", 0},
        {"taiyuan-2019", V{201, 301, 301, 200}, "orange", 0},
        {"taiyuan-2019", V{90, 500, 90}, "red", 1},
        {"taiyuan-2019", V{90, 499, 90}, "none", 0},
    }));
    CAPTURE(rule_set, values);
    auto const a = assess(taiyuan(), rules(rule_set), forecast("2026-12-14", values));
    CHECK(a.rule_set_id == rule_set);
    CHECK(level_of(a) == level);
    if (a.recommendation) {
        CHECK(a.recommendation->group_index == group);
        CHECK(a.recommendation->level_rank == taiyuan().rank(level).value_or(-1));
    }
}

TEST_CASE("the highest level that holds wins: red is evaluated before orange before yellow", "[engine][assessment]") {
    // 201, 220, 310 meets every 2024 level; the recommendation is red with both of its conditions.
    auto const a = assess(taiyuan(), rules("national-2024"), forecast("2026-12-14", {201, 220, 310, 90}));
    REQUIRE(a.recommendation.has_value());
    CHECK(a.recommendation->level_id == "red");
    CHECK(a.recommendation->level_rank == 3);
    REQUIRE(a.recommendation->matched.size() == 2);
    CHECK(a.recommendation->matched[0].condition.aqi_above == 200);
    CHECK(a.recommendation->matched[0].dates == std::vector<std::string>{"2026-12-14", "2026-12-15", "2026-12-16"});
    CHECK(a.recommendation->matched[1].condition.aqi_above == 300);
    CHECK(a.recommendation->matched[1].dates == std::vector<std::string>{"2026-12-16"});
    CHECK_FALSE(contains(a.explanation_cn, "更高级别条件未满足"));
}

TEST_CASE("the matched dates are the first run long enough, skipping shorter runs", "[engine][assessment]") {
    auto const a = assess(taiyuan(), rules("national-2024"), forecast("2026-12-14", {160, 90, 170, 180, 120}));
    REQUIRE(a.recommendation.has_value());
    CHECK(a.recommendation->level_id == "yellow");
    REQUIRE(a.recommendation->matched.size() == 1);
    CHECK(a.recommendation->matched[0].dates == std::vector<std::string>{"2026-12-16", "2026-12-17"});
}

TEST_CASE("rule_values reads the central value or the upper bound as the plan says", "[engine][assessment]") {
    auto f = forecast("2026-12-14", {190, 140});
    f.days[0].aqi_high = 210;
    f.days[1].aqi_high = 160;
    plans::Plan high = taiyuan();
    high.forecast_value = "high";

    CHECK(rule_values(taiyuan(), f) == std::vector<int>{190, 140});
    CHECK(rule_values(high, f) == std::vector<int>{210, 160});

    auto const central = assess(taiyuan(), rules("national-2024"), f);
    CHECK(central.forecast_value == "central");
    CHECK(level_of(central) == "adverse");
    CHECK(contains(central.explanation_cn, "中间值"));

    auto const upper = assess(high, rules("national-2024"), f);
    CHECK(upper.forecast_value == "high");
    CHECK(level_of(upper) == "yellow");
    CHECK(contains(upper.explanation_cn, "上限值"));
}

TEST_CASE("scenario C1 calls for yellow under the 2024 rules and nothing under the 2019 rules", "[engine][assessment]") {
    auto const c1 = forecast("2026-12-14", {128, 162, 178, 146, 120, 95, 80});
    auto const a = assess(taiyuan(), rules("national-2024"), c1);
    REQUIRE(a.recommendation.has_value());
    CHECK(a.recommendation->level_id == "yellow");
    CHECK(a.recommendation->group_index == 1);
    REQUIRE(a.recommendation->matched.size() == 1);
    CHECK(a.recommendation->matched[0].dates == std::vector<std::string>{"2026-12-15", "2026-12-16"});
    CHECK(a.pollutant_path == "full_response");
    CHECK(a.primary_pollutants == std::vector<std::string>{"PM2.5"});
    CHECK(contains(a.explanation_cn, "12月15日至12月16日连续2天日均AQI＞150"));
    CHECK(contains(a.explanation_cn, "黄色预警（Ⅲ级响应）"));
    CHECK(contains(a.explanation_cn, "更高级别条件未满足"));
    CHECK(contains(a.explanation_cn, "环大气〔2024〕6号"));

    auto const legacy = assess(taiyuan(), rules("taiyuan-2019"), c1);
    CHECK_FALSE(legacy.recommendation.has_value());
    CHECK(legacy.pollutant_path == "none");
    CHECK(contains(legacy.explanation_cn, "最高日均AQI 178"));
}

TEST_CASE("scenario C2 calls for orange under the 2024 rules and only yellow under the 2019 rules",
          "[engine][assessment]") {
    auto const c2 = forecast("2026-12-16", {212, 236, 188, 160, 118});
    auto const a = assess(taiyuan(), rules("national-2024"), c2);
    CHECK(level_of(a) == "orange");
    REQUIRE(a.recommendation.has_value());
    CHECK(a.recommendation->group_index == 0);
    CHECK(a.recommendation->matched[0].dates == std::vector<std::string>{"2026-12-16", "2026-12-17"});
    CHECK(contains(a.explanation_cn, "橙色预警（Ⅱ级响应）"));
    CHECK(contains(a.explanation_cn, "12月16日至12月17日"));

    auto const legacy = assess(taiyuan(), rules("taiyuan-2019"), c2);
    CHECK(level_of(legacy) == "yellow");
    CHECK(contains(legacy.explanation_cn, "黄色预警（Ⅲ级响应）"));
}

TEST_CASE("scenario C3 calls for yellow and fluctuation does not block the downgrade from orange at D5",
          "[engine][assessment][fluctuation]") {
    auto const c3 = forecast("2026-12-18", {176, 158, 112, 85});
    auto const a = assess(taiyuan(), rules("national-2024"), c3);
    CHECK(level_of(a) == "yellow");

    auto const fl = check_fluctuation(taiyuan(), rules("national-2024"), c3, "yellow", "orange", midnight("2026-12-18"));
    CHECK_FALSE(fl.applies);
    CHECK(fl.thresholds == std::vector<int>{200});  // only the bound between yellow and orange
    CHECK(fl.crossings == 0);
}

TEST_CASE("the C3 variant D5 195 / D6 205 / D7 170 crosses 200 twice, so the plan keeps orange",
          "[engine][assessment][fluctuation]") {
    auto const variant = forecast("2026-12-18", {195, 205, 170});
    auto const fl = check_fluctuation(taiyuan(), rules("national-2024"), variant, "yellow", "orange", midnight("2026-12-18"));
    CHECK(fl.applies);
    CHECK(fl.crossings == 2);
    CHECK(contains(fl.explanation_cn, "200"));
    CHECK(contains(fl.explanation_cn, "就高执行"));
}

TEST_CASE("fluctuation counts only days inside the window from the downgrade's start", "[engine][assessment][fluctuation]") {
    // From D4 the window 190, 206, 190 crosses 200 twice; from D5 the window 206, 190, 180 crosses it once.
    auto const f = forecast("2026-12-17", {190, 206, 190, 180, 170});
    auto const from_d4 = check_fluctuation(taiyuan(), rules("national-2024"), f, "yellow", "orange", midnight("2026-12-17"));
    CHECK(from_d4.applies);
    CHECK(from_d4.crossings == 2);
    auto const from_d5 = check_fluctuation(taiyuan(), rules("national-2024"), f, "yellow", "orange", midnight("2026-12-18"));
    CHECK_FALSE(from_d5.applies);
    CHECK(from_d5.crossings == 1);

    // Crossings after the 3-day window (D8 205, D9 190) do not count.
    auto const late = forecast("2026-12-18", {195, 170, 160, 205, 190});
    auto const fl = check_fluctuation(taiyuan(), rules("national-2024"), late, "yellow", "orange", midnight("2026-12-18"));
    CHECK_FALSE(fl.applies);
    CHECK(fl.crossings == 0);
}

TEST_CASE("fluctuation does not apply between levels without rules in the rule set", "[engine][assessment][fluctuation]") {
    auto const f = forecast("2026-12-18", {95, 160, 95});
    auto const fl = check_fluctuation(taiyuan(), rules("taiyuan-2019"), f, "adverse", "adverse", midnight("2026-12-18"));
    CHECK_FALSE(fl.applies);
    CHECK(fl.thresholds.empty());
    CHECK(fl.crossings == 0);
}

TEST_CASE("Fluctuation: only the bounds between the levels in question count (160/140/160 does not keep orange)",
          "[engine][assessment][fluctuation][rules]") {
    auto const f = forecast("2026-12-18", {160, 140, 160, 120});
    auto const orange_to_yellow = check_fluctuation(taiyuan(), rules("national-2024"), f, "yellow", "orange", midnight("2026-12-18"));
    CHECK_FALSE(orange_to_yellow.applies);  // wobbling at 150 is not between yellow and orange
    CHECK(orange_to_yellow.thresholds == std::vector<int>{200});
    // Between no warning and orange the 150 line counts (yellow's bounds are those above the
    // pre-stage's: 200; the pre-stage's own are 100 and 150).
    auto const from_none = check_fluctuation(taiyuan(), rules("national-2024"), f, std::nullopt, "orange", midnight("2026-12-18"));
    CHECK(from_none.thresholds == std::vector<int>{100, 150, 200});
    CHECK(from_none.applies);
    CHECK(level_bounds(rules("national-2024"), "red") == std::vector<int>{300});
    CHECK(level_bounds(rules("national-2024"), "orange") == std::vector<int>{200});
    CHECK(next_level_up(rules("national-2024"), "yellow") == std::optional<std::string>{"orange"});
    CHECK_FALSE(next_level_up(rules("national-2024"), "red").has_value());
}

TEST_CASE("Fluctuation: an issue at yellow while the forecast wobbles across 200 calls for orange",
          "[engine][assessment][fluctuation][rules]") {
    auto const f = forecast("2026-12-18", {190, 210, 195, 160});
    auto const fl = check_fluctuation(taiyuan(), rules("national-2024"), f, "yellow",
                                      *next_level_up(rules("national-2024"), "yellow"), midnight("2026-12-18"));
    CHECK(fl.applies);
    CHECK(fl.crossings == 2);
    CHECK(contains(fl.explanation_cn, "就高执行橙色预警"));
}

TEST_CASE("scenario C4 calls for no level and the lift from yellow at D6 00:00 meets the 36 h rule",
          "[engine][assessment][lift]") {
    auto const c4 = forecast("2026-12-19", {138, 98, 76, 70});
    auto const a = assess(taiyuan(), rules("national-2024"), c4);
    CHECK_FALSE(a.recommendation.has_value());
    CHECK(a.pollutant_path == "none");

    auto const lc = check_lift(taiyuan(), rules("national-2024"), c4, "yellow", midnight("2026-12-19"));
    CHECK(lc.satisfied);
    CHECK(lc.lift_below == 150);
    CHECK(lc.hours_required == 36);
    CHECK(lc.hours_below == 96);
    CHECK(contains(lc.explanation_cn, "满足解除条件"));
}

TEST_CASE("the lift rule fails with only 24 h below the start criterion", "[engine][assessment][lift]") {
    auto const f = forecast("2026-12-19", {138, 160, 120});
    auto const lc = check_lift(taiyuan(), rules("national-2024"), f, "yellow", midnight("2026-12-19"));
    CHECK_FALSE(lc.satisfied);
    CHECK(lc.hours_below == 24);
    CHECK(contains(lc.explanation_cn, "不满足解除条件"));
}

TEST_CASE("the lift rule counts an AQI equal to the bound as below it", "[engine][assessment][lift]") {
    auto const at_bound = forecast("2026-12-19", {150, 150});
    CHECK(check_lift(taiyuan(), rules("national-2024"), at_bound, "orange", midnight("2026-12-19")).hours_below == 48);
    auto const above = forecast("2026-12-19", {151, 150});
    CHECK(check_lift(taiyuan(), rules("national-2024"), above, "orange", midnight("2026-12-19")).hours_below == 0);
}

TEST_CASE("a lift starting mid-day counts hours from the lift's start instant", "[engine][assessment][lift]") {
    auto const f = forecast("2026-12-19", {138, 140, 170});
    Instant const d6 = midnight("2026-12-19");
    auto const noon = check_lift(taiyuan(), rules("national-2024"), f, "yellow", d6 + 12 * kHour);
    CHECK(noon.hours_below == 36);
    CHECK(noon.satisfied);
    auto const one_pm = check_lift(taiyuan(), rules("national-2024"), f, "yellow", d6 + 13 * kHour);
    CHECK(one_pm.hours_below == 35);
    CHECK_FALSE(one_pm.satisfied);
    // Days that ended before the lift's start are ignored: from D7 00:00 only D7 (24 h) is below.
    CHECK(check_lift(taiyuan(), rules("national-2024"), f, "yellow", d6 + kDay).hours_below == 24);
}

TEST_CASE("the lift rule uses the 2019 rule set's bound of 200", "[engine][assessment][lift]") {
    auto const f = forecast("2026-12-19", {190, 180, 230});
    auto const lc = check_lift(taiyuan(), rules("taiyuan-2019"), f, "orange", midnight("2026-12-19"));
    CHECK(lc.lift_below == 200);
    CHECK(lc.hours_below == 48);
    CHECK(lc.satisfied);
    CHECK_FALSE(check_lift(taiyuan(), rules("national-2024"), f, "orange", midnight("2026-12-19")).satisfied);
}

TEST_CASE("the lift rule does not count hours the forecast does not cover before its first day",
          "[engine][assessment][lift]") {
    // The lift would start at D5 00:00 but the forecast begins at D6: D5 is unknown, so the 36 h from
    // the lift's start are not shown to be below the criterion.
    auto const f = forecast("2026-12-19", {138, 98, 76});
    auto const lc = check_lift(taiyuan(), rules("national-2024"), f, "yellow", midnight("2026-12-18"));
    CHECK(lc.hours_below == 0);
    CHECK_FALSE(lc.satisfied);
}

TEST_CASE("an O3-driven run takes the health-advisory path", "[engine][assessment][pollutant]") {
    auto const a = assess(taiyuan(), rules("national-2024"), forecast("2026-12-14", {120, 205, 120}, {"O3"}));
    CHECK(level_of(a) == "yellow");
    CHECK(a.pollutant_path == "health_advisory");
    CHECK(a.primary_pollutants == std::vector<std::string>{"O3"});
    CHECK(contains(a.explanation_cn, "健康防护提示"));
}

TEST_CASE("a PM2.5-driven run takes the full-response path", "[engine][assessment][pollutant]") {
    auto const a = assess(taiyuan(), rules("national-2024"), forecast("2026-12-14", {120, 205, 120}, {"PM2.5"}));
    CHECK(a.pollutant_path == "full_response");
    CHECK(contains(a.explanation_cn, "执行应急减排措施"));
}

TEST_CASE("a run mixing O3 and PM2.5 days takes the full-response path", "[engine][assessment][pollutant]") {
    auto const a =
        assess(taiyuan(), rules("national-2024"), forecast("2026-12-14", {160, 170, 90}, {"O3", "PM2.5", "O3"}));
    CHECK(level_of(a) == "yellow");
    CHECK(a.pollutant_path == "full_response");
    CHECK(a.primary_pollutants == std::vector<std::string>{"O3", "PM2.5"});
}

TEST_CASE("only the days of the matched run decide the pollutant path", "[engine][assessment][pollutant]") {
    // D1 PM2.5 at 90 is outside the run; the run D2-D3 is O3 only.
    auto const a =
        assess(taiyuan(), rules("national-2024"), forecast("2026-12-14", {90, 160, 170}, {"PM2.5", "O3", "O3"}));
    CHECK(a.pollutant_path == "health_advisory");
    CHECK(a.primary_pollutants == std::vector<std::string>{"O3"});
}

TEST_CASE("Health-advisory path: sandstorms, which the plan excludes, get no colour warning",
          "[engine][assessment][pollutant][rules]") {
    auto const sand = assess(taiyuan(), rules("national-2024"), forecast("2026-12-14", {120, 320, 260, 120}, {"sandstorm"}));
    CHECK(level_of(sand) == "none");
    CHECK(contains(sand.explanation_cn, "沙尘"));
    // Dust (local blowing dust, not a sandstorm) keeps its warning on the health-advisory path.
    auto const dust = assess(taiyuan(), rules("national-2024"), forecast("2026-12-14", {120, 205, 120}, {"dust"}));
    CHECK(level_of(dust) == "yellow");
    CHECK(dust.pollutant_path == "health_advisory");
}

TEST_CASE("Health-advisory path: the notice lists only health and advocacy measures, no 一厂一策",
          "[engine][assessment][pollutant][rules]") {
    auto const& plan = taiyuan();
    auto const full = plan.public_measures_for("orange", "full_response");
    auto const advisory = plan.public_measures_for("orange", "health_advisory");
    CHECK(advisory.size() < full.size());
    REQUIRE_FALSE(advisory.empty());
    for (auto const* m : advisory) {
        INFO(m->text_cn);
        CHECK((m->sector == "health" || m->sector == "advocacy"));
        CHECK_FALSE(contains(m->text_cn, "一厂一策"));
    }
    bool industrial = false;
    for (auto const* m : full) industrial = industrial || m->sector == "industrial";
    CHECK(industrial);
}

}  // namespace
}  // namespace hazeguard::engine
