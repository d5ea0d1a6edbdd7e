// The duty room's warning pages (docs/console.md): the consultation forecast form and its
// assessment, proposing from it, the approver's inbox with 签发 and 退回, the printable notice.
#include <regex>

#include "tests/unit/api/console_fixture.hpp"

namespace hazeguard::api::test {
namespace {

ConsoleBrowser duty_desk(Api& api) { return staff_browser(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""}); }
ConsoleBrowser deputy_desk(Api& api) { return staff_browser(api, "liming", {"副市长李明", "approver", "deputy_mayor", ""}); }

std::string hidden_value(std::string const& page, std::string const& name) {
    std::smatch m;
    REQUIRE(std::regex_search(page, m, std::regex("name=\"" + name + "\" value=\"([^\"]*)\"")));
    return m[1];
}

// Consultation C1 (domain.md §14) as the duty officer types it into the form.
std::map<std::string, std::string> c1_form(std::string const& csrf, std::string const& idem) {
    std::map<std::string, std::string> f{{"csrf", csrf}, {"idem", idem}, {"issued_at", "2026-12-14T10:00"}, {"issuer", "joint"}};
    int const values[7][3] = {{110, 128, 145}, {145, 162, 180}, {160, 178, 195}, {130, 146, 165}, {105, 120, 135}, {80, 95, 110}, {65, 80, 95}};
    for (int i = 0; i < 7; ++i) {
        auto const p = "d" + std::to_string(i) + "_";
        f[p + "date"] = date(i + 1);
        f[p + "low"] = std::to_string(values[i][0]);
        f[p + "central"] = std::to_string(values[i][1]);
        f[p + "high"] = std::to_string(values[i][2]);
        f[p + "pollutant"] = i < 5 ? "PM2.5" : "PM10";
    }
    return f;
}

std::map<std::string, std::string> yellow_form(std::string const& csrf, std::string const& idem, std::string const& forecast) {
    return {{"csrf", csrf}, {"idem", idem}, {"action", "issue"}, {"level", "yellow"}, {"start_at", "2026-12-15T00:00"},
            {"end_at", ""}, {"consultation_note", "省市联合会商：建议发布黄色预警。"}, {"forecast_id", forecast}};
}

}  // namespace

TEST_CASE("the duty officer enters the 7-day consultation and reads the assessment", "[api][console]") {
    Api api;
    auto desk = duty_desk(api);
    auto const form = desk.get("/forecast");
    REQUIRE(form.status == 200);
    CHECK(contains(form.raw, "<label class=\"visually-hidden\" for=\"d6_high\">第7天AQI上限</label>"));
    CHECK(contains(form.raw, "value=\"2026-12-14\""));  // today, in the plan's zone
    auto const csrf = ConsoleBrowser::csrf_of(form);

    auto const done = desk.post("/forecast", c1_form(csrf, hidden_value(form.raw, "idem")));
    REQUIRE(done.status == 303);
    CHECK(done.header("Location") == "/forecasts/1");
    auto const view = desk.get("/forecasts/1");
    REQUIRE(view.status == 200);
    CHECK(contains(view.raw, "<p class=\"level-name\">黄色预警（Ⅲ级响应）</p>"));
    CHECK(contains(view.raw, "日均AQI＞150持续2天（12月15日、12月16日）"));
    CHECK(contains(view.raw, "颗粒物路径"));
    CHECK(contains(view.raw, "12月14日10时"));
    // The proposal form is filled in as the assessment calls for: issue yellow from D2 00:00.
    CHECK(contains(view.raw, "<option value=\"issue\" selected>"));
    CHECK(contains(view.raw, "<option value=\"yellow\" selected>"));
    CHECK(contains(view.raw, "value=\"2026-12-15T00:00\""));
    CHECK(api.get("/v1/forecasts/1", api.duty).body.at("assessment").at("recommended_level").at("id") == "yellow");
}

TEST_CASE("the assessment previews as the form is typed and nothing is stored", "[api][console]") {
    Api api;
    auto desk = duty_desk(api);
    auto const form = desk.get("/forecast");
    CHECK(contains(form.raw, "data-preview=\"/forecast/preview\""));
    auto const csrf = ConsoleBrowser::csrf_of(form);
    auto const full = desk.post("/forecast/preview", c1_form(csrf, "p1"));
    REQUIRE(full.status == 200);
    CHECK(full.content_type == "application/json");
    auto const html = json::parse(full.raw).at("html").get<std::string>();
    CHECK(contains(html, "<p class=\"level-name\">黄色预警（Ⅲ级响应）</p>"));
    CHECK(contains(html, "日均AQI＞150持续2天（12月15日、12月16日）"));
    auto half = c1_form(csrf, "p2");
    half["d1_high"] = "";
    auto const partial = json::parse(desk.post("/forecast/preview", half).raw).at("html").get<std::string>();
    CHECK(contains(partial, "尚未填写完整：AQI上限须为0至500的整数，且不低于下限。"));
    auto no_csrf = c1_form("", "p3");
    no_csrf.erase("csrf");
    CHECK(desk.post("/forecast/preview", no_csrf).status == 403);
    CHECK(api.get("/v1/forecasts/1", api.duty).status == 404);
}

