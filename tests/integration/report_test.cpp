// The post-event evaluation of the domain brief's §14 episode, from the real server's own record:
// the scenario replayed on a drill clock with the ten §13 plants, observations posted, a sample of
// acknowledgements on time, late and never; then the report as JSON (numbers pinned), CSV and HTML
// (the HTML checked in headless chromium by scripts/check-report-html.sh).
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <set>
#include <fstream>

#include "tests/integration/integration_fixture.hpp"

using namespace hazeguard::test;

namespace {

std::string sh(std::string const& cmd, int* exit_code = nullptr) {
    FILE* pipe = ::popen((cmd + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    int const status = ::pclose(pipe);
    if (exit_code) *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

// The order ids of batch `n` (1-based) by credit code, once the batch exists.
std::map<std::string, std::int64_t> batch_orders(LiveServer& s, std::size_t n) {
    for (int i = 0; i < 200; ++i) {
        auto const p = s.get("/v1/episodes/1/progress");
        if (p.status == 200 && p.body.at("batches").size() >= n) {
            auto const batch = p.body.at("batches")[n - 1].at("id").get<std::int64_t>();
            auto const page = s.get("/v1/episodes/1/orders?batch=" + std::to_string(batch) + "&limit=100");
            REQUIRE(page.status == 200);
            std::map<std::string, std::int64_t> out;
            for (auto const& o : page.body.at("items"))
                out.emplace(o.at("enterprise").at("credit_code").get<std::string>(), o.at("id").get<std::int64_t>());
            return out;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("batch " << n << " did not appear");
    return {};
}

}  // namespace

TEST_CASE("the evaluation report of the §14 episode shows the numbers a reader can check by hand",
          "[integration][report]") {
    // The Taiyuan plan with 8 h to acknowledge and 12 h for the approval form: on a drill clock of
    // five simulated hours per real second, "on time" must survive a slow machine.
    auto plan = read_json(HG_SOURCE_DIR "/plans/taiyuan.json");
    plan["orders"]["ack_hours"] = 8;
    plan["time_limits"]["approval_form_hours"] = 12;
    auto const plan_file = std::filesystem::temp_directory_path() / ("hg-report-plan-" + std::to_string(::getpid()) + ".json");
    std::ofstream(plan_file) << plan.dump();
    LiveServer s("2026-12-14T10:00:00+08:00", 18000, {"--plan", plan_file.string(), "--sample-size", "10"});
    // C1 → yellow from D2 00:00, then a token for each plant while the clock runs towards it.
    consult(s, "forecast-c1.json", {{"action", "issue"}, {"level", "yellow"}, {"start_at", "2026-12-15T00:00:00+08:00"},
                                    {"end_at", "2026-12-17T00:00:00+08:00"}});
    std::vector<std::string> codes;
    auto const sample = read_json(HG_SOURCE_DIR "/plans/lists/taiyuan-sample.json");
    for (auto const& e : sample.at("enterprises"))
        codes.push_back(e.at("credit_code").get<std::string>());
    REQUIRE(codes.size() == 10);
    std::map<std::string, std::string> tokens;
    for (auto const& code : codes) {
        auto const out = sh(std::string(HG_EXECUTABLE) + " token create --role enterprise --name " + code +
                            " --enterprise " + code + " --db " + s.db() + " --plan " + plan_file.string());
        tokens[code] = out.substr(0, out.find_first_of("\r\n"));
        REQUIRE(!tokens[code].empty());
    }
    auto ack = [&](std::int64_t order, std::string const& code) {
        return s.post_as("/v1/orders/" + std::to_string(order) + "/ack", {{"by", "环保负责人"}, {"phone", "0351-5710001"}},
                         tokens.at(code));
    };

    // The orders went out at the signature (D1 ~10:00), 8 h to acknowledge: plants 1–6 acknowledge
    // at once, 7–8 after the deadline (D2 00:00, when the yellow starts), 9–10 never.
    auto yellow = batch_orders(s, 1);
    for (int i = 0; i < 6; ++i) REQUIRE(ack(yellow.at(codes[i]), codes[i]).status == 200);
    wait_until(s, "2026-12-15T00:00:00+08:00");
    for (int i = 6; i < 8; ++i) REQUIRE(ack(yellow.at(codes[i]), codes[i]).status == 200);
    // Two metered execution reports: the coke plant cut its electricity use by a third, the steel plant hardly at all.
    REQUIRE(s.post_as("/v1/orders/" + std::to_string(yellow.at(codes[0])) + "/execution",
                      {{"electricity", {{{"meter", "总表"}, {"kwh", 280000}}}}}, tokens.at(codes[0])).status == 200);
    REQUIRE(s.post_as("/v1/orders/" + std::to_string(yellow.at(codes[1])) + "/execution",
                      {{"electricity", {{{"meter", "总表"}, {"kwh", 1590000}}}}}, tokens.at(codes[1])).status == 200);

    // C2 → orange from D3 00:00, signed D2 10:00; plants 1–8 acknowledge at once.
    wait_until(s, "2026-12-15T10:00:00+08:00");
    consult(s, "forecast-c2.json",
            {{"action", "upgrade"}, {"level", "orange"}, {"start_at", "2026-12-16T00:00:00+08:00"}, {"end_at", nullptr}});
    auto const orange = batch_orders(s, 2);
    for (int i = 0; i < 8; ++i) REQUIRE(ack(orange.at(codes[i]), codes[i]).status == 200);

    // C3 → yellow from D5 00:00; everyone acknowledges. C4 → lift from D6 00:00.
    wait_until(s, "2026-12-17T10:00:00+08:00");
    consult(s, "forecast-c3.json", {{"action", "downgrade"}, {"level", "yellow"}, {"start_at", "2026-12-18T00:00:00+08:00"}});
    auto const yellow2 = batch_orders(s, 3);
    for (auto const& code : codes) REQUIRE(ack(yellow2.at(code), code).status == 200);
    wait_until(s, "2026-12-18T10:00:00+08:00");
    consult(s, "forecast-c4.json", {{"action", "lift"}, {"start_at", "2026-12-19T00:00:00+08:00"}});
    batch_orders(s, 4);
    wait_until(s, "2026-12-19T00:00:00+08:00");
    REQUIRE(status_with_level(s, nullptr).at("state") == "normal");

    // Observed values (§14): daily D1–D7, and hourly values on D2–D3 crossing 150 at D2 08:00 and 200 at D3 05:00.
    json obs = json::array();
    int const daily[] = {121, 158, 207, 244, 171, 133, 101};
    for (int d = 0; d < 7; ++d)
        obs.push_back({{"granularity", "day"}, {"date", "2026-12-" + std::to_string(14 + d)}, {"aqi", daily[d]},
                       {"primary_pollutant", "PM2.5"}});
    for (int h = 0; h < 48; ++h) {
        int const aqi = h < 8 ? 140 : h < 29 ? 170 : 215;  // D2 00:00 + h hours
        std::string const day = h < 24 ? "15" : "16";
        std::string const hh = (h % 24 < 10 ? "0" : "") + std::to_string(h % 24);
        obs.push_back({{"granularity", "hour"}, {"at", "2026-12-" + day + "T" + hh + ":00:00+08:00"}, {"aqi", aqi}});
    }
    auto const posted = s.post("/v1/observations", {{"source", "市监测站"}, {"observations", obs}}, "duty_officer", "obs-1");
    INFO(posted.body.dump());
    REQUIRE(posted.status == 200);
    CHECK(posted.body.at("created") == 55);

    auto const r = s.get("/v1/episodes/1/report", "auditor");
    INFO(r.body.dump().substr(0, 2000));
    REQUIRE(r.status == 200);
    auto const& rep = r.body;
    CHECK(rep.at("format") == "hazeguard-evaluation/1");
    CHECK(rep.at("episode").at("peak_level") == "orange");

    auto const& o = rep.at("observations");
    CHECK(o.at("heavy_pollution_days") == 2);
    CHECK(o.at("heavy_pollution_dates") == json({"2026-12-16", "2026-12-17"}));
    CHECK(o.at("peak_daily") == json({{"date", "2026-12-17"}, {"aqi", 244}}));

    auto const& onset = rep.at("timeliness").at("onset");
    REQUIRE(onset.size() == 2);
    CHECK(onset[0].at("first_hour_above") == "2026-12-15T08:00:00+08:00");
    CHECK(onset[0].at("level_start") == "2026-12-15T00:00:00+08:00");
    CHECK(onset[0].at("lead_hours") == 8);
    CHECK(onset[1].at("first_hour_above") == "2026-12-16T05:00:00+08:00");
    CHECK(onset[1].at("lead_hours") == 5);
    for (auto const& p : rep.at("timeliness").at("proposals")) {
        CHECK(p.at("form").at("on_time") == true);
        CHECK(p.at("signature").at("on_time") == true);
    }

    auto const& fp = rep.at("forecast_performance");
    CHECK(fp.at("days_scored") == 7);
    CHECK(fp.at("hits") == 6);
    std::map<std::string, json> by_date;
    for (auto const& d : fp.at("days")) by_date[d.at("date").get<std::string>()] = d;
    CHECK(by_date.at("2026-12-16").at("error") == 5);
    CHECK(by_date.at("2026-12-17").at("error") == -8);
    CHECK(by_date.at("2026-12-20").at("hit") == false);  // D7: forecast 98 良, observed 101 轻度

    // Observed D2–D5 > 150 for four days: the plan's orange criterion (≥ 3 days > 150) held from D2 to D5,
    // so D2 and D5 (yellow in force) were under-warned.
    std::map<std::string, std::string> verdicts;
    for (auto const& d : rep.at("level_appropriateness").at("days"))
        verdicts[d.at("date").get<std::string>()] = d.at("verdict").get<std::string>();
    CHECK(verdicts == std::map<std::string, std::string>{{"2026-12-14", "ok"}, {"2026-12-15", "under"},
                                                         {"2026-12-16", "ok"}, {"2026-12-17", "ok"},
                                                         {"2026-12-18", "under"}, {"2026-12-19", "ok"},
                                                         {"2026-12-20", "ok"}});
    CHECK(rep.at("level_appropriateness").at("under_warned_days") == 2);

    auto const& batches = rep.at("orders").at("batches");
    REQUIRE(batches.size() == 4);
    CHECK(batches[0].at("acknowledged_on_time") == 6);
    CHECK(batches[0].at("acknowledged_late") == 2);
    CHECK(batches[0].at("never_acknowledged") == 2);
    CHECK(batches[1].at("acknowledged_on_time") == 8);
    CHECK(batches[1].at("never_acknowledged") == 2);
    CHECK(batches[2].at("acknowledged_on_time") == 10);
    CHECK(batches[3].at("kind") == "lift");
    CHECK(rep.at("orders").at("totals").at("acknowledged_on_time") == 24);
    CHECK(rep.at("orders").at("never_acknowledged").size() == 4);
    CHECK(rep.at("orders").at("never_acknowledged_all") ==
          json({{"count", 4}, {"listed", 4}, {"href", "/v1/episodes/1/report/unacknowledged"}}));
    CHECK(rep.at("orders").at("ack_latency_minutes").at("count") == 26);

    auto const& electricity = rep.at("reductions").at("electricity");
    CHECK(electricity.at("orders_reporting") == 2);
    for (auto const& row : electricity.at("rows"))
        CHECK(row.at("short") == (row.at("credit_code") == codes[1]));
    std::set<std::string> findings;
    for (auto const& f : rep.at("findings")) findings.insert(f.at("code").get<std::string>());
    CHECK(findings.count("never_acknowledged") == 1);
    CHECK(findings.count("acknowledged_late") == 1);
    CHECK(findings.count("under_warned") == 1);
    CHECK(findings.count("approval_late") == 0);

    // Rebuilt, the report is the same; building it changed nothing.
    CHECK(s.get("/v1/episodes/1/report", "auditor").body == rep);

    // The never-acknowledged list, paged: the same rows in the same order, three then one.
    auto const first = s.get("/v1/episodes/1/report/unacknowledged?limit=3");
    REQUIRE(first.status == 200);
    CHECK(first.body.at("total") == 4);
    CHECK(first.body.at("page") == 1);
    CHECK(first.body.at("items").size() == 3);
    CHECK(first.body.at("next") == "/v1/episodes/1/report/unacknowledged?page=2&limit=3");
    auto const second = s.get(first.body.at("next").get<std::string>(), "auditor");
    REQUIRE(second.status == 200);
    CHECK(second.body.at("next").is_null());
    json all = first.body.at("items");
    all.push_back(second.body.at("items").at(0));
    CHECK(all == rep.at("orders").at("never_acknowledged"));
    CHECK(s.get("/v1/episodes/1/report/unacknowledged?page=3&limit=3").body.at("items").empty());
    auto const bad_page = s.get("/v1/episodes/1/report/unacknowledged?page=0");
    CHECK(bad_page.status == 400);
    CHECK(bad_page.body.at("errors").at(0).at("pointer") == "/query/page");
    auto const bad_limit = s.get("/v1/episodes/1/report/unacknowledged?limit=1001");
    CHECK(bad_limit.status == 400);
    CHECK(bad_limit.body.at("errors").at(0).at("pointer") == "/query/limit");
    CHECK(s.get("/v1/episodes/1/report/unacknowledged?page=x").status == 400);
    CHECK(s.get("/v1/episodes/99/report/unacknowledged").status == 404);
    CHECK(s.get("/v1/episodes/99/report").status == 404);

    // The CSV: one row per order and termination notice, after the header.
    auto const csv = sh(std::string(HG_EXECUTABLE) + " report 1 --format csv --db " + s.db() + " --plan " + plan_file.string());
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 41);

    // The HTML, printed to PDF in headless chromium: charts present, Chinese text readable.
    auto const html = std::filesystem::path(s.db()).parent_path() / "report.html";
    int code = -1;
    sh(std::string(HG_EXECUTABLE) + " report 1 --format html --output " + html.string() + " --db " + s.db() +
           " --plan " + plan_file.string(), &code);
    REQUIRE(code == 0);
    auto const check = sh("bash " HG_SOURCE_DIR "/scripts/check-report-html.sh " + html.string() +
                              " 重污染天气应急响应后评估报告 时效性 发现的问题 晋阳示例焦化有限公司",
                          &code);
    INFO(check);
    CHECK(code == 0);
    std::filesystem::remove(plan_file);
}
