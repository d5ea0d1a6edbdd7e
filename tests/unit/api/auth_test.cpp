// Authentication (401) and authorisation (403): bearer tokens, role restrictions, self-approval
// and the plan's signing authority.
#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

TEST_CASE("a request without a valid bearer token is answered 401 unauthenticated", "[api][auth]") {
    Api api;
    SECTION("1. no Authorization header") {
        auto const r = api.get("/v1/status", "");
        CHECK(is_problem(r, 401, "/problems/unauthenticated"));
    }
    SECTION("2. an unknown token") {
        auto const r = api.get("/v1/status", "hg_0000000000000000000000000000000000000000");
        CHECK(is_problem(r, 401, "/problems/unauthenticated"));
        CHECK(r.body.at("detail") == "the bearer token is not valid");
    }
    SECTION("3. another scheme") {
        auto const r = api.send("GET", "/v1/status", "", "", {{"Authorization", "Basic " + api.duty}});
        CHECK(is_problem(r, 401, "/problems/unauthenticated"));
    }
    SECTION("4. a POST is refused before anything is stored") {
        auto const r = api.post("/v1/forecasts", forecast_c1(), "bogus");
        CHECK(is_problem(r, 401, "/problems/unauthenticated"));
        CHECK(api.get("/v1/forecasts/1", api.duty).status == 404);
    }
}

TEST_CASE("a 401 names the Bearer scheme in WWW-Authenticate (RFC 9110 §11.6.1)", "[api][auth]") {
    // RFC 9110 §15.5.2: a server generating a 401 MUST send a WWW-Authenticate header field.
    Api api;
    auto const r = api.get("/v1/status", "");
    REQUIRE(r.status == 401);
    auto const challenge = r.header("WWW-Authenticate");
    REQUIRE(challenge.has_value());
    CHECK(challenge->rfind("Bearer", 0) == 0);
    CHECK(api.get("/v1/status", "bogus").header("WWW-Authenticate") == challenge);
    CHECK_FALSE(api.get("/v1/proposals", api.enterprise).header("WWW-Authenticate").has_value());   // 403: none
}

TEST_CASE("every role may read the status, only enterprises are kept from the workflow records", "[api][auth]") {
    Api api;
    for (auto const* token : {&api.duty, &api.deputy_mayor, &api.enterprise, &api.department, &api.auditor, &api.admin})
        CHECK(api.get("/v1/status", *token).status == 200);
    for (auto const* path : {"/v1/proposals", "/v1/directives", "/v1/episodes"}) {
        INFO(path);
        CHECK(api.get(path, api.department).status == 200);
        CHECK(api.get(path, api.auditor).status == 200);
        auto const r = api.get(path, api.enterprise);
        CHECK(is_problem(r, 403, "/problems/forbidden-role"));
    }
    auto const f = api.submit_forecast(forecast_c1());
    CHECK(api.get("/v1/forecasts/" + std::to_string(f), api.department).status == 200);
    CHECK(is_problem(api.get("/v1/forecasts/" + std::to_string(f), api.enterprise), 403, "/problems/forbidden-role"));
    auto const p = api.propose(issue_yellow(f));
    CHECK(is_problem(api.get("/v1/proposals/" + std::to_string(p), api.enterprise), 403, "/problems/forbidden-role"));
}

TEST_CASE("each command is refused to the roles that may not give it (403 forbidden-role)", "[api][auth]") {
    Api api;
    auto const f = api.submit_forecast(forecast_c1());
    auto const p = api.propose(issue_yellow(f));
    json const directive{{"issuer", "shanxi"}, {"level", "orange"}, {"start_at", at(3, "00:00")},
                         {"reference", "晋气指〔2026〕12号"}};
    struct Case {
        char const* what;
        std::string path;
        json body;
        std::string token;
    };
    std::vector<Case> const cases = {
        {"department posts a forecast", "/v1/forecasts", forecast_c1(), api.department},
        {"auditor posts a forecast", "/v1/forecasts", forecast_c1(), api.auditor},
        {"approver posts a forecast", "/v1/forecasts", forecast_c1(), api.mayor},
        {"enterprise posts a forecast", "/v1/forecasts", forecast_c1(), api.enterprise},
        {"admin proposes", "/v1/proposals", issue_yellow(f), api.admin},
        {"approver proposes", "/v1/proposals", issue_yellow(f), api.deputy_mayor},
        {"enterprise proposes", "/v1/proposals", issue_yellow(f), api.enterprise},
        {"duty officer approves", "/v1/proposals/" + std::to_string(p) + "/approve", json::object(), api.duty2},
        {"admin approves", "/v1/proposals/" + std::to_string(p) + "/approve", json::object(), api.admin},
        {"duty officer rejects", "/v1/proposals/" + std::to_string(p) + "/reject", {{"reason", "不同意"}}, api.duty2},
        {"department records a directive", "/v1/directives", directive, api.department},
        {"approver records a directive", "/v1/directives", directive, api.mayor},
        {"auditor lifts a directive", "/v1/directives/1/lift", json::object(), api.auditor},
    };
    for (auto const& c : cases) {
        INFO(c.what);
        auto const r = api.post(c.path, c.body, c.token);
        CHECK(is_problem(r, 403, "/problems/forbidden-role"));
    }
    // Nothing was decided or created by the refused commands.
    auto const proposal = api.get("/v1/proposals/" + std::to_string(p), api.duty);
    CHECK(proposal.body.at("status") == "pending");
    CHECK(api.get("/v1/directives", api.duty).body.at("items").empty());
    CHECK(api.get("/v1/forecasts/2", api.duty).status == 404);
}

