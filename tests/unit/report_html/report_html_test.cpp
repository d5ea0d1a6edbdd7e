// Unit tests for templates/report_html.* and templates/reports/evaluation.html.mustache.
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "templates/html_renderer.hpp"
#include "templates/report_html.hpp"
#include "tests/unit/report_html/report_fixture.hpp"
#include "tests/unit/report_html/xml_check.hpp"

namespace hazeguard::templates {
namespace {
using hazeguard::report_html::test::contains;
using hazeguard::report_html::test::occurrences;
using hazeguard::report_html::test::sample_report;
using hazeguard::report_html::test::taiyuan_plan;
using hazeguard::report_html::test::xml_problem;
using nlohmann::json;

std::string render(json const& report) { return render_report_html(taiyuan_plan(), report); }

/// The part of `html` from the first `start` to the next `end` after it.
std::string between(std::string const& html, std::string const& start, std::string const& end) {
    auto const from = html.find(start);
    REQUIRE(from != std::string::npos);
    auto const to = html.find(end, from);
    REQUIRE(to != std::string::npos);
    return html.substr(from, to - from);
}

TEST_CASE("the HTML templates parse", "[report_html]") {
    CHECK_NOTHROW(check_html_templates());
    CHECK(embedded_html_templates().count("reports/evaluation.html") == 1);
}

TEST_CASE("the sample report renders to a self-contained Chinese A4 page", "[report_html]") {
    std::string const html = render(sample_report());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html, "<html lang=\"zh-CN\">"));
    CHECK(contains(html, "<h1>重污染天气应急响应后评估报告</h1>"));
    for (char const* title : {"一、过程概况", "二、时效性", "三、预报效果", "四、预警级别适当性", "五、企业指令与签收", "六、减排",
                              "七、发现的问题"}) {
        CHECK(contains(html, std::string("<h2>") + title + "</h2>"));
    }
    CHECK(contains(html, "@page { size: A4; margin: 15mm;"));
    CHECK(contains(html, "tr { break-inside: avoid;"));
    CHECK(contains(html, "\"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", \"Droid Sans Fallback\", sans-serif"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "src="));
    CHECK_FALSE(contains(html, "http://www.w3.org/2000/svg\" href"));
    CHECK_FALSE(contains(html, "<link"));
    CHECK_FALSE(contains(html, "{{"));
}

TEST_CASE("both charts are inlined as well-formed SVG", "[report_html]") {
    std::string const html = render(sample_report());
    REQUIRE(occurrences(html, "<svg ") == 2);
    std::string const forecast = between(html, "<svg ", "</svg>") + "</svg>";
    CHECK(xml_problem(forecast).empty());
    CHECK(occurrences(forecast, "class=\"band\"") == 5);
    std::string const ack = between(html.substr(html.find("</svg>")), "<svg ", "</svg>") + "</svg>";
    CHECK(xml_problem(ack).empty());
    CHECK(occurrences(ack, "class=\"ack-curve\"") == 3);
    CHECK(contains(ack, "batch:2 升级·橙色预警（Ⅱ级响应）"));
}

TEST_CASE("times print as local time with the offset", "[report_html]") {
    std::string const html = render(sample_report());
    CHECK(contains(html, "2026-12-14 15:30 (+08:00)"));
    CHECK(contains(html, "2026-12-17 03:00 (+08:00)"));
    CHECK_FALSE(contains(html, "T15:30:00+08:00"));
}

