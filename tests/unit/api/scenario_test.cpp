// The §14 scenario through the Application: consultation C1 → yellow proposal → signature →
// scheduled for D2 00:00 → (timer) in force, with the episode's timeline.
#include <algorithm>
#include <chrono>
#include <thread>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

bool starts_with(std::string const& s, std::string const& prefix) { return s.rfind(prefix, 0) == 0; }

bool contains(std::string const& s, std::string const& part) { return s.find(part) != std::string::npos; }

TEST_CASE("scenario C1: a yellow warning proposed, signed and scheduled for D2 00:00", "[api][scenario]") {
    Api api;   // drill, now = D1 10:00 +08:00

    // 1. Consultation C1 (D1 10:00): D2–D3 > 150 → yellow.
    auto const f = api.post("/v1/forecasts", forecast_c1(), api.duty);
    REQUIRE(f.status == 201);
    CHECK(f.header("Location") == std::optional<std::string>("/v1/forecasts/1"));
    CHECK(f.body.at("issued_at") == "2026-12-14T10:00:00+08:00");
    CHECK(f.body.at("consulted_at") == "2026-12-14T10:00:00+08:00");
    CHECK(f.body.at("created_by") == "值班员张伟");
    CHECK(f.body.at("plan_version") == "2024.1");
    CHECK(f.body.at("drill") == true);
    CHECK(f.body.at("days").size() == 7);
    auto const& assessment = f.body.at("assessment");
    CHECK(assessment.at("rule_set").at("id") == "national-2024");
    CHECK(assessment.at("recommended_level").at("id") == "yellow");
    CHECK(assessment.at("fired").at("conditions").at(0).at("dates") == json{date(2), date(3)});
    CHECK(assessment.at("pollutant_path") == "full_response");
    CHECK(assessment.at("active").is_null());
    CHECK(contains(assessment.at("explanation_cn").get<std::string>(), "黄色预警"));
    CHECK(api.get("/v1/forecasts/1", api.auditor).body == f.body);

    // 2. The approval form (审批单), within 2 h of the consultation.
    auto const p = api.post("/v1/proposals", issue_yellow(1), api.duty);
    REQUIRE(p.status == 201);
    CHECK(p.header("Location") == std::optional<std::string>("/v1/proposals/1"));
    CHECK(p.body.at("status") == "pending");
    CHECK(p.body.at("action") == "issue");
    CHECK(p.body.at("level") ==
          json{{"id", "yellow"}, {"name_cn", "黄色预警（Ⅲ级响应）"}, {"name_en", "Yellow warning (level III response)"}});
    CHECK(p.body.at("start_at") == "2026-12-15T00:00:00+08:00");
    CHECK(p.body.at("end_at") == "2026-12-17T00:00:00+08:00");
    CHECK(p.body.at("open_ended") == false);
    CHECK(p.body.at("consulted_at") == "2026-12-14T10:00:00+08:00");
    CHECK(p.body.at("form_due_at") == "2026-12-14T12:00:00+08:00");
    CHECK(p.body.at("form_late") == false);
    CHECK(starts_with(p.body.at("approval_due_at").get<std::string>(), "2026-12-14T12:00:"));
    CHECK(p.body.at("proposer") == "值班员张伟");
    CHECK(p.body.at("forecast_id") == 1);
    CHECK(p.body.at("notice_cn").is_null());
    CHECK(p.body.at("drill") == true);

    auto const pending = api.get("/v1/proposals?status=pending", api.department);
    REQUIRE(pending.body.at("items").size() == 1);
    CHECK_FALSE(pending.body.at("items").at(0).contains("notice_cn"));
    CHECK(api.get("/v1/proposals?status=approved", api.duty).body.at("items").empty());
    auto const before = api.get("/v1/status", api.duty).body;
    CHECK(before.at("pending_proposals") == 1);
    CHECK(before.at("next").at(0).at("kind") == "approval_due");

    // 3. The deputy mayor signs (yellow and orange are theirs), within the 2 h limit.
    auto const s = api.approve(1, api.deputy_mayor, {{"note", "同意发布"}});
    REQUIRE(s.status == 200);
    CHECK(s.body.at("status") == "approved");
    CHECK(s.body.at("decided_by") == "副市长李明");
    CHECK(s.body.at("decided_authority") == "deputy_mayor");
    CHECK(s.body.at("decision_note") == "同意发布");
    CHECK(s.body.at("approval_late") == false);
    CHECK(starts_with(s.body.at("decided_at").get<std::string>(), "2026-12-14T10:0"));
    CHECK(starts_with(s.body.at("distribution_due_at").get<std::string>(), "2026-12-14T12:0"));
    auto const notice = s.body.at("notice_cn").get<std::string>();
    CHECK(contains(notice, "黄色"));
    CHECK(contains(notice, "【演练】"));
    CHECK(contains(notice, "关于发布重污染天气黄色预警的通知"));
    CHECK(contains(notice, "（12月15日0时至12月16日24时）"));
    CHECK(contains(notice, "经市人民政府同意"));
    CHECK_FALSE(contains(notice, "+08:00"));
    CHECK_FALSE(contains(notice, "副市长李明"));
    CHECK(s.body.at("document").at("number_cn") == "并环委办发〔2026〕1号");
    CHECK(s.body.at("document").at("metadata").at("proposal_id") == 1);
    CHECK(api.get("/v1/proposals/1", api.auditor).body == s.body);
    CHECK(api.get("/v1/proposals?status=approved", api.duty).body.at("items").size() == 1);

    // 4. Scheduled, not yet in force: the start timer is due at D2 00:00.
    auto const status = api.get("/v1/status", api.enterprise).body;
    CHECK(status.at("state") == "scheduled");
    CHECK(status.at("level").is_null());
    CHECK(status.at("pending_proposals") == 0);
    CHECK(status.at("scheduled") == json{{"action", "issue"},
                                         {"level", p.body.at("level")},
                                         {"start_at", "2026-12-15T00:00:00+08:00"},
                                         {"cause", "proposal:1"},
                                         {"episode_id", nullptr},   // no list imported: no orders went out
                                         {"batch_id", nullptr}});
    CHECK(status.at("next") == json::array({{{"kind", "start"}, {"ref", "proposal:1"}, {"due_at", "2026-12-15T00:00:00+08:00"}}}));
    CHECK(api.svc->fire_due_timers() == 0);
    CHECK(api.get("/v1/status", api.duty).body.at("state") == "scheduled");
    CHECK(api.get("/v1/episodes", api.auditor).body == json{{"items", json::array()}});
}

