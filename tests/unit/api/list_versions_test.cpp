// The list's history over HTTP: GET /v1/enterprises/versions and GET /v1/enterprises/changes
// (added, removed, changed with the fields, a page at a time), every refusal; the Chinese texts
// of an import's problems (errors[].message_cn).
#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

Reply put_list_body(Api& api, std::string const& body, std::string const& query = "") {
    return api.send("PUT", "/v1/enterprises" + query, api.duty, body, {{"Content-Type", "application/json"}});
}

// v1: the sample; v2: its first plant regraded and moved, its last removed; v3: the sample again.
void three_versions(Api& api) {
    auto const sample = sample_list();
    REQUIRE(put_list_body(api, sample).status == 201);
    auto doc = json::parse(sample);
    doc["enterprises"][0]["grade"] = "A";
    doc["enterprises"][0]["district"] = "阳曲县";
    doc["enterprises"].erase(9);
    auto const second = put_list_body(api, doc.dump());
    INFO(second.raw);
    REQUIRE(second.status == 201);
    REQUIRE(put_list_body(api, sample).status == 201);
}

json change_of(json const& page, std::string const& code) {
    for (auto const& c : page.at("changes"))
        if (c.at("credit_code") == code) return c;
    return nullptr;
}

TEST_CASE("GET /v1/enterprises/versions lists every version newest first", "[api][lists]") {
    Api api;
    auto const none = api.get("/v1/enterprises/versions", api.auditor);
    REQUIRE(none.status == 200);
    CHECK(none.body.at("current").is_null());
    CHECK(none.body.at("versions").empty());
    three_versions(api);
    auto const r = api.get("/v1/enterprises/versions", api.department);
    INFO(r.raw);
    REQUIRE(r.status == 200);
    CHECK(r.body.at("current") == 3);
    auto const& v = r.body.at("versions");
    REQUIRE(v.size() == 3);
    CHECK(v[0].at("version") == 3);
    CHECK(v[1].at("version") == 2);
    CHECK(v[1].at("count") == 9);
    CHECK(v[2].at("count") == 10);
    CHECK(v[2].at("imported_by") == "值班员张伟");
    CHECK(v[2].at("source") == "api");
    CHECK(v[2].at("sha256") == v[0].at("sha256"));
    CHECK(v[2].at("imported_at").get<std::string>().ends_with("+08:00"));
    CHECK(is_problem(api.get("/v1/enterprises/versions", api.enterprise), 403, "/problems/forbidden-role"));
    CHECK(is_problem(api.get("/v1/enterprises/versions", ""), 401, "/problems/unauthenticated"));
}

