// Hostile input through the application: numbers out of range, invalid UTF-8, deep nesting and
// control characters are 4xx problems naming what is wrong; the gate decides from the head alone;
// failed authentications are throttled per address; /metrics speaks the exposition format.
#include <string>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

/// A UTF-8 check over a whole answer: a response may never carry invalid bytes.
bool valid_utf8(std::string const& s) {
    for (std::size_t i = 0; i < s.size();) {
        auto const c = static_cast<unsigned char>(s[i]);
        std::size_t const n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += n;
    }
    return true;
}

RequestHead head(std::string method, std::string target, std::string const& token, std::string peer = "") {
    RequestHead h;
    h.method = std::move(method);
    h.target = std::move(target);
    if (!token.empty()) h.headers.set("Authorization", "Bearer " + token);
    h.peer = std::move(peer);
    return h;
}

}  // namespace

TEST_CASE("a number outside the range of a double is 400 malformed-json on any route, never 500", "[api][hardening]") {
    Api api;
    auto const id = api.submit_forecast(forecast_c1());
    for (auto const& [target, token] : {std::pair{std::string("/v1/orders/1/ack"), api.enterprise},
                                        std::pair{std::string("/v1/forecasts"), api.duty},
                                        std::pair{"/v1/proposals/" + std::to_string(id) + "/approve", api.mayor}}) {
        CAPTURE(target);
        auto const r = api.send("POST", target, token, R"({"by":1e999,"phone":"1"})");
        CHECK(is_problem(r, 400, "/problems/malformed-json"));
        CHECK(r.body.at("errors").at(0).at("message") == "a number is outside the range of a double");
    }
}

TEST_CASE("invalid UTF-8 in a body is a 4xx whose text is valid UTF-8 and names no parser internals", "[api][hardening]") {
    Api api;
    auto const json_body = api.send("POST", "/v1/forecasts", api.duty, "{\"issuer\":\"\xff\xfe\"}");
    CHECK(is_problem(json_body, 400, "/problems/malformed-json"));
    CHECK(json_body.body.at("errors").at(0).at("message") == "invalid UTF-8 in a string");
    // A list import: invalid UTF-8 beside a syntax error (this answered 500 before).
    auto const list = api.send("PUT", "/v1/enterprises", api.duty, "{\"a\":\xff");
    CHECK(is_problem(list, 400, "/problems/malformed-json"));
    for (auto const* r : {&json_body, &list}) {
        CHECK(valid_utf8(r->raw));
        CHECK(r->raw.find("json.exception") == std::string::npos);
        CHECK(r->raw.find("last read") == std::string::npos);
    }
    // A target with invalid UTF-8 is echoed in `instance` with the bad bytes replaced.
    auto const target = api.send("GET", "/v1/orders/1?x=\xff", api.duty);
    CHECK(valid_utf8(target.raw));
}

TEST_CASE("JSON nested deeper than 64 levels is refused before it can exhaust a stack", "[api][hardening]") {
    Api api;
    std::string const deep = std::string(100000, '[') + std::string(100000, ']');
    auto const r = api.send("POST", "/v1/observations", api.duty, deep);
    CHECK(is_problem(r, 400, "/problems/malformed-json"));
    CHECK(r.body.at("errors").at(0).at("message") == "arrays and objects are nested more than 64 deep");
    CHECK(is_problem(api.send("PUT", "/v1/enterprises", api.duty, deep), 400, "/problems/malformed-json"));
    // 64 levels are still fine as JSON (the route then says what it expected).
    auto const ok = api.send("POST", "/v1/observations", api.duty, std::string(63, '[') + "{}" + std::string(63, ']'));
    CHECK(ok.status == 422);
}

TEST_CASE("control characters in text fields are refused with the field named", "[api][hardening]") {
    Api api;
    auto const id = api.submit_forecast(forecast_c1());
    auto proposal = issue_yellow(id);
    proposal["consultation_note"] = std::string("会商\u0000意见", 13);
    auto const nul = api.post("/v1/proposals", proposal, api.duty);
    CHECK(is_problem(nul, 422, "/problems/validation"));
    CHECK(nul.pointers() == std::vector<std::string>{"/consultation_note"});
    proposal["consultation_note"] = "会商\u001b[31m意见";  // an escape sequence for a terminal
    CHECK(is_problem(api.post("/v1/proposals", proposal, api.duty), 422, "/problems/validation"));
    proposal["consultation_note"] = "会商\xc2\x85意见";  // C1 NEL
    CHECK(is_problem(api.post("/v1/proposals", proposal, api.duty), 422, "/problems/validation"));
    proposal["consultation_note"] = "第一行\n第二行\t缩进";  // line breaks and tabs are text
    CHECK(api.post("/v1/proposals", proposal, api.duty).status == 201);
}

