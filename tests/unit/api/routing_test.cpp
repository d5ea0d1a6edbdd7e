// Routing and HTTP-level problems: 404, 405 + Allow, 415, 400 malformed JSON, 400 invalid
// Idempotency-Key, X-Request-Id, and the health endpoints.
#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

TEST_CASE("unknown paths and ids are answered 404 not-found", "[api][routing]") {
    Api api;
    struct Case {
        char const* method;
        char const* target;
    };
    for (auto const& c : {Case{"GET", "/v1/nothing"}, Case{"GET", "/v2/status"}, Case{"POST", "/v1/forecasts/1/approve"},
                          Case{"GET", "/v1/proposals/999"}, Case{"GET", "/v1/forecasts/1"},
                          Case{"GET", "/v1/directives/42"}, Case{"GET", "/v1/episodes/7"},
                          Case{"GET", "/v1/proposals/abc"}, Case{"GET", "/v1/proposals/0"},
                          Case{"GET", "/v1/proposals/-3"}, Case{"GET", "/v1/proposals/1.5"},
                          Case{"GET", "/v1/proposals/99999999999999999999999"},
                          Case{"POST", "/v1/proposals/abc/approve"}, Case{"POST", "/v1/proposals/12/approve"},
                          Case{"POST", "/v1/directives/5/lift"}}) {
        INFO(c.method << " " << c.target);
        // Approvals need an approver token, the rest a duty officer's: the role is checked first.
        bool const decision = std::string(c.target).find("/approve") != std::string::npos;
        auto const r = api.send(c.method, c.target, decision ? api.mayor : api.duty,
                                c.method == std::string("POST") ? "{}" : "");
        CHECK(is_problem(r, 404, "/problems/not-found"));
        CHECK(r.body.at("instance") == c.target);
    }
}

TEST_CASE("a known path with another method is answered 405 with Allow", "[api][routing]") {
    Api api;
    struct Case {
        char const* method;
        char const* target;
        char const* allow;
    };
    for (auto const& c : {Case{"DELETE", "/v1/proposals", "POST, GET"}, Case{"PUT", "/v1/forecasts", "POST"},
                          Case{"POST", "/v1/status", "GET"}, Case{"GET", "/v1/proposals/3/approve", "POST"},
                          Case{"PATCH", "/v1/proposals/3", "GET"}, Case{"GET", "/v1/directives/1/lift", "POST"},
                          Case{"POST", "/v1/episodes", "GET"}, Case{"DELETE", "/v1/directives", "POST, GET"},
                          Case{"POST", "/healthz", "GET"}, Case{"DELETE", "/livez", "GET"}, Case{"PUT", "/readyz", "GET"},
                          Case{"POST", "/openapi.json", "GET"}}) {
        INFO(c.method << " " << c.target);
        auto const r = api.send(c.method, c.target, api.duty);
        CHECK(is_problem(r, 405, "/problems/method-not-allowed"));
        CHECK(r.header("Allow") == std::optional<std::string>(c.allow));
    }
}

TEST_CASE("a body that is not application/json is answered 415", "[api][routing]") {
    Api api;
    auto const body = forecast_c1().dump();
    for (auto const* type : {"text/plain", "application/x-www-form-urlencoded", "text/json"}) {
        INFO(type);
        auto const r = api.send("POST", "/v1/forecasts", api.duty, body, {{"Content-Type", type}});
        CHECK(is_problem(r, 415, "/problems/unsupported-media-type"));
    }
    SECTION("a parameter after the media type is fine") {
        auto const r = api.send("POST", "/v1/forecasts", api.duty, body, {{"Content-Type", "application/json; charset=utf-8"}});
        CHECK(r.status == 201);
    }
}

TEST_CASE("a body that is not JSON is answered 400 malformed-json", "[api][routing]") {
    Api api;
    for (auto const* body : {"{", "{\"issued_at\": }", "not json", "{\"a\":1}}"}) {
        INFO(body);
        auto const r = api.send("POST", "/v1/forecasts", api.duty, body);
        CHECK(is_problem(r, 400, "/problems/malformed-json"));
        CHECK(r.pointers() == std::vector<std::string>{""});
    }
    CHECK(api.get("/v1/forecasts/1", api.duty).status == 404);
}