TEST_CASE("a forecast form with faults comes back 422 with the fields marked and what was typed", "[api][console]") {
    Api api;
    auto desk = duty_desk(api);
    auto const csrf = ConsoleBrowser::csrf_of(desk.get("/forecast"));
    auto typed = c1_form(csrf, "k1");
    typed["d2_high"] = "150";  // below its low (160)
    typed["d4_low"] = "很多";
    auto const refused = desk.post("/forecast", typed);
    CHECK(refused.status == 422);
    CHECK(contains(refused.raw, "id=\"d2_high-error\">AQI上限须为0至500的整数，且不低于下限。"));
    CHECK(contains(refused.raw, "id=\"d4_low-error\">AQI下限须为0至500的整数。"));
    CHECK(contains(refused.raw, "value=\"很多\""));
    CHECK(api.get("/v1/forecasts/1", api.duty).status == 404);

    auto no_csrf = c1_form("", "k2");
    no_csrf.erase("csrf");
    CHECK(desk.post("/forecast", no_csrf).status == 403);
    auto deputy = deputy_desk(api);
    auto const forbidden = deputy.get("/forecast");
    CHECK(forbidden.status == 403);
    CHECK(contains(forbidden.raw, "无权访问"));
    CHECK_FALSE(contains(deputy.get("/").raw, "href=\"/forecast\""));  // no menu entry the role cannot open
    CHECK(contains(desk.get("/").raw, "href=\"/forecast\""));
}

TEST_CASE("a proposal from the assessment is made once however often its form is sent", "[api][console]") {
    Api api;
    auto desk = duty_desk(api);
    auto const forecast = api.submit_forecast(forecast_c1());
    auto const page = desk.get("/forecasts/" + std::to_string(forecast));
    auto const csrf = ConsoleBrowser::csrf_of(page);
    auto const idem = hidden_value(page.raw, "idem");
    auto const first = desk.post("/proposals", yellow_form(csrf, idem, std::to_string(forecast)));
    REQUIRE(first.status == 303);
    CHECK(first.header("Location") == "/proposals/1");
    CHECK(desk.post("/proposals", yellow_form(csrf, idem, std::to_string(forecast))).header("Location") == "/proposals/1");
    auto const all = api.get("/v1/proposals", api.duty).body.at("items");
    REQUIRE(all.size() == 1);
    CHECK(all[0].at("start_at") == "2026-12-15T00:00:00+08:00");
    CHECK(all[0].at("open_ended") == true);
    CHECK(all[0].at("forecast_id") == forecast);

    auto const mine = desk.get("/proposals/1");
    CHECK(contains(mine.raw, "本审批单由您呈报，须由其他有签发权限的领导审批。"));
    CHECK_FALSE(contains(mine.raw, ">签发</button>"));

    auto missing = yellow_form(csrf, "other", std::to_string(forecast));
    missing["consultation_note"] = "";
    missing["level"] = "purple";
    auto const refused = desk.post("/proposals", missing);
    CHECK(refused.status == 422);
    CHECK(contains(refused.raw, "请填写会商意见。"));
    CHECK(contains(refused.raw, "请选择预警级别"));
    auto again = yellow_form(csrf, "third", std::to_string(forecast));
    auto const twice = desk.post("/proposals", again);  // the warning's state refuses a second issue only at the signature
    CHECK(twice.status == 303);
}

