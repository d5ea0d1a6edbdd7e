// Unit tests for engine/report/charts.* (the report's inline SVG charts).
#include <cstdio>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/report/charts.hpp"
#include "tests/unit/report_html/report_fixture.hpp"
#include "tests/unit/report_html/xml_check.hpp"

namespace hazeguard::engine::report {
namespace {
using hazeguard::report_html::test::contains;
using hazeguard::report_html::test::occurrences;
using hazeguard::report_html::test::taiyuan_plan;
using hazeguard::report_html::test::xml_problem;

std::string one_decimal(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", value);
    return buf;
}

plans::Level level(std::string const& id) { return taiyuan_plan().level_at(*taiyuan_plan().rank(id)); }

/// Domain §14: D1..D7 = 2026-12-14..20, observed 121 158 207 244 171 133 101, adverse then
/// yellow, orange, orange, yellow, nothing.
ForecastChartData scenario() {
    ForecastChartData data;
    std::vector<int> const observed{121, 158, 207, 244, 171, 133, 101};
    std::vector<int> const forecast{128, 162, 212, 236, 176, 138, 98};
    std::vector<char const*> const levels{"adverse", "yellow", "orange", "orange", "yellow", "", ""};
    for (int i = 0; i < 7; ++i) {
        ForecastChartDay day{"2026-12-" + std::to_string(14 + i), observed[i], forecast[i], std::nullopt};
        if (*levels[i] != '\0') day.level = level(levels[i]);
        data.days.push_back(day);
    }
    for (int hour = 0; hour < 24; ++hour) data.hours.push_back({"2026-12-17", double(hour), 230 + hour});
    data.categories = taiyuan_plan().evaluation.aqi_categories;
    return data;
}

TEST_CASE("the forecast chart is one well-formed accessible SVG", "[report_html][charts]") {
    std::string const svg = forecast_chart(scenario());
    INFO(svg);
    CHECK(xml_problem(svg).empty());
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720.0 320.0\" width=\"100%\" role=\"img\"", 0) == 0);
    CHECK(contains(svg, "<title>实测与预报空气质量指数（AQI）及预警级别</title>"));
    CHECK_FALSE(contains(svg, "<script"));
    for (char const* legend : {"实测日均AQI", "预报AQI", "实测小时AQI", "预警级别：", "黄色预警（Ⅲ级响应）", "橙色预警（Ⅱ级响应）",
                               "不利气象条件应对"}) {
        CHECK(contains(svg, legend));
    }
}

TEST_CASE("the forecast chart draws a band in the level colour behind each day a level was in force", "[report_html][charts]") {
    std::string const svg = forecast_chart(scenario());
    CHECK(occurrences(svg, "class=\"band\"") == 5);
    CHECK(contains(svg, "data-level=\"adverse\" data-date=\"2026-12-14\" fill=\"#bdbdbd\""));
    CHECK(contains(svg, "data-level=\"yellow\" data-date=\"2026-12-15\" fill=\"#f5d000\""));
    CHECK(contains(svg, "data-level=\"orange\" data-date=\"2026-12-16\" fill=\"#ff8c1a\""));
    CHECK(contains(svg, "data-level=\"orange\" data-date=\"2026-12-17\" fill=\"#ff8c1a\""));
    CHECK(contains(svg, "data-level=\"yellow\" data-date=\"2026-12-18\" fill=\"#f5d000\""));
    CHECK_FALSE(contains(svg, "data-date=\"2026-12-19\""));
    double const column = kPlotArea.width() / 7;
    CHECK(contains(svg, "<rect x=\"" + one_decimal(kPlotArea.left + column) + "\" y=\"" + one_decimal(kPlotArea.top) +
                            "\" width=\"" + one_decimal(column) + "\" height=\"" + one_decimal(kPlotArea.height()) +
                            "\" class=\"band\" data-level=\"yellow\""));
}

TEST_CASE("level colours come from the level id with a neutral default", "[report_html][charts]") {
    CHECK(level_colour(level("yellow")) == "#f5d000");
    CHECK(level_colour(level("orange")) == "#ff8c1a");
    CHECK(level_colour(level("red")) == "#e0292b");
    CHECK(level_colour(level("adverse")) == "#bdbdbd");
    CHECK(level_colour(plans::Level{"purple", "紫色", "Purple", false}) == "#b8c4d0");
}

TEST_CASE("a daily value sits at its column centre and its AQI height", "[report_html][charts]") {
    auto const data = scenario();
    REQUIRE(aqi_axis_max(data) == 300);
    std::string const svg = forecast_chart(data);
    double const x = kPlotArea.left + 3.5 * kPlotArea.width() / 7;          // 2026-12-17
    double const y = kPlotArea.bottom - 244.0 / 300 * kPlotArea.height();   // observed 244
    CHECK(contains(svg, "<circle cx=\"" + one_decimal(x) + "\" cy=\"" + one_decimal(y) + "\" r=\"3.5\""));
    CHECK(contains(svg, ">244</text>"));
    double const hour_x = kPlotArea.left + (3 + 12.5 / 24) * kPlotArea.width() / 7;  // 12:00 on 2026-12-17
    double const hour_y = kPlotArea.bottom - 242.0 / 300 * kPlotArea.height();
    CHECK(contains(svg, one_decimal(hour_x) + "," + one_decimal(hour_y)));
}

