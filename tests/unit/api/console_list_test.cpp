// The list pages (docs/console.md): the version in force by grade and district, a file checked
// (the problem table in Chinese) and imported with its form key, the versions and what changed
// between two; who may import, CSRF, media types.
#include "tests/unit/api/console_fixture.hpp"

namespace hazeguard::api::test {
namespace {

ConsoleBrowser list_desk(Api& api, std::string const& login = "zhangwei", std::string const& role = "duty_officer") {
    create_account(api, login, {"值班员张伟", role, "", ""});
    ConsoleBrowser browser{api, ""};
    REQUIRE(browser.sign_in(login, kConsolePassword).status == 303);
    return browser;
}

// A file as lists.js sends it: its bytes, its Content-Type, the CSRF token and the form key.
Reply send_file(ConsoleBrowser& b, std::string const& target, std::string const& body, std::string const& type,
                std::string const& csrf, std::string const& idem = "") {
    Request r;
    r.method = "POST";
    r.target = target;
    r.body = body;
    r.headers.set("Content-Type", type);
    if (!csrf.empty()) r.headers.set("X-CSRF-Token", csrf);
    if (!idem.empty()) r.headers.set("Idempotency-Key", idem);
    r.headers.set("Cookie", "hg_session=" + b.cookie);
    auto const out = b.api.handle(std::move(r));
    json body_json = out.content_type.rfind("application/json", 0) == 0 ? json::parse(out.body) : json(nullptr);
    return Reply{out.status, body_json, out.body, out.content_type, out.headers};
}

std::string idem_of(Reply const& page) {
    auto const at = page.raw.find("name=\"idem\" value=\"");
    REQUIRE(at != std::string::npos);
    auto const start = at + 19;
    return page.raw.substr(start, page.raw.find('"', start) - start);
}

TEST_CASE("the list page checks a file shows its problems and imports a clean one", "[api][console]") {
    Api api;
    auto desk = list_desk(api);
    auto const empty = desk.get("/lists");
    REQUIRE(empty.status == 200);
    CHECK(contains(empty.raw, "尚未导入应急减排清单"));
    CHECK(contains(empty.raw, "<a href=\"/lists\">减排清单</a>"));
    auto const csrf = ConsoleBrowser::csrf_of(empty);
    auto const idem = idem_of(empty);

    auto faulty = json::parse(sample_list());
    faulty["enterprises"][2]["credit_code"] = "91140122MA0TE00031";
    faulty["enterprises"][4]["grade"] = "E";
    auto const check = send_file(desk, "/lists/check", faulty.dump(), "application/json", csrf);
    INFO(check.raw);
    REQUIRE(check.status == 200);
    CHECK(check.body.at("clean") == false);
    auto const table = check.body.at("html").get<std::string>();
    CHECK(contains(table, "发现2处问题，清单未导入"));
    CHECK(contains(table, "<td>第3家</td><td>统一社会信用代码</td><td>统一社会信用代码校验位错误"));
    CHECK(contains(table, "<td>第5家</td><td>绩效分级</td><td>绩效分级“E”不在预案规定范围内"));
    CHECK(send_file(desk, "/lists/check", "{\"enterprises\": [", "application/json", csrf).body.at("clean") == false);
    auto const csv = send_file(desk, "/lists/check", "credit_code\n", "text/csv", csrf);
    CHECK(contains(csv.body.at("html").get<std::string>(), "表头"));

    auto const clean = send_file(desk, "/lists/check", sample_list(), "application/json", csrf);
    REQUIRE(clean.body.at("clean") == true);
    CHECK(contains(clean.body.at("html").get<std::string>(), "检查通过：共10家企业"));
    CHECK(desk.get("/lists").raw.find("现行清单") == std::string::npos);  // a check stores nothing

    auto const imported = send_file(desk, "/lists/import", sample_list(), "application/json", csrf, idem);
    INFO(imported.raw);
    REQUIRE(imported.status == 200);
    CHECK(imported.body.at("location") == "/lists?imported=1");
    auto const again = send_file(desk, "/lists/import", sample_list(), "application/json", csrf, idem);
    CHECK(again.body.at("location") == "/lists?imported=1");  // the same form key: done once
    auto const page = desk.get("/lists?imported=1");
    CHECK(contains(page.raw, "已导入清单第1版"));
    CHECK(contains(page.raw, "现行清单：<strong>第1版</strong>，共<strong>10</strong>家企业"));
    CHECK(contains(page.raw, "<caption>按绩效分级</caption>"));
    CHECK(contains(page.raw, "<tr><td>清徐县</td><td>2</td></tr>"));
    CHECK(contains(page.raw, "第1版（现行）"));

    // A faulty import is refused with the same table; the same list again makes no version.
    auto const refused = send_file(desk, "/lists/import", faulty.dump(), "application/json", csrf, idem_of(page));
    CHECK(refused.status == 422);
    CHECK(contains(refused.body.at("html").get<std::string>(), "发现2处问题"));
    auto const same = send_file(desk, "/lists/import", sample_list(), "application/json", csrf, idem_of(page));
    CHECK(same.body.at("location") == "/lists?unchanged=1");
}

TEST_CASE("the list pages compare two versions", "[api][console]") {
    Api api;
    auto const sample = sample_list();
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, sample, {{"Content-Type", "application/json"}}).status == 201);
    auto doc = json::parse(sample);
    doc["enterprises"][0]["grade"] = "A";
    doc["enterprises"].erase(9);
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, doc.dump(), {{"Content-Type", "application/json"}}).status == 201);
    auto auditor = list_desk(api, "chenjing", "auditor");
    auto const page = auditor.get("/lists");
    REQUIRE(page.status == 200);
    CHECK_FALSE(contains(page.raw, "导入新版清单"));  // staff read, operators import
    CHECK(contains(page.raw, "<option value=\"1\" selected>第1版</option>"));
    auto const changes = auditor.get("/lists/changes?from=1&to=2");
    INFO(changes.raw);
    REQUIRE(changes.status == 200);
    CHECK(contains(changes.raw, "新增<strong>0</strong>家，删除<strong>1</strong>家，变更<strong>1</strong>家"));
    CHECK(contains(changes.raw, "<td>太原示例热电有限公司</td><td>删除</td>"));
    CHECK(contains(changes.raw, "<td>变更</td><td>绩效分级：B → A</td>"));
    auto const paged = auditor.get("/lists/changes?from=1&to=2&limit=1");
    CHECK(contains(paged.raw, "<a href=\"/lists/changes?from=1&amp;to=2&amp;after=91140109MA0TE0010M\">下一页</a>"));
    CHECK(auditor.get("/lists/changes?from=1&to=7").status == 404);
    CHECK(auditor.get("/lists/changes?from=x&to=2").status == 400);

    auto const csrf = ConsoleBrowser::csrf_of(page);
    CHECK(send_file(auditor, "/lists/check", sample, "application/json", csrf).status == 403);
}

TEST_CASE("a list file needs the CSRF token a session and a list media type", "[api][console]") {
    Api api;
    auto desk = list_desk(api);
    auto const csrf = ConsoleBrowser::csrf_of(desk.get("/lists"));
    CHECK(send_file(desk, "/lists/check", sample_list(), "application/json", "").status == 403);
    CHECK(send_file(desk, "/lists/import", sample_list(), "application/json", "wrong").status == 403);
    CHECK(send_file(desk, "/lists/check", sample_list(), "multipart/form-data; boundary=x", csrf).status == 415);
    CHECK(send_file(desk, "/lists/check", sample_list(), "text/plain", csrf).status == 415);
    ConsoleBrowser stranger{api, ""};
    CHECK(stranger.get("/lists").status == 303);
    CHECK(send_file(stranger, "/lists/check", sample_list(), "application/json", csrf).status == 403);
    CHECK(api.get("/v1/enterprises", api.duty).status == 404);
}

}  // namespace
}  // namespace hazeguard::api::test
