// The plan's rules of issue #11 §2 through the API: a deviating level needs a written reason, a red
// warning announced late is flagged, fluctuation calls for the higher level, and the city issues
// its own warning while a regional directive holds the level.
#include <chrono>
#include <thread>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

json issue(std::string const& level, std::string const& start, std::int64_t forecast_id) {
    return {{"action", "issue"}, {"level", level}, {"start_at", start}, {"forecast_id", forecast_id},
            {"consultation_note", "会商意见"}};
}

TEST_CASE("Deviation needs a reason: a level other than the assessment's recommendation requires a justification",
          "[api][rules]") {
    Api api;
    auto const c1 = api.submit_forecast(forecast_c1());  // recommends yellow
    auto const refused = api.post("/v1/proposals", issue("orange", at(2, "00:00"), c1), api.duty);
    INFO(refused.raw);
    CHECK(is_problem(refused, 422, "/problems/validation"));
    CHECK(refused.pointers() == std::vector<std::string>{"/justification"});

    auto body = issue("orange", at(2, "00:00"), c1);
    body["justification"] = "吕梁、晋中同步升级，区域传输影响预计加重";
    auto const ok = api.post("/v1/proposals", body, api.duty);
    INFO(ok.raw);
    REQUIRE(ok.status == 201);
    CHECK(ok.body.at("checks").at("deviation").at("recommended_level") == "yellow");
    CHECK(ok.body.at("checks").at("deviation").at("justification") == "吕梁、晋中同步升级，区域传输影响预计加重");

    // The recommended level needs no reason.
    auto const follows = api.post("/v1/proposals", issue("yellow", at(2, "00:00"), c1), api.duty);
    CHECK(follows.status == 201);
    CHECK_FALSE(follows.body.at("checks").contains("deviation"));
}

TEST_CASE("Deviation needs a reason: a red warning announced less than the plan's 24 h ahead is flagged", "[api][rules]") {
    Api api;
    api.active_warning("orange");
    auto const soon = api.post("/v1/proposals",
                               {{"action", "upgrade"}, {"level", "red"}, {"start_at", at(1, "20:00")},
                                {"consultation_note", "会商意见"}},
                               api.duty);
    INFO(soon.raw);
    REQUIRE(soon.status == 201);
    auto const& notice = soon.body.at("checks").at("advance_notice");
    CHECK(notice.at("required_hours") == 24);
    CHECK(notice.at("hours") == 10.0);
    CHECK(notice.at("short") == true);
}

TEST_CASE("Fluctuation: an issue at yellow while the forecast wobbles across 200 is refused for orange", "[api][rules]") {
    Api api;
    auto const f = api.submit_forecast({{"issued_at", at(1, "10:00")},
                                        {"issuer", "省市联合会商"},
                                        {"days", {day(2, 190, 175, 205), day(3, 210, 195, 225), day(4, 195, 180, 210),
                                                  day(5, 140, 125, 155)}}});
    auto const r = api.post("/v1/proposals", issue("yellow", at(2, "00:00"), f), api.duty);
    INFO(r.raw);
    CHECK(is_problem(r, 409, "/problems/plan-rule-violation"));
    CHECK(r.body.at("rule") == "fluctuation");
    CHECK(r.body.at("action") == "issue");
}

TEST_CASE("Directives: while a directive holds orange the city issues its own orange, which outlasts the directive",
          "[api][rules]") {
    Api api;
    auto const d = api.created(api.post("/v1/directives",
                                        {{"issuer", "shanxi"}, {"level", "orange"}, {"start_at", at(1, "08:00")},
                                         {"reference", "晋气指〔2026〕9号"}},
                                        api.duty));
    REQUIRE(api.get("/v1/status", api.duty).body.at("state") == "active");
    auto const id = api.propose({{"action", "issue"}, {"level", "orange"}, {"start_at", at(1, "08:00")},
                                 {"directive_id", d}, {"consultation_note", "按省调度令启动橙色预警"}});
    auto const signed_ = api.approve(id, api.deputy_mayor);
    INFO(signed_.raw);
    REQUIRE(signed_.status == 200);
    auto const lifted = api.post("/v1/directives/" + std::to_string(d) + "/lift", json::object(), api.duty);
    REQUIRE(lifted.status == 200);
    auto const status = api.get("/v1/status", api.duty).body;
    INFO(status.dump());
    CHECK(status.at("state") == "active");
    CHECK(status.at("level").at("id") == "orange");
}

TEST_CASE("Health-advisory path: an O3 episode's notice carries only health and advocacy measures, and no orders go out",
          "[api][rules]") {
    Api api;
    json f = forecast_c1();
    for (auto& d : f.at("days")) d["primary_pollutant"] = "O3";
    auto const id = api.propose(issue("yellow", at(1, "10:00"), api.submit_forecast(f)));
    auto const signed_ = api.approve(id, api.deputy_mayor);
    INFO(signed_.raw);
    REQUIRE(signed_.status == 200);
    auto const notice = signed_.body.at("notice_cn").get<std::string>();
    INFO(notice);
    // The plan's own measure texts (plans/taiyuan.json, yellow): health yes; industry, transport, dust no.
    CHECK(notice.find("中小学校、幼儿园停止户外体育课") != std::string::npos);
    CHECK(notice.find("一厂一策") == std::string::npos);
    CHECK(notice.find("涉及大宗物料运输的重点用车企业") == std::string::npos);
    CHECK(notice.find("煤堆、料堆、渣堆落实防尘措施") == std::string::npos);
}