TEST_CASE("admins may record forecasts and directives", "[api][auth]") {
    Api api;
    CHECK(api.post("/v1/forecasts", forecast_c1(), api.admin).status == 201);
    auto const r = api.post("/v1/directives",
                            {{"issuer", "MEE"}, {"level", "orange"}, {"start_at", at(3, "00:00")},
                             {"reference", "环办大气函〔2026〕88号"}},
                            api.admin);
    CHECK(r.status == 201);
}

TEST_CASE("the proposer may not decide on their own proposal, whatever token they use (403 self-approval)",
          "[api][auth]") {
    Api api;
    // 值班员张伟 also holds an approver token with signing authority.
    auto const same_person = api.token("值班员张伟", "approver", "deputy_mayor");
    auto const p = api.propose(issue_yellow(api.submit_forecast(forecast_c1())));
    SECTION("1. approve") {
        auto const r = api.approve(p, same_person);
        CHECK(is_problem(r, 403, "/problems/self-approval"));
    }
    SECTION("2. reject") {
        auto const r = api.post("/v1/proposals/" + std::to_string(p) + "/reject", {{"reason", "撤回"}}, same_person);
        CHECK(is_problem(r, 403, "/problems/self-approval"));
    }
    CHECK(api.get("/v1/proposals/" + std::to_string(p), api.duty).body.at("status") == "pending");
    CHECK(api.approve(p, api.deputy_mayor).status == 200);
}

TEST_CASE("only an authority of the plan for the level may sign (403 insufficient-authority)", "[api][auth]") {
    Api api;
    SECTION("1. the deputy mayor may not sign red") {
        auto const p = api.propose({{"action", "issue"}, {"level", "red"}, {"start_at", at(2, "00:00")},
                                    {"consultation_note", "连续3天AQI＞200且1天＞300"}});
        auto const r = api.approve(p, api.deputy_mayor);
        CHECK(is_problem(r, 403, "/problems/insufficient-authority"));
        CHECK(api.approve(p, api.mayor).status == 200);
    }
    SECTION("2. the office may not sign yellow") {
        auto const p = api.propose(issue_yellow(api.submit_forecast(forecast_c1())));
        auto const r = api.approve(p, api.office);
        CHECK(is_problem(r, 403, "/problems/insufficient-authority"));
        CHECK(api.get("/v1/proposals/" + std::to_string(p), api.duty).body.at("status") == "pending");
    }
    SECTION("3. the office may sign the adverse-weather stage") {
        auto const p = api.propose({{"action", "issue"}, {"level", "adverse"}, {"start_at", at(2, "00:00")},
                                    {"consultation_note", "不利气象条件"}});
        CHECK(api.approve(p, api.office).status == 200);
    }
    SECTION("4. lifting a red warning in force needs the mayor") {
        api.active_warning("red");
        auto const f = api.submit_forecast({{"issued_at", at(1, "10:00")}, {"issuer", "会商"},
                                            {"days", {day(1, 140, 120, 160), day(2, 120, 100, 140), day(3, 100, 80, 120)}}});
        auto const lift = api.propose({{"action", "lift"}, {"start_at", at(2, "00:00")}, {"forecast_id", f},
                                       {"consultation_note", "预计12月15日起AQI≤150持续48小时"}});
        CHECK(is_problem(api.approve(lift, api.deputy_mayor), 403, "/problems/insufficient-authority"));
        CHECK(api.approve(lift, api.mayor).status == 200);
    }
}

TEST_CASE("changing a scheduled warning needs the authority of its level", "[api][auth]") {
    // A red warning approved by the mayor, not yet in force (starts D2 00:00). Cancelling it (lift)
    // or extending it is a decision about a red warning: the office (adverse only) may not sign it.
    Api api;
    auto const red = api.propose({{"action", "issue"}, {"level", "red"}, {"start_at", at(2, "00:00")},
                                  {"end_at", at(4, "00:00")}, {"consultation_note", "红色预警"}});
    REQUIRE(api.approve(red, api.mayor).status == 200);
    REQUIRE(api.get("/v1/status", api.duty).body.at("state") == "scheduled");
    SECTION("1. extend") {
        auto const p = api.propose({{"action", "extend"}, {"end_at", at(5, "00:00")}, {"consultation_note", "延长"}});
        auto const r = api.approve(p, api.office);
        INFO(r.raw);
        CHECK(is_problem(r, 403, "/problems/insufficient-authority"));
    }
    SECTION("2. lift (cancel before the start)") {
        auto const p = api.propose({{"action", "lift"}, {"start_at", at(1, "12:00")}, {"consultation_note", "取消"}});
        auto const r = api.approve(p, api.office);
        INFO(r.raw);
        CHECK(is_problem(r, 403, "/problems/insufficient-authority"));
    }
}

}  // namespace
}  // namespace hazeguard::api::test
