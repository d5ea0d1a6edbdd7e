// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): replay of the stored response,
// 422 on reuse with another request, one scope per token principal (role + name).
#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

std::size_t count(Api& api, std::string const& path) { return api.get(path, api.duty).body.at("items").size(); }

TEST_CASE("Idempotency-Key scenarios", "[api][idempotency]") {
    Api api;
    auto const f = api.submit_forecast(forecast_c1());

    SECTION("1. the same key and body replays the stored response; one resource is created") {
        auto const first = api.post("/v1/proposals", issue_yellow(f), api.duty, "5b1f0c9e-0001");
        auto const second = api.post("/v1/proposals", issue_yellow(f), api.duty, "5b1f0c9e-0001");
        REQUIRE(first.status == 201);
        CHECK(second.status == 201);
        CHECK(second.body == first.body);
        CHECK(second.header("Location") == first.header("Location"));
        CHECK(first.header("Location") == "/v1/proposals/" + std::to_string(first.body.at("id").get<int>()));
        CHECK(count(api, "/v1/proposals") == 1);
    }
    SECTION("2. the same key with another body is answered 422 idempotency-key-reused") {
        REQUIRE(api.post("/v1/proposals", issue_yellow(f), api.duty, "k-2").status == 201);
        json other = issue_yellow(f);
        other["level"] = "orange";
        auto const r = api.post("/v1/proposals", other, api.duty, "k-2");
        CHECK(is_problem(r, 422, "/problems/idempotency-key-reused"));
        CHECK(count(api, "/v1/proposals") == 1);
    }
    SECTION("3. the same key on another endpoint is a reuse too") {
        REQUIRE(api.post("/v1/forecasts", forecast_c1(), api.duty, "k-3").status == 201);
        auto const r = api.post("/v1/directives",
                                {{"issuer", "MEE"}, {"level", "orange"}, {"start_at", at(3, "00:00")}, {"reference", "r"}},
                                api.duty, "k-3");
        CHECK(is_problem(r, 422, "/problems/idempotency-key-reused"));
        CHECK(count(api, "/v1/directives") == 0);
    }
    SECTION("4. different principals use the same key independently") {
        auto const a = api.post("/v1/proposals", issue_yellow(f), api.duty, "shared-key");
        auto const b = api.post("/v1/proposals", issue_yellow(f), api.duty2, "shared-key");
        REQUIRE(a.status == 201);
        REQUIRE(b.status == 201);
        CHECK(a.body.at("id") != b.body.at("id"));
        CHECK(b.body.at("proposer") == "值班员刘洋");
        CHECK(api.post("/v1/forecasts", forecast_c1(), api.admin, "shared-key").status == 201);
        CHECK(count(api, "/v1/proposals") == 2);
    }
    SECTION("5. a replayed approval answers 200 again instead of 409") {
        auto const p = api.propose(issue_yellow(f));
        auto const first = api.post("/v1/proposals/" + std::to_string(p) + "/approve", {{"note", "同意"}}, api.deputy_mayor, "sign-1");
        auto const again = api.post("/v1/proposals/" + std::to_string(p) + "/approve", {{"note", "同意"}}, api.deputy_mayor, "sign-1");
        REQUIRE(first.status == 200);
        CHECK(again.status == 200);
        CHECK(again.body == first.body);
        auto const without_key = api.approve(p, api.deputy_mayor, {{"note", "同意"}});
        CHECK(is_problem(without_key, 409, "/problems/proposal-not-pending"));
    }
    SECTION("6. a quoted key (sf-string) and the bare key are the same key") {
        REQUIRE(api.post("/v1/forecasts", forecast_c1(), api.duty, "\"abc-6\"").status == 201);
        auto const r = api.post("/v1/forecasts", forecast_c1(), api.duty, "abc-6");
        CHECK(r.status == 201);
        CHECK(r.body.at("id") == 2);
        CHECK(api.get("/v1/forecasts/3", api.duty).status == 404);
    }
    SECTION("7. a refused request is not stored: the retry runs again") {
        auto const lift = json{{"action", "lift"}, {"start_at", at(2, "00:00")}, {"consultation_note", "解除"}};
        auto const refused = api.post("/v1/proposals", lift, api.duty, "k-7");
        CHECK(is_problem(refused, 409, "/problems/invalid-transition"));
        auto const invalid = api.post("/v1/proposals", json::object(), api.duty, "k-7");
        CHECK(is_problem(invalid, 422, "/problems/validation"));
        CHECK(api.post("/v1/proposals", issue_yellow(f), api.duty, "k-7").status == 201);
    }
    SECTION("8. the replay is the stored response, not the resource as it is now") {
        auto const created = api.post("/v1/proposals", issue_yellow(f), api.duty, "k-8");
        REQUIRE(created.status == 201);
        REQUIRE(api.approve(created.body.at("id").get<std::int64_t>(), api.deputy_mayor).status == 200);
        auto const replay = api.post("/v1/proposals", issue_yellow(f), api.duty, "k-8");
        CHECK(replay.status == 201);
        CHECK(replay.body.at("status") == "pending");
    }
    SECTION("9. the scope is the principal (role and name), not the token") {
        auto const second_token = api.token("值班员张伟", "duty_officer");
        auto const a = api.post("/v1/forecasts", forecast_c1(), api.duty, "k-9");
        auto const b = api.post("/v1/forecasts", forecast_c1(), second_token, "k-9");
        CHECK(b.body == a.body);
    }
}

TEST_CASE("without an Idempotency-Key every POST creates a resource", "[api][idempotency]") {
    Api api;
    CHECK(api.post("/v1/forecasts", forecast_c1(), api.duty).body.at("id") == 1);
    CHECK(api.post("/v1/forecasts", forecast_c1(), api.duty).body.at("id") == 2);
}

}  // namespace
}  // namespace hazeguard::api::test
