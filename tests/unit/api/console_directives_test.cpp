// The directive page (docs/console.md): recording a regional directive from its form (422 with
// the fields marked), lifting and cancelling it, who may; and the board's counts of the plants
// not yet reached and overdue in the episode in force.
#include "tests/unit/api/console_fixture.hpp"

namespace hazeguard::api::test {
namespace {

std::map<std::string, std::string> directive_form(std::string const& csrf, std::string const& idem) {
    return {{"csrf", csrf},           {"idem", idem},
            {"issuer", "shanxi"},     {"level", "orange"},
            {"start_at", "2026-12-14T08:00"}, {"reference", "晋环发〔2026〕12号"},
            {"note", "省厅电话通知"}};
}

}  // namespace

TEST_CASE("a duty officer records a directive from the directive page and lifts it", "[api][console]") {
    Api api;
    auto desk = staff_browser(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""});
    auto const empty = desk.get("/directives");
    REQUIRE(empty.status == 200);
    CHECK(contains(empty.raw, "尚无区域应急指令。"));
    CHECK(contains(empty.raw, "<form method=\"post\" action=\"/directives\""));
    CHECK(contains(empty.raw, "<a href=\"/directives\">区域指令</a>"));
    auto const csrf = ConsoleBrowser::csrf_of(empty);

    SECTION("1. a form without issuer level start and reference comes back 422 with each field marked") {
        auto const r = desk.post("/directives", {{"csrf", csrf}, {"idem", "d0"}, {"end_at", "2026-12-13T08:00"}});
        REQUIRE(r.status == 422);
        CHECK(contains(r.raw, "请检查标出的项目。"));
        for (char const* field : {"issuer", "level", "start_at", "reference"})
            CHECK(contains(r.raw, std::string("aria-describedby=\"") + field + "-error\""));
        CHECK(contains(r.raw, "请选择下达单位。"));
        CHECK(contains(r.raw, "请填写文号或标题"));
        CHECK(contains(r.raw, "value=\"2026-12-13T08:00\""));  // what was typed stays
        CHECK(api.get("/v1/directives", api.duty).body.at("items").empty());
    }
    SECTION("2. an end before the start is marked on the end") {
        auto form = directive_form(csrf, "d1");
        form["end_at"] = "2026-12-14T07:00";
        auto const r = desk.post("/directives", form);
        REQUIRE(r.status == 422);
        CHECK(contains(r.raw, "id=\"end_at-error\">结束时间须晚于生效时间"));
    }
    SECTION("3. recorded once from a form sent twice then in force on the page and the board then lifted") {
        auto const form = directive_form(csrf, "d2");
        auto const first = desk.post("/directives", form);
        REQUIRE(first.status == 303);
        CHECK(first.headers.get("Location") == "/directives");
        REQUIRE(desk.post("/directives", form).status == 303);
        auto const items = api.get("/v1/directives", api.duty).body.at("items");
        REQUIRE(items.size() == 1);
        CHECK(items[0].at("status") == "in_force");
        CHECK(items[0].at("recorded_by") == "值班员张伟");

        auto const page = desk.get("/directives");
        CHECK(contains(page.raw, "山西省"));
        CHECK(contains(page.raw, "晋环发〔2026〕12号"));
        CHECK(contains(page.raw, "<td>生效中</td>"));
        CHECK(contains(page.raw, "action=\"/directives/1/lift\""));
        auto const board = desk.get("/");
        CHECK(contains(board.raw, "山西省：橙色预警（Ⅱ级响应）（晋环发〔2026〕12号）"));

        REQUIRE(desk.post("/directives/1/lift", {{"csrf", csrf}, {"idem", "l1"}}).status == 303);
        CHECK(api.get("/v1/directives/1", api.duty).body.at("status") == "ended");
        auto const lifted = desk.get("/directives");
        CHECK(contains(lifted.raw, "<td>已结束</td>"));
        CHECK_FALSE(contains(lifted.raw, "action=\"/directives/1/lift\""));
        auto const again = desk.post("/directives/1/lift", {{"csrf", csrf}, {"idem", "l2"}});
        CHECK(again.status == 409);
        CHECK(contains(again.raw, "区域指令已结束"));
    }
    SECTION("4. a directive that has not started is cancelled") {
        auto form = directive_form(csrf, "d3");
        form["start_at"] = "2026-12-16T00:00";
        REQUIRE(desk.post("/directives", form).status == 303);
        auto const page = desk.get("/directives");
        CHECK(contains(page.raw, "<td>待生效</td>"));
        CHECK(contains(page.raw, ">撤销</button>"));
        REQUIRE(desk.post("/directives/1/lift", {{"csrf", csrf}, {"idem", "l3"}}).status == 303);
        CHECK(contains(desk.get("/directives").raw, "<td>已撤销</td>"));
    }
    SECTION("5. without the CSRF token nothing is recorded nor lifted") {
        auto form = directive_form("", "d4");
        form.erase("csrf");
        CHECK(desk.post("/directives", form).status == 403);
        CHECK(desk.post("/directives/1/lift", {{"idem", "l4"}}).status == 403);
        CHECK(api.get("/v1/directives", api.duty).body.at("items").empty());
    }
    SECTION("6. a directive that does not exist cannot be lifted") {
        CHECK(desk.post("/directives/9/lift", {{"csrf", csrf}, {"idem", "l5"}}).status == 404);
    }
}

TEST_CASE("an approver reads the directives but may not record or lift one", "[api][console]") {
    Api api;
    REQUIRE(api.post("/v1/directives", {{"issuer", "MEE"}, {"level", "yellow"}, {"start_at", at(1, "08:00")}, {"reference", "环办大气函〔2026〕3号"}},
                     api.duty)
                .status == 201);
    auto reader = staff_browser(api, "liming", {"副市长李明", "approver", "deputy_mayor", ""});
    auto const page = reader.get("/directives");
    REQUIRE(page.status == 200);
    CHECK(contains(page.raw, "生态环境部"));
    CHECK_FALSE(contains(page.raw, "action=\"/directives\""));
    CHECK_FALSE(contains(page.raw, "/lift\""));
    auto const csrf = ConsoleBrowser::csrf_of(page);
    CHECK(reader.post("/directives", directive_form(csrf, "x1")).status == 403);
    CHECK(reader.post("/directives/1/lift", {{"csrf", csrf}, {"idem", "x2"}}).status == 403);
    CHECK(api.get("/v1/directives/1", api.duty).body.at("status") == "in_force");
}

TEST_CASE("the board counts the plants not yet reached and overdue and links to them", "[api][console]") {
    Api api;
    auto desk = staff_browser(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""});
    CHECK_FALSE(contains(desk.get("/").raw, "n-not-reached"));  // no episode in force
    warning_with_orders(api);
    auto const total = api.get("/v1/episodes/1/progress", api.duty).body.at("counts").at("total").get<std::int64_t>();
    REQUIRE(total > 0);
    auto const board = desk.get("/");
    // No plant of the sample list has a text or webhook channel here: none is reached.
    CHECK(contains(board.raw, "<a href=\"/episodes/1?reached=false#orders\">尚未送达<strong class=\"n-not-reached\">" +
                                  std::to_string(total) + "</strong>家</a>"));
    CHECK(contains(board.raw, "<a href=\"/episodes/1?overdue=ack#orders\">签收逾期<strong class=\"n-ack-overdue\">0</strong>家</a>"));
    CHECK(contains(board.raw, "<a href=\"/episodes/1?overdue=execution#orders\">执行报告逾期<strong class=\"n-execution-overdue\">0</strong>家</a>"));
}

}  // namespace hazeguard::api::test
