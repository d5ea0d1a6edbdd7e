// The console's pages (docs/console.md): the status board and its wall view from the services'
// views, the plant's order page from its one-time link with its 签收 form, the embedded assets,
// and the security headers every page carries.
#include <regex>

#include "tests/unit/api/console_fixture.hpp"

namespace hazeguard::api::test {
namespace {

ConsoleBrowser signed_in_duty_officer(Api& api) {
    create_account(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""});
    ConsoleBrowser browser{api, ""};
    REQUIRE(browser.sign_in("zhangwei", kConsolePassword).status == 303);
    return browser;
}

void import_console_sample(Api& api) {
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, sample_list(), {{"Content-Type", "application/json"}}).status == 201);
}

std::string coking_link(Api& api) {
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", "91140121MA0TE00013");
    auto const mine = api.get("/v1/me/orders", coking).body.at("items");
    REQUIRE_FALSE(mine.empty());
    return "/o/" + mine[0].at("link").get<std::string>().substr(std::string("/v1/links/").size());
}

}  // namespace

TEST_CASE("the status board shows the pending proposal with its deadline, then the level in force and why", "[api][console]") {
    Api api;
    auto browser = signed_in_duty_officer(api);
    auto const forecast = api.submit_forecast(forecast_c1());
    api.propose(issue_yellow(forecast));
    auto const pending = browser.get("/");
    REQUIRE(pending.status == 200);
    CHECK(contains(pending.raw, "<td><a href=\"/proposals/1\">第1号</a></td><td>发布黄色预警（Ⅲ级响应）</td><td>12月15日0时</td><td>值班员张伟</td>"));
    CHECK(contains(pending.raw, ">12月14日12时</time><span class=\"countdown\" data-due=\"2026-12-14T12:00:0"));  // the 2 h deadline
    CHECK(contains(pending.raw, "预警已批准") == false);

    REQUIRE(api.approve(1, api.deputy_mayor, {{"note", "同意"}}).status == 200);
    auto const scheduled = browser.get("/");
    CHECK(contains(scheduled.raw, "预警已批准，待生效"));
    CHECK(contains(scheduled.raw, "发布黄色预警（Ⅲ级响应），<time datetime=\"2026-12-15T00:00:00+08:00\">12月15日0时</time>生效"));
    CHECK(contains(scheduled.raw, "<td>预警生效</td><td>审批单第1号</td>"));
    CHECK(contains(scheduled.raw, "无待审批事项"));

    Api other;
    auto desk = signed_in_duty_officer(other);
    other.active_warning("orange");
    auto const active = desk.get("/");
    CHECK(contains(active.raw, "level-orange"));
    CHECK(contains(active.raw, "<p class=\"level-name\">橙色预警（Ⅱ级响应）</p>"));
    CHECK(contains(active.raw, "审批单第"));
    CHECK(contains(active.raw, "市长王强于"));
    CHECK(contains(active.raw, "<a href=\"/episodes/1\">本次污染过程第1号"));
}

TEST_CASE("the wall view refreshes by itself, and pages load only this origin's script and style", "[api][console]") {
    Api api;
    auto browser = signed_in_duty_officer(api);
    auto const wall = browser.get("/wall");
    REQUIRE(wall.status == 200);
    CHECK(contains(wall.raw, "<body class=\"wall\" data-refresh=\"30\">"));
    CHECK_FALSE(contains(browser.get("/").raw, "data-refresh"));

    auto const csp = wall.header("Content-Security-Policy").value_or("");
    CHECK(contains(csp, "default-src 'none'"));
    CHECK(contains(csp, "script-src 'self'"));
    CHECK(contains(csp, "frame-ancestors 'none'"));
    CHECK_FALSE(contains(csp, "unsafe-inline"));
    CHECK(wall.header("X-Content-Type-Options") == "nosniff");
    CHECK(wall.header("Cache-Control") == "no-store");
    CHECK_FALSE(std::regex_search(wall.raw, std::regex("<script>|<style|style=|onclick=|https?://")));

    std::smatch css, js;
    REQUIRE(std::regex_search(wall.raw, css, std::regex("href=\"(/assets/console-[0-9a-f]{12}\\.css)\"")));
    REQUIRE(std::regex_search(wall.raw, js, std::regex("src=\"(/assets/console-[0-9a-f]{12}\\.js)\"")));
    ConsoleBrowser anonymous{api, ""};
    auto const style = anonymous.get(css[1]);
    REQUIRE(style.status == 200);
    CHECK(style.content_type == "text/css; charset=utf-8");
    CHECK(style.header("Cache-Control") == "public, max-age=31536000, immutable");
    CHECK(contains(style.raw, "body.wall"));
    auto const script = anonymous.get(js[1]);
    CHECK(script.content_type == "text/javascript; charset=utf-8");
    CHECK(contains(script.raw, "countdown"));
    CHECK(contains(script.raw, "data-refresh"));
    CHECK(anonymous.get("/assets/console.css").status == 404);  // only under its content's name
}

