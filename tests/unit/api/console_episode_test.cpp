// The episode pages (docs/console.md): progress by district × industry × grade kept current by
// the poll of progress.json, the orders filtered and as CSV, the printable documents, and the
// plant's execution report from its phone page.
#include <regex>

#include "tests/unit/api/console_fixture.hpp"

namespace hazeguard::api::test {
namespace {

ConsoleBrowser episode_desk(Api& api) { return staff_browser(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""}); }

std::string digest_of(std::string const& json_text) { return json::parse(json_text).at("digest").get<std::string>(); }

}  // namespace

TEST_CASE("the episode page shows progress by district industry and grade and its poll sees an acknowledgement", "[api][console]") {
    Api api;
    auto const link = warning_with_orders(api);
    auto desk = episode_desk(api);
    auto const list = desk.get("/episodes");
    REQUIRE(list.status == 200);
    CHECK(contains(list.raw, "<a href=\"/episodes/1\">第1号</a>"));
    auto const page = desk.get("/episodes/1");
    REQUIRE(page.status == 200);
    CHECK(contains(page.raw, "<caption>按区县</caption>"));
    CHECK(contains(page.raw, "<caption>按行业</caption>"));
    CHECK(contains(page.raw, "<caption>按绩效等级</caption>"));
    CHECK(contains(page.raw, "已签收<strong class=\"n-ack\">0</strong>家"));
    CHECK(contains(page.raw, "<svg class=\"stack\""));
    CHECK(contains(page.raw, "<title id=\"map-title\">各区县企业签收比例示意图</title>"));
    CHECK(contains(page.raw, "data-live=\"/episodes/1/progress.json\""));
    CHECK(contains(page.raw, "晋阳示例焦化有限公司"));
    // No plant has a text or webhook channel here: each row says nothing was sent, and every plant
    // is among those not yet reached.
    CHECK(contains(page.raw, "<th scope=\"col\">送达</th>"));
    CHECK(contains(page.raw, "<td>未发送</td>"));
    CHECK(contains(page.raw, "href=\"/episodes/1?reached=false#orders\">尚未送达的企业</a>"));
    CHECK(contains(desk.get("/episodes/1?reached=false").raw, "晋阳示例焦化有限公司"));
    CHECK_FALSE(contains(desk.get("/episodes/1?reached=true").raw, "晋阳示例焦化有限公司"));
    CHECK(contains(page.raw, "时间线"));

    auto const first = desk.get("/episodes/1/progress.json");
    REQUIRE(first.status == 200);
    CHECK(first.content_type == "application/json");
    auto const digest = digest_of(first.raw);
    CHECK(contains(page.raw, "data-digest=\"" + digest + "\""));
    auto const same = desk.get("/episodes/1/progress.json?digest=" + digest);
    CHECK_FALSE(json::parse(same.raw).contains("html"));  // nothing changed: nothing sent

    ConsoleBrowser phone{api, ""};
    REQUIRE(phone.post(link + "/ack", {{"by", "王建国"}, {"phone", "0351-5710001"}, {"idem", "a1"}}).status == 303);
    auto const changed = json::parse(desk.get("/episodes/1/progress.json?digest=" + digest).raw);
    CHECK(changed.at("digest") != digest);
    auto const section = changed.at("html").get<std::string>();
    CHECK(contains(section, "已签收<strong class=\"n-ack\">1</strong>家"));
    // The cartogram: 清徐县 has the coking plant acknowledged among its sample plants; 娄烦县 none.
    CHECK(contains(section, ">清徐县</text><text class=\"t"));
    CHECK(contains(section, "<text class=\"tn\" x=\"50\" y=\"112\" text-anchor=\"middle\">无企业</text>"));

    auto const acked = desk.get("/episodes/1?status=acknowledged");
    CHECK(contains(acked.raw, "王建国"));
    CHECK(contains(acked.raw, "<option value=\"acknowledged\" selected>"));
    CHECK_FALSE(contains(desk.get("/episodes/1?status=sent").raw, "王建国"));
}