TEST_CASE("the sections carry the report's numbers", "[report_html]") {
    std::string const html = render(sample_report());
    CHECK(contains(html, "<strong>2</strong> 天（2026-12-16、2026-12-17）"));
    CHECK(contains(html, "<strong>244（2026-12-17）</strong>"));
    CHECK(contains(html, "<td>签发（审批单起）</td><td class=\"time\">2026-12-14 15:30 (+08:00)</td><td class=\"time\">2026-12-14 14:00 (+08:00)</td>"
                         "<td class=\"num\">3.5</td><td class=\"num\">2</td><td class=\"nowrap tone-bad\">超时</td>"));
    CHECK(contains(html, "<td>首次小时AQI＞150</td><td>黄色预警（Ⅲ级响应）及以上</td><td class=\"time\">2026-12-15 08:00 (+08:00)</td>"));
    CHECK(contains(html, "<td class=\"nowrap\">提前 8.0 小时</td><td class=\"tone-good\">预警先于污染</td>"));
    CHECK(contains(html, "命中率 <strong>85.7%</strong>"));
    CHECK(contains(html, "<td class=\"num\">−8</td>"));
    CHECK(contains(html, "<td>橙色预警（Ⅱ级响应）</td><td>黄色预警（Ⅲ级响应）</td><td class=\"tone-bad\">偏低</td>"));
    CHECK(contains(html, "<td class=\"num\">95.4%</td>"));
    CHECK(contains(html, "<td>VOCs</td><td class=\"num\">10.0%</td><td class=\"num\">15.00</td><td class=\"num\">12.80</td>"));
    CHECK(contains(html, "<td class=\"nowrap tone-bad\">降幅不足</td>"));
    CHECK(contains(html, "用电量降幅低于计划降幅（容差 10.0%）的 <strong>1</strong> 份"));
    CHECK(contains(html, "<td class=\"time\">2026-12-16 00:00 (+08:00)<br>至<br>2026-12-18 00:00 (+08:00)</td>"));
    CHECK(contains(html, "<td class=\"nowrap tone-good\">同时</td>"));
    CHECK(contains(html, "按预报中值评估"));
    CHECK(contains(html, "<td class=\"time\">2026-12-18</td><td class=\"time\">2026-12-18</td><td class=\"num\">1</td>"));
}

TEST_CASE("findings point at the sections that hold their evidence", "[report_html]") {
    std::string const html = render(sample_report());
    std::string const findings = between(html, "<section id=\"sec-findings\">", "</section>");
    CHECK(occurrences(findings, "<li class=\"finding\">") == 13);
    CHECK(contains(findings, "<span class=\"severity tone-warn\">中</span>proposal:1（发布黄色预警（Ⅲ级响应））签发"));
    CHECK(contains(findings, "<span class=\"severity tone-bad\">高</span>10份减排指令至签收时限未签收"));
    CHECK(contains(findings, "<span class=\"severity tone-none\">低</span>2026-12-20"));
    // The evidence names sections and subjects as people know them; JSON pointers stay in the JSON.
    CHECK(contains(findings, "<a href=\"#sec-timeliness\">二、时效性</a>（第1号审批单）</span>"));
    CHECK(contains(findings, "<a href=\"#sec-levels\">四、预警级别适当性</a>（2026-12-18）</span>"));
    CHECK(contains(findings, "<a href=\"#sec-reductions\">六、减排</a>（第1批指令）</span>"));
    CHECK(contains(findings, "<a href=\"#sec-orders\">五、企业指令与签收</a></span>"));
    CHECK_FALSE(contains(findings, "<code>"));
    CHECK_FALSE(contains(findings, "/timeliness/proposals/0"));
}

TEST_CASE("the report closes with problems and recommendations and the issuer's signature", "[report_html]") {
    std::string const html = render(sample_report());
    std::string const closing = between(html, "<section id=\"sec-conclusions\">", "</section>");
    CHECK(contains(closing, "<h2>八、问题与建议</h2>"));
    CHECK(contains(closing, "本次应急响应过程共发现问题13项"));
    CHECK(contains(closing, "<li>优化审批签发流程，明确签发人及其授权，确保审批表在规定时限内签发</li>"));
    CHECK(occurrences(closing, "<li>") >= 5);
    CHECK(contains(html, "<p class=\"issuer\">太原市生态环境保护委员会办公室</p>"));
    CHECK(contains(html, "<div class=\"signature-block\"><p>太原市生态环境保护委员会办公室</p><p>2026年12月"));
    // The timeline is numbered from 1 and names no internal ref or English actor.
    std::string const overview = between(html, "<section id=\"sec-overview\">", "</section>");
    CHECK_FALSE(contains(overview, ">system<"));
    CHECK_FALSE(contains(overview, "proposal:"));
    CHECK(contains(overview, "<td class=\"num\">1</td>"));
}

TEST_CASE("data is HTML-escaped", "[report_html]") {
    json report = sample_report();
    report["orders"]["never_acknowledged"][0]["name"] = "太原<焦化>&\"煤气\"公司";
    report["timeline"][0]["summary_cn"] = "<script>alert(1)</script>";
    std::string const html = render(report);
    CHECK(contains(html, "太原&lt;焦化&gt;&amp;&quot;煤气&quot;公司"));
    CHECK_FALSE(contains(html, "太原<焦化>"));
    CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_FALSE(contains(html, "<script"));
}