TEST_CASE("GET /v1/enterprises/changes says what changed between two versions", "[api][lists]") {
    Api api;
    three_versions(api);

    SECTION("1. removed and changed with the fields that differ") {
        auto const r = api.get("/v1/enterprises/changes?from=1&to=2", api.auditor);
        INFO(r.raw);
        REQUIRE(r.status == 200);
        CHECK(r.body.at("from").at("version") == 1);
        CHECK(r.body.at("to").at("version") == 2);
        CHECK(r.body.at("counts") == json{{"added", 0}, {"removed", 1}, {"changed", 1}});
        REQUIRE(r.body.at("changes").size() == 2);
        auto const removed = change_of(r.body, "91140109MA0TE0010M");
        CHECK(removed.at("change") == "removed");
        CHECK(removed.at("name") == "太原示例热电有限公司");
        CHECK_FALSE(removed.contains("fields"));
        auto const changed = change_of(r.body, "91140121MA0TE00013");
        CHECK(changed.at("change") == "changed");
        CHECK(changed.at("fields") == json::array({{{"field", "district"}, {"before", "清徐县"}, {"after", "阳曲县"}},
                                                   {{"field", "grade"}, {"before", "B"}, {"after", "A"}}}));
        CHECK(r.body.at("next").is_null());
    }
    SECTION("2. the other way: added") {
        auto const r = api.get("/v1/enterprises/changes?from=2&to=3", api.duty);
        REQUIRE(r.status == 200);
        CHECK(r.body.at("counts") == json{{"added", 1}, {"removed", 0}, {"changed", 1}});
        CHECK(change_of(r.body, "91140109MA0TE0010M").at("change") == "added");
        CHECK(change_of(r.body, "91140121MA0TE00013").at("fields").at(1).at("after") == "B");
    }
    SECTION("3. the same list: no changes") {
        auto const r = api.get("/v1/enterprises/changes?from=1&to=3", api.duty);
        REQUIRE(r.status == 200);
        CHECK(r.body.at("counts") == json{{"added", 0}, {"removed", 0}, {"changed", 0}});
        CHECK(r.body.at("changes").empty());
        CHECK(api.get("/v1/enterprises/changes?from=2&to=2", api.duty).body.at("changes").empty());
    }
    SECTION("4. a page at a time in credit-code order, counts on the first page only") {
        auto const first = api.get("/v1/enterprises/changes?from=1&to=2&limit=1", api.duty);
        REQUIRE(first.status == 200);
        REQUIRE(first.body.at("changes").size() == 1);
        CHECK(first.body.at("changes")[0].at("credit_code") == "91140109MA0TE0010M");
        CHECK(first.body.contains("counts"));
        auto const next = first.body.at("next").get<std::string>();
        CHECK(next == "/v1/enterprises/changes?from=1&to=2&after=91140109MA0TE0010M&limit=1");
        auto const second = api.get(next, api.duty);
        REQUIRE(second.status == 200);
        REQUIRE(second.body.at("changes").size() == 1);
        CHECK(second.body.at("changes")[0].at("credit_code") == "91140121MA0TE00013");
        CHECK_FALSE(second.body.contains("counts"));
        auto const third = api.get(second.body.at("next").get<std::string>(), api.duty);
        REQUIRE(third.status == 200);
        CHECK(third.body.at("changes").empty());
        CHECK(third.body.at("next").is_null());
    }
    SECTION("5. unknown versions are 404") {
        CHECK(is_problem(api.get("/v1/enterprises/changes?from=1&to=9", api.duty), 404, "/problems/not-found"));
        CHECK(is_problem(api.get("/v1/enterprises/changes?from=9&to=1", api.duty), 404, "/problems/not-found"));
    }
    SECTION("6. bad parameters are 400 with the parameter") {
        auto const pointer_of = [&](std::string const& query) {
            auto const r = api.get("/v1/enterprises/changes" + query, api.duty);
            INFO(query << " " << r.raw);
            CHECK(is_problem(r, 400, "/problems/invalid-query"));
            return r.pointers();
        };
        CHECK(pointer_of("?to=2") == std::vector<std::string>{"/query/from"});
        CHECK(pointer_of("?from=1") == std::vector<std::string>{"/query/to"});
        CHECK(pointer_of("?from=1&to=x") == std::vector<std::string>{"/query/to"});
        CHECK(pointer_of("?from=0&to=2") == std::vector<std::string>{"/query/from"});
        CHECK(pointer_of("?from=1&to=2&limit=0") == std::vector<std::string>{"/query/limit"});
        CHECK(pointer_of("?from=1&to=2&limit=1001") == std::vector<std::string>{"/query/limit"});
        CHECK(pointer_of("?from=1&to=2&limit=5x") == std::vector<std::string>{"/query/limit"});
        CHECK(pointer_of("?from=1&to=2&after=" + std::string(19, 'A')) == std::vector<std::string>{"/query/after"});
        CHECK(pointer_of("?from=99999999999999999999&to=2") == std::vector<std::string>{"/query/from"});
        CHECK(pointer_of("") == std::vector<std::string>{"/query/from", "/query/to"});
    }
    SECTION("7. roles") {
        CHECK(is_problem(api.get("/v1/enterprises/changes?from=1&to=2", api.enterprise), 403, "/problems/forbidden-role"));
        CHECK(is_problem(api.get("/v1/enterprises/changes?from=1&to=2", ""), 401, "/problems/unauthenticated"));
    }
}

TEST_CASE("an import's problems carry their Chinese text", "[api][lists]") {
    Api api;
    auto doc = json::parse(sample_list());
    auto code = doc["enterprises"][2]["credit_code"].get<std::string>();
    code.back() = code.back() == 'A' ? 'B' : 'A';
    doc["enterprises"][2]["credit_code"] = code;
    doc["enterprises"][4]["grade"] = "E";
    auto const r = put_list_body(api, doc.dump(), "?dry_run=true");
    INFO(r.raw);
    REQUIRE(is_problem(r, 422, "/problems/invalid-list"));
    auto const& errors = r.body.at("errors");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].at("pointer") == "/enterprises/2/credit_code");
    CHECK(errors[0].at("message").get<std::string>().starts_with("check character is"));
    CHECK(errors[0].at("message_cn").get<std::string>().starts_with("第3家企业：统一社会信用代码校验位错误（为“"));
    CHECK(errors[1].at("message_cn").get<std::string>().starts_with("第5家企业：绩效分级“E”不在预案规定范围内（预案规定："));
}

}  // namespace
}  // namespace hazeguard::api::test
