// 409s: actions impossible in the current state (invalid-transition), refused by the plan's rules
// (plan-rule-violation), decided proposals (proposal-not-pending), ended directives
// (directive-not-active). Each carries the extension members the docs promise.
#include <algorithm>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

json lift_at(std::string const& start) {
    return {{"action", "lift"}, {"start_at", start}, {"consultation_note", "会商：空气质量好转"}};
}

/// @brief D2–D4 toggles across 200 (195, 205, 170): the fluctuation rule keeps orange.
json fluctuating_forecast() {
    return {{"issued_at", at(1, "10:00")},
            {"issuer", "省市联合会商"},
            {"days", {day(1, 250, 230, 270), day(2, 195, 175, 215), day(3, 205, 185, 225), day(4, 170, 150, 190)}}};
}

json with_directive(json body, std::int64_t directive_id) {
    body["directive_id"] = directive_id;
    return body;
}

json with_forecast(json body, std::int64_t forecast_id) {
    body["forecast_id"] = forecast_id;
    return body;
}

std::int64_t proposals_count(Api& api) { return static_cast<std::int64_t>(api.get("/v1/proposals", api.duty).body.at("items").size()); }

TEST_CASE("lifting when no warning is in force or scheduled is an invalid transition", "[api][transitions]") {
    Api api;
    auto const r = api.post("/v1/proposals", lift_at(at(2, "00:00")), api.duty);
    CHECK(is_problem(r, 409, "/problems/invalid-transition"));
    CHECK(r.body.at("state") == "normal");
    CHECK(r.body.at("action") == "lift");
    CHECK_FALSE(r.body.contains("rule"));
    CHECK(proposals_count(api) == 0);   // the refused proposal was not stored
}

TEST_CASE("changes that the warning's phase does not allow are invalid transitions", "[api][transitions]") {
    Api api;
    auto const f = api.submit_forecast(forecast_c1());
    auto const yellow = api.propose(issue_yellow(f));
    SECTION("1. an upgrade no higher than the issue that is only scheduled (a higher one revises it)") {
        REQUIRE(api.approve(yellow, api.deputy_mayor).status == 200);
        auto const r = api.post("/v1/proposals",
                                {{"action", "upgrade"}, {"level", "yellow"}, {"start_at", at(2, "00:00")},
                                 {"consultation_note", "升级"}},
                                api.duty);
        CHECK(is_problem(r, 409, "/problems/invalid-transition"));
        CHECK(r.body.at("state") == "scheduled");
        CHECK(r.body.at("action") == "upgrade");
    }
    SECTION("2. the second of two competing issues, at signature") {
        auto const second = api.propose(issue_yellow(f), api.duty2);
        REQUIRE(api.approve(yellow, api.deputy_mayor).status == 200);
        auto const r = api.approve(second, api.deputy_mayor);
        CHECK(is_problem(r, 409, "/problems/invalid-transition"));
        CHECK(r.body.at("state") == "scheduled");
        CHECK(r.body.at("action") == "issue");
        CHECK(api.get("/v1/proposals/" + std::to_string(second), api.duty).body.at("status") == "pending");
    }
    SECTION("3. an 'upgrade' that does not raise the level") {
        Api other;
        other.active_warning("orange");
        auto const r = other.post("/v1/proposals",
                                  {{"action", "upgrade"}, {"level", "yellow"}, {"start_at", at(2, "00:00")},
                                   {"consultation_note", "x"}},
                                  other.duty);
        CHECK(is_problem(r, 409, "/problems/invalid-transition"));
        CHECK(r.body.at("state") == "active");
        CHECK(r.body.at("action") == "upgrade");
    }
    SECTION("4. extending an open-ended warning") {
        Api other;
        other.active_warning("yellow");
        auto const r = other.post("/v1/proposals", {{"action", "extend"}, {"end_at", at(5, "00:00")}, {"consultation_note", "x"}},
                                  other.duty);
        CHECK(is_problem(r, 409, "/problems/invalid-transition"));
        CHECK(r.body.at("action") == "extend");
    }
}

