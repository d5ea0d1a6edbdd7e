// The emission-reduction list over HTTP: PUT /v1/enterprises (all or nothing, dry run, same list
// twice), GET /v1/enterprises and /v1/enterprises/{code} with the enterprise's own-entry rule.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

Reply put_list(Api& api, std::string const& body, std::string const& token, std::string const& query = "",
               std::string const& type = "application/json") {
    return api.send("PUT", "/v1/enterprises" + query, token, body, {{"Content-Type", type}});
}

TEST_CASE("PUT /v1/enterprises imports the list all or nothing", "[api][lists]") {
    Api api;
    auto const list = sample_list();
    CHECK(is_problem(api.get("/v1/enterprises", api.duty), 404, "/problems/not-found"));

    SECTION("1. roles and media types") {
        CHECK(is_problem(put_list(api, list, api.department), 403, "/problems/forbidden-role"));
        CHECK(is_problem(put_list(api, list, api.mayor), 403, "/problems/forbidden-role"));
        CHECK(is_problem(put_list(api, list, api.enterprise), 403, "/problems/forbidden-role"));
        CHECK(is_problem(put_list(api, list, api.duty, "", "text/plain"), 415, "/problems/unsupported-media-type"));
        CHECK(is_problem(put_list(api, list, ""), 401, "/problems/unauthenticated"));
    }
    SECTION("2. a dry run validates and stores nothing") {
        auto const r = put_list(api, list, api.admin, "?dry_run=true");
        INFO(r.raw);
        REQUIRE(r.status == 200);
        CHECK(r.body.at("dry_run") == true);
        CHECK(r.body.at("count") == 10);
        CHECK(r.body.at("sha256").get<std::string>().size() == 64);
        CHECK(api.get("/v1/enterprises", api.duty).status == 404);
    }
    SECTION("3. a new version, then the same list again creates none") {
        auto const first = put_list(api, list, api.duty);
        INFO(first.raw);
        REQUIRE(first.status == 201);
        CHECK(first.header("Location") == std::optional<std::string>("/v1/enterprises"));
        CHECK(first.body.at("version") == 1);
        CHECK(first.body.at("count") == 10);
        CHECK(first.body.at("imported_by") == "值班员张伟");
        CHECK(first.body.at("drill") == true);
        auto const again = put_list(api, list, api.admin);
        CHECK(again.status == 200);
        CHECK(again.body.at("version") == 1);
    }
    SECTION("4. a list with problems is refused whole (422 invalid-list)") {
        REQUIRE(put_list(api, list, api.duty).status == 201);
        auto doc = json::parse(list);
        doc["enterprises"][1]["credit_code"] = doc["enterprises"][0]["credit_code"];
        doc["enterprises"][2]["grade"] = "E";
        doc["enterprises"][3]["colour"] = "grey";
        auto const r = put_list(api, doc.dump(), api.duty);
        INFO(r.raw);
        CHECK(is_problem(r, 422, "/problems/invalid-list"));
        auto const p = r.pointers();
        CHECK(std::find(p.begin(), p.end(), "/enterprises/1/credit_code") != p.end());
        CHECK(std::find(p.begin(), p.end(), "/enterprises/2/grade") != p.end());
        CHECK(std::find(p.begin(), p.end(), "/enterprises/3/colour") != p.end());
        CHECK(r.body.at("problem_count") == p.size());
        CHECK(api.get("/v1/enterprises", api.duty).body.at("version") == 1);
        CHECK(is_problem(put_list(api, "{\"enterprises\": [", api.duty), 400, "/problems/malformed-json"));
        CHECK(is_problem(put_list(api, "{\"enterprises\": []}", api.duty), 422, "/problems/invalid-list"));
    }
    SECTION("5. Idempotency-Key applies to PUT as well") {
        auto const a = api.send("PUT", "/v1/enterprises", api.duty, list,
                                {{"Content-Type", "application/json"}, {"Idempotency-Key", "list-2026"}});
        REQUIRE(a.status == 201);
        auto doc = json::parse(list);
        doc["enterprises"].erase(9);
        auto const b = api.send("PUT", "/v1/enterprises", api.duty, doc.dump(),
                                {{"Content-Type", "application/json"}, {"Idempotency-Key", "list-2026"}});
        CHECK(is_problem(b, 422, "/problems/idempotency-key-reused"));
    }
}

TEST_CASE("the current list and its enterprises", "[api][lists]") {
    Api api;
    REQUIRE(put_list(api, sample_list(), api.admin).status == 201);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", "91140121MA0TE00013");

    auto const summary = api.get("/v1/enterprises", api.auditor);
    REQUIRE(summary.status == 200);
    CHECK(summary.body.at("version") == 1);
    for (auto const* level : {"yellow", "orange", "red"}) {
        INFO(level);
        auto const& plan = summary.body.at("levels").at(level);
        CHECK(plan.at("list_version") == 1);
        CHECK(plan.at("enterprises").get<int>() > 0);
        CHECK(plan.at("pollutants").contains("NOx"));
    }
    int total = 0;
    for (auto const& [district, n] : summary.body.at("by_district").items()) total += n.get<int>();
    CHECK(total == 10);
    CHECK(is_problem(api.get("/v1/enterprises", coking), 403, "/problems/forbidden-role"));

    auto const own = api.get("/v1/enterprises/91140121MA0TE00013", coking);
    REQUIRE(own.status == 200);
    CHECK(own.body.at("name") == "晋阳示例焦化有限公司");
    CHECK(own.body.at("list_version") == 1);
    CHECK(own.body.at("lines").size() == 4);
    CHECK(is_problem(api.get("/v1/enterprises/91140122MA0TE0003P", coking), 403, "/problems/forbidden-role"));
    CHECK(api.get("/v1/enterprises/91140122MA0TE0003P", api.department).status == 200);
    CHECK(is_problem(api.get("/v1/enterprises/91140121MA0TE99999", api.duty), 404, "/problems/not-found"));
}

}  // namespace
}  // namespace hazeguard::api::test