TEST_CASE("the deputy mayor signs from the inbox and the notice prints", "[api][console]") {
    Api api;
    auto const forecast = api.submit_forecast(forecast_c1());
    api.propose(issue_yellow(forecast));
    auto deputy = deputy_desk(api);
    auto const inbox = deputy.get("/proposals");
    REQUIRE(inbox.status == 200);
    CHECK(contains(inbox.raw, "审批单第1号：发布黄色预警（Ⅲ级响应）"));
    CHECK(contains(inbox.raw, ">签发</button>"));
    CHECK(contains(inbox.raw, ">退回</button>"));
    auto const csrf = ConsoleBrowser::csrf_of(inbox);
    CHECK(deputy.post("/proposals/1/approve", {{"note", "同意"}, {"idem", "x"}}).status == 403);  // no CSRF token
    auto const signed_ = deputy.post("/proposals/1/approve", {{"csrf", csrf}, {"idem", hidden_value(inbox.raw, "idem")}, {"note", "同意"}});
    REQUIRE(signed_.status == 303);
    CHECK(signed_.header("Location") == "/proposals/1");
    CHECK(api.get("/v1/proposals/1", api.duty).body.at("status") == "approved");
    auto const page = deputy.get("/proposals/1");
    CHECK(contains(page.raw, "已签发"));
    CHECK(contains(page.raw, "副市长李明"));
    CHECK(contains(page.raw, "href=\"/proposals/1/notice\""));
    CHECK(contains(page.raw, "并环委办发〔2026〕1号"));
    auto const notice = deputy.get("/proposals/1/notice");
    REQUIRE(notice.status == 200);
    CHECK(contains(notice.raw, "黄色预警"));
    CHECK_FALSE(contains(notice.header("Content-Security-Policy").value_or(""), "script-src"));
    auto const late = deputy.post("/proposals/1/approve", {{"csrf", csrf}, {"idem", "again"}});
    CHECK(late.status == 409);
    CHECK(contains(late.raw, "此审批单已签发或退回"));
}

TEST_CASE("a return needs a reason, the proposer never signs, and a duty officer may not sign at all", "[api][console]") {
    Api api;
    auto const forecast = api.submit_forecast(forecast_c1());
    api.propose(issue_yellow(forecast));
    auto deputy = deputy_desk(api);
    auto const csrf = ConsoleBrowser::csrf_of(deputy.get("/proposals/1"));
    auto const no_reason = deputy.post("/proposals/1/reject", {{"csrf", csrf}, {"idem", "r1"}, {"reason", ""}});
    CHECK(no_reason.status == 422);
    CHECK(contains(no_reason.raw, "退回须写明理由。"));
    REQUIRE(deputy.post("/proposals/1/reject", {{"csrf", csrf}, {"idem", "r2"}, {"reason", "请补充会商纪要"}}).status == 303);
    auto const returned = deputy.get("/proposals/1");
    CHECK(contains(returned.raw, "已退回"));
    CHECK(contains(returned.raw, "理由：请补充会商纪要"));

    // An approver account under the proposer's own name sees no sign button, and is refused.
    api.propose(issue_yellow(forecast));
    auto same = staff_browser(api, "zhangwei-signer", {"值班员张伟", "approver", "mayor", ""});
    auto const own = same.get("/proposals/2");
    CHECK_FALSE(contains(own.raw, ">签发</button>"));
    auto const refused = same.post("/proposals/2/approve", {{"csrf", ConsoleBrowser::csrf_of(own)}, {"idem", "s"}});
    CHECK(refused.status == 403);
    CHECK(contains(refused.raw, "不能审批本人呈报的审批单"));
    CHECK(api.get("/v1/proposals/2", api.duty).body.at("status") == "pending");

    auto desk = duty_desk(api);
    CHECK_FALSE(contains(desk.get("/proposals").raw, ">签发</button>"));
    auto const duty_sign = desk.post("/proposals/2/approve", {{"csrf", ConsoleBrowser::csrf_of(desk.get("/proposals"))}});
    CHECK(duty_sign.status == 403);
    CHECK(contains(duty_sign.raw, "无权访问"));
}

TEST_CASE("a level other than the assessment's needs its reason and the proposal shows the reductions against the target", "[api][console]") {
    Api api;
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, sample_list(), {{"Content-Type", "application/json"}}).status == 201);
    auto desk = duty_desk(api);
    auto const forecast = api.submit_forecast(forecast_c1());
    auto const page = desk.get("/forecasts/" + std::to_string(forecast));
    CHECK(contains(page.raw, "<label for=\"justification\">"));
    auto orange = yellow_form(ConsoleBrowser::csrf_of(page), "o1", std::to_string(forecast));
    orange["level"] = "orange";
    auto const refused = desk.post("/proposals", orange);
    CHECK(refused.status == 422);
    CHECK(contains(refused.raw, "所选级别与研判结果不一致，请写明理由。"));
    orange["justification"] = "区域联动要求";
    orange["idem"] = "o2";
    REQUIRE(desk.post("/proposals", orange).status == 303);
    auto const shown = desk.get("/proposals/1");
    CHECK(contains(shown.raw, "所选级别与研判结果不一致，理由：区域联动要求"));
    CHECK(contains(shown.raw, "<caption>减排计划与预案目标（按现行应急减排清单）</caption>"));
    CHECK(std::regex_search(shown.raw, std::regex("<td>PM</td><td>[0-9.]+</td><td>[0-9.]+%</td><td>[0-9]+%</td><td>(未)?达到</td>")));
}

}  // namespace hazeguard::api::test