TEST_CASE("an empty or over-long Idempotency-Key is answered 400 invalid-idempotency-key", "[api][routing]") {
    Api api;
    for (std::string const& key : {std::string("\"\""), std::string(256, 'k'), "\"" + std::string(256, 'k') + "\""}) {
        INFO(key.size());
        auto const r = api.send("POST", "/v1/forecasts", api.duty, forecast_c1().dump(), {{"Idempotency-Key", key}});
        CHECK(is_problem(r, 400, "/problems/invalid-idempotency-key"));
    }
    CHECK(api.post("/v1/forecasts", forecast_c1(), api.duty, std::string(255, 'k')).status == 201);
}

TEST_CASE("X-Request-Id is echoed, or generated, and quoted in problem bodies", "[api][routing]") {
    Api api;
    SECTION("1. echoed on success") {
        auto const r = api.send("GET", "/v1/status", api.duty, "", {{"X-Request-Id", "req-20261214-0001"}});
        CHECK(r.status == 200);
        CHECK(r.header("X-Request-Id") == std::optional<std::string>("req-20261214-0001"));
    }
    SECTION("2. echoed and in the body of a problem") {
        auto const r = api.send("GET", "/v1/proposals/77", api.duty, "", {{"x-request-id", "trace-77"}});
        CHECK(is_problem(r, 404, "/problems/not-found"));
        CHECK(r.header("X-Request-Id") == std::optional<std::string>("trace-77"));
        CHECK(r.body.at("request_id") == "trace-77");
    }
    SECTION("3. generated when absent, the same in header and body, different per request") {
        auto const a = api.get("/v1/status", "");
        auto const b = api.get("/v1/status", "");
        REQUIRE(a.header("X-Request-Id").has_value());
        CHECK(a.header("X-Request-Id")->size() == 16);
        CHECK(a.body.at("request_id") == *a.header("X-Request-Id"));
        CHECK(a.header("X-Request-Id") != b.header("X-Request-Id"));
    }
    SECTION("4. on 405 and 422 as well") {
        auto const r = api.send("PUT", "/v1/status", api.duty, "", {{"X-Request-Id", "r405"}});
        CHECK(r.body.at("request_id") == "r405");
        auto const v = api.send("POST", "/v1/forecasts", api.duty, "{}", {{"X-Request-Id", "r422"}});
        CHECK(is_problem(v, 422, "/problems/validation"));
        CHECK(v.body.at("request_id") == "r422");
        CHECK(v.header("X-Request-Id") == std::optional<std::string>("r422"));
    }
}

TEST_CASE("health endpoints answer without a token", "[api][routing]") {
    Api api;
    for (auto const* path : {"/healthz", "/livez"}) {
        auto const r = api.get(path, "");
        CHECK(r.status == 200);
        CHECK(r.content_type == "application/json");
        CHECK(r.body == json{{"status", "ok"}});
    }
    auto const ready = api.get("/readyz", "");
    CHECK(ready.status == 200);
    CHECK(ready.body == json{{"status", "ready"}, {"drill", true}});
    auto const doc = api.get("/openapi.json", "");
    CHECK(doc.status == 200);
    CHECK(doc.body.is_object());
}

TEST_CASE("the status view carries the plan, the drill flag and the clock in +08:00", "[api][routing]") {
    Api api;
    auto const r = api.get("/v1/status", api.enterprise);
    REQUIRE(r.status == 200);
    CHECK(r.body.at("drill") == true);
    CHECK(r.body.at("state") == "normal");
    CHECK(r.body.at("level").is_null());
    CHECK(r.body.at("plan") == json{{"id", "taiyuan"}, {"version", "2024.1"}, {"rule_set", "national-2024"}});
    auto const now = r.body.at("now").get<std::string>();
    CHECK(now.substr(0, 14) == "2026-12-14T10:");
    CHECK(now.substr(now.size() - 6) == "+08:00");
}

}  // namespace
}  // namespace hazeguard::api::test