TEST_CASE("a decided proposal cannot be decided again (409 proposal-not-pending)", "[api][transitions]") {
    Api api;
    auto const p = api.propose(issue_yellow(api.submit_forecast(forecast_c1())));
    std::string const base = "/v1/proposals/" + std::to_string(p);
    SECTION("1. approved") {
        REQUIRE(api.approve(p, api.deputy_mayor).status == 200);
        for (auto const* token : {&api.deputy_mayor, &api.mayor}) {
            auto const again = api.approve(p, *token);
            CHECK(is_problem(again, 409, "/problems/proposal-not-pending"));
            CHECK(again.body.at("detail") == "proposal " + std::to_string(p) + " is approved");
            CHECK(again.body.at("proposal_status") == "approved");
        }
        auto const reject = api.post(base + "/reject", {{"reason", "晚了"}}, api.mayor);
        CHECK(is_problem(reject, 409, "/problems/proposal-not-pending"));
    }
    SECTION("2. rejected") {
        auto const r = api.post(base + "/reject", {{"reason", "会商依据不足"}}, api.deputy_mayor);
        REQUIRE(r.status == 200);
        CHECK(r.body.at("status") == "rejected");
        CHECK(r.body.at("decision_note") == "会商依据不足");
        auto const again = api.approve(p, api.mayor);
        CHECK(is_problem(again, 409, "/problems/proposal-not-pending"));
        CHECK(again.body.at("detail") == "proposal " + std::to_string(p) + " is rejected");
        CHECK(again.body.at("proposal_status") == "rejected");
        CHECK(api.get("/v1/status", api.duty).body.at("state") == "normal");
    }
}

TEST_CASE("a downgrade while the forecast fluctuates is refused by the plan", "[api][transitions]") {
    Api api;
    api.active_warning("orange");
    auto const f = api.submit_forecast(fluctuating_forecast());
    json const downgrade{{"action", "downgrade"}, {"level", "yellow"}, {"start_at", at(2, "00:00")},
                         {"forecast_id", f}, {"consultation_note", "降为黄色"}};
    auto const r = api.post("/v1/proposals", downgrade, api.duty);
    CHECK(is_problem(r, 409, "/problems/plan-rule-violation"));
    CHECK(r.body.at("rule") == "fluctuation");
    CHECK(r.body.at("state") == "active");
    CHECK(r.body.at("action") == "downgrade");

    SECTION("unless a regional directive orders it") {
        auto const d = api.created(api.post("/v1/directives",
                                            {{"issuer", "shanxi"}, {"level", "yellow"}, {"start_at", at(7, "00:00")},
                                             {"reference", "晋气指〔2026〕14号"}},
                                            api.duty));
        auto const ok = api.post("/v1/proposals", with_directive(downgrade, d), api.duty);
        INFO(ok.raw);
        CHECK(ok.status == 201);
        CHECK(ok.body.at("checks").at("directive_ordered") == true);
        CHECK(ok.body.at("checks").at("fluctuation").at("applies") == true);
    }
}

TEST_CASE("a lift needs 36 h below the start criterion, or a directive", "[api][transitions]") {
    Api api;
    api.active_warning("yellow");
    auto const c1 = api.submit_forecast(forecast_c1());   // D2 162, D3 178: not below 150
    auto const refused = api.post("/v1/proposals", with_forecast(lift_at(at(2, "00:00")), c1), api.duty);
    CHECK(is_problem(refused, 409, "/problems/plan-rule-violation"));
    CHECK(refused.body.at("rule") == "lift");
    CHECK(refused.body.at("state") == "active");
    CHECK(refused.body.at("action") == "lift");

    SECTION("1. allowed when a directive_id is given") {
        auto const d = api.created(api.post("/v1/directives",
                                            {{"issuer", "MEE"}, {"level", "yellow"}, {"start_at", at(6, "00:00")},
                                             {"reference", "环办大气函〔2026〕90号"}},
                                            api.duty));
        auto const ok = api.post("/v1/proposals", with_directive(with_forecast(lift_at(at(2, "00:00")), c1), d), api.duty);
        INFO(ok.raw);
        REQUIRE(ok.status == 201);
        CHECK(ok.body.at("checks").at("lift").at("satisfied") == false);
        CHECK(api.approve(ok.body.at("id").get<std::int64_t>(), api.deputy_mayor).status == 200);
        CHECK(api.get("/v1/status", api.duty).body.at("state") == "change_scheduled");
    }
    SECTION("2. allowed when the forecast stays below for 36 h (C4)") {
        auto const c4 = api.submit_forecast({{"issued_at", at(1, "10:00")},
                                             {"issuer", "会商"},
                                             {"days", {day(1, 160, 140, 180), day(2, 138, 120, 155), day(3, 98, 85, 115)}}});
        auto const ok = api.post("/v1/proposals", with_forecast(lift_at(at(2, "00:00")), c4), api.duty);
        INFO(ok.raw);
        REQUIRE(ok.status == 201);
        CHECK(ok.body.at("checks").at("lift").at("satisfied") == true);
        CHECK(ok.body.at("checks").at("lift").at("hours_below") == 48);
    }
}