TEST_CASE("the gate decides route, token, role and body limit from the head alone", "[api][hardening]") {
    Api api;
    auto no_token = api.app->admit(head("PUT", "/v1/enterprises", ""));
    REQUIRE(no_token.refusal);
    CHECK(no_token.refusal->status == 401);
    CHECK(no_token.refusal->headers.get("WWW-Authenticate"));
    // The list's large limit is the route's, not a path prefix's.
    auto const lookalike = api.app->admit(head("PUT", "/v1/enterprisesXYZ", api.duty));
    REQUIRE(lookalike.refusal);
    CHECK(lookalike.refusal->status == 404);
    auto const wrong_role = api.app->admit(head("PUT", "/v1/enterprises", api.department));
    REQUIRE(wrong_role.refusal);
    CHECK(wrong_role.refusal->status == 403);
    CHECK(wrong_role.refusal->labels.principal == "市生态环境局");
    auto const admitted = api.app->admit(head("PUT", "/v1/enterprises", api.duty));
    CHECK_FALSE(admitted.refusal);
    CHECK(admitted.body_limit == kListBodyLimit);
    auto const ack = api.app->admit(head("POST", "/v1/orders/1/ack", api.enterprise));
    CHECK_FALSE(ack.refusal);
    CHECK(ack.body_limit == kDefaultBodyLimit);
    auto const method = api.app->admit(head("DELETE", "/v1/status", api.duty));
    REQUIRE(method.refusal);
    CHECK(method.refusal->status == 405);
    CHECK(method.refusal->headers.get("Allow") == "GET");
    CHECK_FALSE(api.app->admit(head("GET", "/healthz", "")).refusal);
}

TEST_CASE("failed authentications are throttled per address, valid clients are not", "[api][hardening]") {
    Api api;
    auto const from = [&](std::string const& peer, std::string const& token) {
        Request r;
        r.method = "GET";
        r.target = "/v1/status";
        r.peer = peer;
        r.headers.set("Authorization", "Bearer " + token);
        return api.handle(std::move(r));
    };
    CHECK(from("10.0.0.9", api.duty).status == 200);  // a valid client behind the same address
    for (int i = 0; i < 10; ++i) CHECK(from("10.0.0.9", "hg_wrong" + std::to_string(i)).status == 401);
    auto const throttled = from("10.0.0.9", "hg_wrong-again");
    CHECK(throttled.status == 429);
    CHECK(throttled.headers.get("Retry-After") == "6");
    CHECK(from("10.0.0.9", api.duty).status == 200);        // still served
    CHECK(from("10.0.0.10", "hg_wrong").status == 401);     // another address is not affected
    auto const refusal = api.app->admit(head("GET", "/v1/status", "hg_wrong-again", "10.0.0.9"));
    REQUIRE(refusal.refusal);
    CHECK(refusal.refusal->status == 429);
}

TEST_CASE("GET /metrics: the exposition format for staff, 403 for enterprises", "[api][hardening]") {
    Api api;
    api.submit_forecast(forecast_c1());
    api.app->metrics()->record_request("POST", "/v1/forecasts", 201, 0.004);
    api.app->metrics()->record_commit(3, 0.002, true);
    auto const r = api.get("/metrics", api.auditor);
    CHECK(r.status == 200);
    CHECK(r.content_type == "text/plain; version=0.0.4; charset=utf-8");
    for (auto const* line : {"# TYPE hazeguard_http_request_duration_seconds histogram",
                             "hazeguard_http_request_duration_seconds_count{method=\"POST\",route=\"/v1/forecasts\",status=\"201\"} 1",
                             "hazeguard_group_commit_jobs_sum 3", "hazeguard_timers_pending ",
                             "hazeguard_orders{status=\"sent\"} 0", "hazeguard_storage_writable 1",
                             "hazeguard_build_info{version=\""}) {
        INFO(line);
        CHECK(r.raw.find(line) != std::string::npos);
    }
    CHECK(is_problem(api.get("/metrics", api.enterprise), 403, "/problems/forbidden-role"));
    CHECK(is_problem(api.get("/metrics", ""), 401, "/problems/unauthenticated"));
}

}  // namespace hazeguard::api::test