TEST_CASE("Extension: before a planned end the duty officer is reminded to decide on 延长", "[api][rules]") {
    // A drill clock just before midnight at 30× speed; planned end D2 06:00, so the reminder (6 h
    // before) falls due at D2 00:00, a few real seconds away.
    Api api(at(1, "23:58"), 30.0);
    auto const id = api.propose({{"action", "issue"}, {"level", "yellow"}, {"start_at", at(1, "23:58")},
                                 {"end_at", at(2, "06:00")}, {"consultation_note", "会商意见"}});
    REQUIRE(api.approve(id, api.deputy_mayor).status == 200);
    auto const reminders_due = [&](std::string const& due) {
        int n = 0;
        auto const status = api.get("/v1/status", api.duty).body;
        for (auto const& t : status.at("next"))
            n += t.at("kind") == "end_reminder" && t.at("due_at") == due;
        return n;
    };
    CHECK(reminders_due(at(2, "00:00")) == 1);

    auto const due = instant(at(2, "00:00"));
    for (int i = 0; i < 200 && api.svc->now() < due; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(api.svc->now() >= due);
    CHECK(api.svc->fire_due_timers() >= 1);
    int reminders = 0;
    auto const episode = api.get("/v1/episodes/1", api.duty).body;
    for (auto const& row : episode.at("timeline"))
        if (row.at("kind") == "extension_reminder") {
            ++reminders;
            CHECK(row.at("at") == at(2, "00:00"));
            CHECK(row.at("summary_cn").get<std::string>().find("延长") != std::string::npos);
        }
    CHECK(reminders == 1);

    // An extension moves the reminder with the end.
    auto const ext = api.propose({{"action", "extend"}, {"end_at", at(2, "12:00")}, {"consultation_note", "延长"}});
    REQUIRE(api.approve(ext, api.deputy_mayor).status == 200);
    CHECK(reminders_due(at(2, "06:00")) == 1);
}

TEST_CASE("Episodes less than 36 h apart: a new issue within the window takes the stricter level of the process",
          "[api][rules]") {
    Api api;
    api.active_warning("orange");
    auto const clean = api.submit_forecast({{"issued_at", at(1, "10:00")},
                                            {"issuer", "省市联合会商"},
                                            {"days", {day(1, 90, 75, 105), day(2, 85, 70, 100), day(3, 80, 65, 95)}}});
    auto const lift = api.propose({{"action", "lift"}, {"start_at", at(1, "10:00")}, {"forecast_id", clean},
                                   {"consultation_note", "空气质量好转"}});
    REQUIRE(api.approve(lift, api.deputy_mayor).status == 200);
    REQUIRE(api.get("/v1/status", api.duty).body.at("state") == "normal");

    json yellow{{"action", "issue"}, {"level", "yellow"}, {"start_at", at(2, "00:00")}, {"consultation_note", "会商意见"}};
    auto const refused = api.post("/v1/proposals", yellow, api.duty);
    INFO(refused.raw);
    CHECK(is_problem(refused, 409, "/problems/plan-rule-violation"));
    CHECK(refused.body.at("rule") == "episode_merge");

    json orange = yellow;
    orange["level"] = "orange";
    CHECK(api.post("/v1/proposals", orange, api.duty).status == 201);
    yellow["start_at"] = at(3, "00:00");  // 38 h after the lift: a new process
    CHECK(api.post("/v1/proposals", yellow, api.duty).status == 201);
}

TEST_CASE("Directives: a directive's notice goes out when it is received, like a city issue's at the signature",
          "[api][rules]") {
    Api api;
    auto const sub = api.post("/v1/subscriptions",
                              {{"name", "市交通运输局"}, {"topic", "notices"}, {"url", "https://jt.example.cn/hook"}}, api.admin);
    REQUIRE(sub.status == 201);
    auto const d = api.post("/v1/directives",
                            {{"issuer", "MEE"}, {"level", "orange"}, {"start_at", at(2, "12:00")},
                             {"reference", "环办大气函〔2026〕1号"}},
                            api.duty);
    INFO(d.raw);
    REQUIRE(d.status == 201);
    CHECK(api.get("/v1/status", api.duty).body.at("state") == "normal");  // not in force before D2 12:00
    auto const queued = api.get("/v1/deliveries?state=queued", api.admin).body.at("items");
    REQUIRE(queued.size() == 1);
    CHECK(queued[0].at("ref") == "directive:1");
    CHECK(queued[0].at("topic") == "notices");
}

TEST_CASE("Plan data: a list with a guarantee plant in a key industry below B is imported with a warning naming it",
          "[api][rules]") {
    Api api;
    auto list = json::parse(sample_list());
    list.at("enterprises")[3]["guarantee"] = "民生保障（供暖）";  // ENT-04, lime kiln, grade C
    auto const dry = api.send("PUT", "/v1/enterprises?dry_run=true", api.admin, list.dump(),
                              {{"Content-Type", "application/json"}});
    INFO(dry.raw);
    REQUIRE(dry.status == 200);
    REQUIRE(dry.body.at("warnings").size() == 1);
    CHECK(dry.body.at("warnings")[0].at("pointer") == "/enterprises/3/grade");
    auto const imported = api.send("PUT", "/v1/enterprises", api.admin, list.dump(), {{"Content-Type", "application/json"}});
    REQUIRE(imported.status == 201);
    CHECK(imported.body.at("warnings") == dry.body.at("warnings"));
    // The sample itself has none.
    auto const sample = api.send("PUT", "/v1/enterprises?dry_run=true", api.admin, sample_list(),
                                 {{"Content-Type", "application/json"}});
    CHECK(sample.body.at("warnings").empty());
}

}  // namespace
}  // namespace hazeguard::api::test