TEST_CASE("category bounds are guide lines with their Chinese names", "[report_html][charts]") {
    std::string const svg = forecast_chart(scenario());
    for (int bound : {50, 100, 150, 200}) {
        std::string const y = one_decimal(kPlotArea.bottom - bound / 300.0 * kPlotArea.height());
        CHECK(contains(svg, "<line x1=\"" + one_decimal(kPlotArea.left) + "\" y1=\"" + y + "\" x2=\"" +
                                one_decimal(kPlotArea.right) + "\" y2=\"" + y + "\" stroke=\"#8c8c8c\""));
    }
    for (char const* name : {">优<", ">良<", ">轻度<", ">中度<", ">重度<"}) CHECK(contains(svg, name));
    CHECK(contains(svg, ">12-14</text>"));
    CHECK(contains(svg, ">12-20</text>"));
}

TEST_CASE("the AQI axis grows past the top category bound for higher values", "[report_html][charts]") {
    auto data = scenario();
    data.days[3].observed_aqi = 412;
    CHECK(aqi_axis_max(data) == 450);
    std::string const svg = forecast_chart(data);
    CHECK(contains(svg, ">严重<"));
    CHECK(contains(svg, ">450</text>"));
}

TEST_CASE("chart text is XML-escaped", "[report_html][charts]") {
    auto data = scenario();
    data.days[1].level->name_cn = "黄<色>&\"预警\"";
    std::string const forecast = forecast_chart(data);
    CHECK(xml_problem(forecast).empty());
    CHECK(contains(forecast, "黄&lt;色&gt;&amp;&quot;预警&quot;"));

    std::string const ack = ack_curve_chart({{"批次<1>&", {{0, 0}, {30, 0.5}}}}, 1);
    CHECK(xml_problem(ack).empty());
    CHECK(contains(ack, "批次&lt;1&gt;&amp;"));
}

std::vector<AckCurve> ack_scenario() {
    return {{"batch:1 发布·黄色预警（Ⅲ级响应）", {{0, 0}, {10, 0.31}, {30, 0.76}, {60, 0.954}, {110, 0.9955}}},
            {"batch:2 升级·橙色预警（Ⅱ级响应）", {{0, 0}, {10, 0.46}, {60, 0.98}}}};
}

TEST_CASE("the acknowledgement chart marks the deadline and draws one stepped line per batch", "[report_html][charts]") {
    auto const curves = ack_scenario();
    REQUIRE(ack_axis_max_hours(curves, 1) == 2);
    std::string const svg = ack_curve_chart(curves, 1);
    INFO(svg);
    CHECK(xml_problem(svg).empty());
    CHECK(contains(svg, "role=\"img\""));
    CHECK(contains(svg, "<title>各批次企业指令累计签收比例</title>"));
    double const deadline_x = kPlotArea.left + 1.0 / 2 * kPlotArea.width();
    CHECK(contains(svg, "<g class=\"deadline\"><line x1=\"" + one_decimal(deadline_x) + "\" y1=\"" + one_decimal(kPlotArea.top) +
                            "\" x2=\"" + one_decimal(deadline_x) + "\" y2=\"" + one_decimal(kPlotArea.bottom) + "\""));
    CHECK(contains(svg, "签收时限 1 小时"));
    CHECK(occurrences(svg, "class=\"ack-curve\"") == 2);
    // 30 minutes: the step from 31 % up to 76 %
    std::string const x30 = one_decimal(kPlotArea.left + 0.5 / 2 * kPlotArea.width());
    CHECK(contains(svg, x30 + "," + one_decimal(kPlotArea.bottom - 0.31 * kPlotArea.height()) + " " + x30 + "," +
                            one_decimal(kPlotArea.bottom - 0.76 * kPlotArea.height())));
    CHECK(contains(svg, "batch:1 发布·黄色预警（Ⅲ级响应）"));
    CHECK(contains(svg, ">100%</text>"));
}

TEST_CASE("the acknowledgement axis stretches to the latest acknowledgement", "[report_html][charts]") {
    CHECK(ack_axis_max_hours({{"late", {{0, 0}, {300, 1}}}}, 1) == 5);
    CHECK(ack_axis_max_hours({{"very late", {{0, 0}, {60 * 20, 1}}}}, 1) == 20);
    CHECK(ack_axis_max_hours({}, 2) == 4);
    CHECK(xml_problem(ack_curve_chart({}, 1)).empty());
    CHECK(xml_problem(forecast_chart({})).empty());
}

}  // namespace
}  // namespace hazeguard::engine::report