TEST_CASE("scenario C1: at D2 00:00 the yellow warning takes effect and opens an episode", "[api][scenario]") {
    // A drill clock just before midnight at 30× speed: D2 00:00 comes within a few real seconds.
    Api api(at(1, "23:58"), 30.0);
    REQUIRE(api.submit_forecast(forecast_c1()) == 1);
    json proposal = issue_yellow(1);
    proposal["consulted_at"] = at(1, "23:00");
    auto const p = api.propose(proposal);
    REQUIRE(api.approve(p, api.deputy_mayor).status == 200);
    REQUIRE(api.get("/v1/status", api.duty).body.at("state") == "scheduled");

    auto const d2 = instant(at(2, "00:00"));
    for (int i = 0; i < 200 && api.svc->now() < d2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(api.svc->now() >= d2);
    CHECK(api.svc->fire_due_timers() >= 1);

    auto const status = api.get("/v1/status", api.duty).body;
    CHECK(status.at("state") == "active");
    CHECK(status.at("level").at("id") == "yellow");
    CHECK(status.at("since") == "2026-12-15T00:00:00+08:00");
    CHECK(status.at("planned_end") == "2026-12-17T00:00:00+08:00");
    CHECK(status.at("open_ended") == false);
    CHECK(status.at("episode_id") == 1);
    // First the reminder to decide on an extension (plan: 6 h before), then the end itself.
    CHECK(status.at("next").at(0) == json{{"kind", "end_reminder"}, {"ref", "warning"}, {"due_at", "2026-12-16T18:00:00+08:00"}});
    CHECK(status.at("next").at(1) == json{{"kind", "end"}, {"ref", "warning"}, {"due_at", "2026-12-17T00:00:00+08:00"}});

    auto const episodes = api.get("/v1/episodes", api.auditor).body.at("items");
    REQUIRE(episodes.size() == 1);
    CHECK(episodes.at(0).at("opened_at") == "2026-12-15T00:00:00+08:00");
    CHECK(episodes.at(0).at("closed_at").is_null());
    CHECK(episodes.at(0).at("peak_level").at("id") == "yellow");
    CHECK(episodes.at(0).at("drill") == true);
    CHECK(episodes.at(0).at("plan_version") == "2024.1");
    CHECK(api.get("/v1/proposals/1", api.duty).body.at("episode_id") == 1);

    auto const episode = api.get("/v1/episodes/1", api.auditor).body;
    std::vector<std::string> kinds;
    for (auto const& row : episode.at("timeline")) {
        kinds.push_back(row.at("kind").get<std::string>());
        CHECK(row.at("plan_version") == "2024.1");
        CHECK(row.at("at").get<std::string>().substr(19) == "+08:00");
        CHECK_FALSE(row.at("summary_cn").get<std::string>().empty());
    }
    for (auto const* kind : {"forecast", "proposal", "signature", "notice_unsent", "scheduled", "episode_opened", "transition"}) {
        INFO(kind);
        CHECK(std::find(kinds.begin(), kinds.end(), kind) != kinds.end());
    }
    for (auto const& row : episode.at("timeline"))
        if (row.at("kind") == "transition") {
            CHECK(row.at("at") == "2026-12-15T00:00:00+08:00");
            CHECK(row.at("detail").at("from").is_null());
            CHECK(row.at("detail").at("to") == "yellow");
            CHECK(row.at("actor") == "system");
        }
    CHECK(kinds.front() == "forecast");
}

TEST_CASE("a warning whose start has come takes effect at signature", "[api][scenario]") {
    Api api;
    auto const f = api.submit_forecast(forecast_c1());
    auto const p = api.propose({{"action", "issue"}, {"level", "yellow"}, {"start_at", at(1, "10:00")},
                                {"forecast_id", f}, {"consultation_note", "立即启动"}});
    REQUIRE(api.approve(p, api.deputy_mayor).status == 200);
    auto const status = api.get("/v1/status", api.duty).body;
    CHECK(status.at("state") == "active");
    CHECK(status.at("level").at("id") == "yellow");
    CHECK(status.at("open_ended") == true);
    CHECK(status.at("planned_end").is_null());
    auto const episode = api.get("/v1/episodes/1", api.duty);
    REQUIRE(episode.status == 200);
    CHECK(episode.body.at("timeline").size() >= 6);
}

}  // namespace
}  // namespace hazeguard::api::test