TEST_CASE("the never-acknowledged list shows the 200 rows the report lists and counts them all", "[report_html]") {
    json report = sample_report();
    SECTION("a short list is shown whole") {
        std::string const html = render(report);
        std::string const table = between(html, "<table class=\"never-acknowledged\">", "</table>");
        CHECK(occurrences(table, "<tr>") == 1 + 10);
        CHECK(contains(html, "（六）未签收企业名单（共 10 家）"));
        CHECK_FALSE(contains(html, "见明细表"));
    }
    SECTION("a long list is cut after 200 rows") {
        json& list = report["orders"]["never_acknowledged"];
        json const first = list[0];
        while (list.size() < 200) list.push_back(first);
        report["orders"]["never_acknowledged_all"]["count"] = 205;  // the report lists 200; 5 more are paged
        std::string const html = render(report);
        std::string const table = between(html, "<table class=\"never-acknowledged\">", "</table>");
        CHECK(occurrences(table, "<tr>") == 1 + 200);
        CHECK(contains(table, "<td class=\"num\">200</td>"));
        CHECK_FALSE(contains(table, "<td class=\"num\">201</td>"));
        CHECK(contains(html, "（六）未签收企业名单（共 205 家）"));
        CHECK(contains(html, "<p class=\"more\">另有 5 家，见明细表</p>"));
    }
}

TEST_CASE("drill episodes are marked prominently", "[report_html]") {
    json report = sample_report();
    CHECK_FALSE(contains(render(report), "演练"));
    report["episode"]["drill"] = true;
    std::string const html = render(report);
    CHECK(contains(html, "<title>【演练】重污染天气应急响应后评估报告"));
    CHECK(contains(html, "<h1>【演练】重污染天气应急响应后评估报告</h1>"));
    CHECK(contains(html, "<div class=\"drill-banner\" role=\"note\">【演练】"));
    CHECK(contains(html, "<div class=\"watermark\" aria-hidden=\"true\">演练</div>"));
}

TEST_CASE("missing values print as a dash and empty lists as a sentence", "[report_html]") {
    json report = sample_report();
    report["episode"]["closed_at"] = nullptr;
    report["observations"]["peak_hourly"] = nullptr;
    report["timeliness"]["directives"] = json::array();
    report["orders"]["never_acknowledged"] = json::array();
    report["findings"] = json::array();
    std::string const html = render(report);
    CHECK(contains(html, "<th>过程结束</th><td>未结束</td>"));
    CHECK(contains(html, "小时AQI峰值：<strong>—</strong>"));
    CHECK(contains(html, "本过程未收到上级（区域、省级）预警指令。"));
    CHECK(contains(html, "<tr><td colspan=\"8\">无未签收企业</td></tr>"));
    CHECK(contains(html, "<p>未发现问题。</p>"));
}

TEST_CASE("a directive the city followed late or never is flagged", "[report_html]") {
    json report = sample_report();
    json& directive = report["timeliness"]["directives"][0];
    directive["lag_hours"] = 3.0;
    CHECK(contains(render(report), "<td class=\"nowrap tone-bad\">滞后 3.0 小时</td>"));
    directive["lag_hours"] = -1.5;
    CHECK(contains(render(report), "<td class=\"nowrap tone-good\">提前 1.5 小时</td>"));
    directive["lag_hours"] = nullptr;
    directive["local_start_at"] = nullptr;
    CHECK(contains(render(report), "<td class=\"time\">未自行启动</td><td class=\"nowrap tone-bad\">—</td>"));
}

TEST_CASE("only reports in the known format are rendered", "[report_html]") {
    json report = sample_report();
    report["format"] = "hazeguard-evaluation/2";
    CHECK_THROWS_AS(render(report), std::invalid_argument);
    CHECK_THROWS_AS(render(json::array()), std::invalid_argument);
}

TEST_CASE("the sample page is written for the browser check", "[report_html]") {
    std::filesystem::path const dir = HG_BINARY_DIR "/report_html";
    std::filesystem::create_directories(dir);
    json drill = sample_report();
    drill["episode"]["drill"] = true;
    for (auto const& [name, report] : {std::pair{"evaluation-sample.html", sample_report()}, std::pair{"evaluation-drill.html", drill}}) {
        std::ofstream out(dir / name, std::ios::binary);
        out << render(report);
        CHECK(out.good());
    }
}

}  // namespace
}  // namespace hazeguard::templates