TEST_CASE("the orders export as CSV with the page's filters and documents open printable", "[api][console]") {
    Api api;
    auto const link = warning_with_orders(api);
    auto desk = episode_desk(api);
    auto const csv = desk.get("/episodes/1/orders.csv");
    REQUIRE(csv.status == 200);
    CHECK(csv.content_type == "text/csv; charset=utf-8");
    CHECK(contains(csv.header("Content-Disposition").value_or(""), "attachment"));
    CHECK(csv.raw.rfind("\xEF\xBB\xBF指令编号,企业名称", 0) == 0);
    CHECK(contains(csv.raw, "晋阳示例焦化有限公司"));
    auto const lines = std::count(csv.raw.begin(), csv.raw.end(), '\n');
    CHECK(lines > 2);
    auto const none = desk.get("/episodes/1/orders.csv?status=executed");
    CHECK(std::count(none.raw.begin(), none.raw.end(), '\n') == 1);  // the header only

    auto const order = desk.get("/orders/1/print");
    REQUIRE(order.status == 200);
    CHECK(contains(order.raw, "一厂一策"));
    CHECK(contains(order.header("Content-Security-Policy").value_or(""), "default-src 'none'"));
    auto const report = desk.get("/episodes/1/report");
    CHECK(report.status == 200);
    CHECK(contains(report.raw, "<html"));
    CHECK(desk.get("/episodes/99").status == 404);
    ConsoleBrowser anonymous{api, ""};
    CHECK(anonymous.get("/episodes/1/orders.csv").status == 303);  // to the sign-in
}

TEST_CASE("after 签收 the plant reports execution from its phone page", "[api][console]") {
    Api api;
    auto const link = warning_with_orders(api);
    ConsoleBrowser phone{api, ""};
    CHECK_FALSE(contains(phone.get(link).raw, "<h2>报告执行情况</h2>"));  // not before the acknowledgement
    REQUIRE(phone.post(link + "/ack", {{"by", "王建国"}, {"phone", "0351-5710001"}, {"idem", "a1"}}).status == 303);
    auto const page = phone.get(link);
    REQUIRE(contains(page.raw, "<h2>报告执行情况</h2>"));
    CHECK(contains(page.raw, "<legend>生产线 CO-1</legend>"));
    CHECK(contains(page.raw, "<label for=\"meter0_kwh\">电表1读数（千瓦时）</label>"));

    std::map<std::string, std::string> report{{"idem", "e1"}, {"line0_id", "CO-1"}, {"line0_status", "limited"},
                                              {"meter0_id", "EM-CO1-PUSH"}, {"meter0_kwh", "八百"}, {"exec_note", "已按要求限产"}};
    auto const refused = phone.post(link + "/execution", report);
    CHECK(refused.status == 422);
    CHECK(contains(refused.raw, "电量须为不小于0的数字（千瓦时）。"));
    CHECK(contains(refused.raw, "value=\"八百\""));
    report["meter0_kwh"] = "812.5";
    auto const done = phone.post(link + "/execution", report);
    REQUIRE(done.status == 303);
    CHECK(done.header("Location") == link + "#execution");
    CHECK(phone.post(link + "/execution", report).status == 303);  // the same form again: replayed
    auto const order = api.get("/v1/orders/1", api.duty).body;
    CHECK(order.at("status") == "executed");
    CHECK(order.at("execution").at("lines")[0].at("status") == "limited");
    CHECK(order.at("execution").at("electricity")[0].at("kwh") == 812.5);
    CHECK(order.at("execution").at("note") == "已按要求限产");
    auto const reported = phone.get(link).raw;
    CHECK(contains(reported, "已于"));
    CHECK(contains(reported, "value=\"EM-CO1-PUSH\""));  // the last report's readings, to update

    report["line0_id"] = "XX-9";
    report["idem"] = "e2";
    auto const unknown = phone.post(link + "/execution", report);
    CHECK(unknown.status == 422);
    CHECK(contains(unknown.raw, "该企业没有这条生产线。"));
}

}  // namespace hazeguard::api::test