TEST_CASE("a plant opens its order from the link and acknowledges it with the 签收 button", "[api][console]") {
    Api api;
    import_console_sample(api);
    api.active_warning("yellow");
    auto const link = coking_link(api);
    ConsoleBrowser phone{api, ""};
    auto const page = phone.get(link);
    REQUIRE(page.status == 200);
    CHECK(page.header("Referrer-Policy") == "no-referrer");
    CHECK(contains(page.raw, "name=\"viewport\" content=\"width=device-width, initial-scale=1\""));
    CHECK(contains(page.raw, "晋阳示例焦化有限公司"));
    CHECK(contains(page.raw, "<dt>预警级别</dt><dd>黄色预警（Ⅲ级响应）</dd>"));
    CHECK(contains(page.raw, "涉及生产线：CO-1、CO-2"));
    CHECK(contains(page.raw, "重污染天气应急减排指令（一厂一策）"));  // the order in full
    CHECK(contains(page.raw, "<button type=\"submit\" class=\"primary big\">签收</button>"));

    auto const refused = phone.post(link + "/ack", {{"by", ""}, {"phone", "12"}});
    CHECK(refused.status == 422);
    CHECK(contains(refused.raw, "请填写签收人姓名"));
    CHECK(contains(refused.raw, "请填写签收人的联系电话"));
    CHECK(contains(refused.raw, "value=\"12\""));

    auto const acknowledged = phone.post(link + "/ack", {{"by", "王建国"}, {"phone", "0351-5710001"}, {"note", "已安排"}});
    REQUIRE(acknowledged.status == 303);
    CHECK(acknowledged.header("Location") == link);
    auto const after = phone.get(link);
    CHECK(contains(after.raw, "已签收：王建国"));
    CHECK_FALSE(contains(after.raw, ">签收</button>"));
    auto const order = api.get("/v1/orders/1", api.duty).body;
    CHECK(order.at("acknowledgement").at("channel") == "link");
    CHECK(order.at("acknowledgement").at("note") == "已安排");
}

TEST_CASE("a superseded order's page says so and leads to the current one, and bad links get a Chinese page", "[api][console]") {
    Api api;
    import_console_sample(api);
    api.active_warning("yellow");
    auto const yellow = coking_link(api);
    auto const up = api.propose({{"action", "upgrade"}, {"level", "orange"}, {"start_at", at(1, "09:00")}, {"consultation_note", "升级"}});
    REQUIRE(api.approve(up, api.mayor).status == 200);
    ConsoleBrowser phone{api, ""};
    auto const old = phone.get(yellow);
    REQUIRE(old.status == 200);
    CHECK(contains(old.raw, "本指令已被新的指令替代"));
    CHECK_FALSE(contains(old.raw, ">签收</button>"));
    std::smatch current;
    REQUIRE(std::regex_search(old.raw, current, std::regex("<a href=\"(/o/[^\"]+)\">查看最新指令</a>")));
    auto const now = phone.get(current[1]);
    CHECK(contains(now.raw, "橙色预警（Ⅱ级响应）"));
    CHECK(contains(now.raw, ">签收</button>"));
    CHECK(phone.post(yellow + "/ack", {{"by", "王建国"}, {"phone", "0351-5710001"}}).status == 409);

    auto const forged = phone.get("/o/1.9999999999.forged");
    CHECK(forged.status == 404);
    CHECK(forged.content_type == "text/html; charset=utf-8");
    CHECK(contains(forged.raw, "链接无效"));
    Request json_body;
    json_body.method = "POST";
    json_body.target = current[1].str() + "/ack";
    json_body.headers.set("Content-Type", "application/json");
    json_body.body = R"({"by":"王建国","phone":"0351-5710001"})";
    auto const refused = api.handle(std::move(json_body));
    CHECK(refused.status == 415);
    CHECK(contains(refused.body, "请从页面上的表单提交"));
    Request bad;
    bad.method = "POST";
    bad.target = current[1].str() + "/ack";
    bad.headers.set("Content-Type", "application/x-www-form-urlencoded");
    bad.body = "by=%ff%fe&phone=1234567";
    CHECK(api.handle(std::move(bad)).status == 400);
}

}  // namespace hazeguard::api::test