TEST_CASE("a regional directive in force is a floor under the level", "[api][transitions]") {
    Api api;
    api.active_warning("yellow");
    auto const d = api.created(api.post("/v1/directives",
                                        {{"issuer", "shanxi"}, {"level", "orange"}, {"start_at", at(1, "09:00")},
                                         {"reference", "晋气指〔2026〕15号"}},
                                        api.duty));
    auto const status = api.get("/v1/status", api.duty).body;
    CHECK(status.at("level").at("id") == "orange");
    CHECK(status.at("local_level").at("id") == "yellow");
    auto const lift = api.post("/v1/proposals", lift_at(at(2, "00:00")), api.duty);
    CHECK(is_problem(lift, 409, "/problems/plan-rule-violation"));
    CHECK(lift.body.at("rule") == "directive_floor");

    auto const ended = api.post("/v1/directives/" + std::to_string(d) + "/lift", {{"note", "省级指令解除"}}, api.duty);
    REQUIRE(ended.status == 200);
    CHECK(ended.body.at("status") == "ended");
    CHECK(api.get("/v1/status", api.duty).body.at("level").at("id") == "yellow");

    auto const again = api.post("/v1/directives/" + std::to_string(d) + "/lift", json::object(), api.duty);
    CHECK(is_problem(again, 409, "/problems/directive-not-active"));
    CHECK(again.body.at("detail") == "directive " + std::to_string(d) + " is ended");
    CHECK(again.body.at("directive_status") == "ended");
}

TEST_CASE("a directive not yet in force is cancelled by /lift, once", "[api][transitions]") {
    Api api;
    auto const d = api.created(api.post("/v1/directives",
                                        {{"issuer", "fenwei_office"}, {"level", "orange"}, {"start_at", at(3, "00:00")},
                                         {"end_at", at(5, "00:00")}, {"reference", "汾渭平原办〔2026〕3号"}},
                                        api.duty));
    std::string const path = "/v1/directives/" + std::to_string(d) + "/lift";
    auto const r = api.post(path, json::object(), api.admin);
    REQUIRE(r.status == 200);
    CHECK(r.body.at("status") == "cancelled");
    auto const again = api.post(path, json::object(), api.duty);
    CHECK(is_problem(again, 409, "/problems/directive-not-active"));
    CHECK(again.body.at("detail") == "directive " + std::to_string(d) + " is cancelled");
    CHECK(again.body.at("directive_status") == "cancelled");
    auto const next = api.get("/v1/status", api.duty).body.at("next");
    for (auto const& t : next) CHECK(t.at("ref") != "directive:" + std::to_string(d));
}

TEST_CASE("a 409 names the resource's status in its own member, not in RFC 9457's status", "[api][transitions]") {
    // RFC 9457 `status` is the HTTP status code; the resource's status travels as
    // `proposal_status` / `directive_status` so that neither hides the other.
    Api api;
    auto const p = api.propose(issue_yellow(api.submit_forecast(forecast_c1())));
    REQUIRE(api.approve(p, api.deputy_mayor).status == 200);
    auto const decided = api.approve(p, api.mayor);
    INFO(decided.raw);
    REQUIRE(is_problem(decided, 409, "/problems/proposal-not-pending"));
    CHECK(decided.body.at("status") == 409);
    CHECK(decided.body.at("proposal_status") == "approved");

    auto const d = api.created(api.post("/v1/directives",
                                        {{"issuer", "MEE"}, {"level", "yellow"}, {"start_at", at(4, "00:00")},
                                         {"reference", "环办大气函〔2026〕91号"}},
                                        api.duty));
    REQUIRE(api.post("/v1/directives/" + std::to_string(d) + "/lift", json::object(), api.duty).status == 200);
    auto const ended = api.post("/v1/directives/" + std::to_string(d) + "/lift", json::object(), api.duty);
    INFO(ended.raw);
    REQUIRE(is_problem(ended, 409, "/problems/directive-not-active"));
    CHECK(ended.body.at("status") == 409);
    CHECK(ended.body.at("directive_status") == "cancelled");
}

}  // namespace
}  // namespace hazeguard::api::test
