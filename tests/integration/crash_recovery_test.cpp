// Kill -9 the real server between approval and start; on restart the warning starts exactly once.
#include "tests/integration/integration_fixture.hpp"

using namespace hazeguard::test;
using hazeguard::engine::kHour;

namespace {

json yellow_forecast() {
    json days = json::array();
    int const aqi[] = {128, 162, 178, 146, 120};
    for (int i = 0; i < 5; ++i)
        days.push_back({{"date", "2026-12-1" + std::to_string(4 + i)}, {"aqi_low", aqi[i] - 15},
                        {"aqi_high", aqi[i] + 15}, {"aqi_central", aqi[i]}, {"primary_pollutant", "PM2.5"}});
    return {{"issued_at", "2026-12-14T10:00:00+08:00"}, {"issuer", "joint"}, {"days", days}};
}

// Proposes and signs a yellow warning starting `lead` after the server's now; returns its start.
hazeguard::engine::Instant approve_yellow(LiveServer& s, hazeguard::engine::Instant lead) {
    auto const f = s.post("/v1/forecasts", yellow_forecast(), "duty_officer");
    REQUIRE(f.status == 201);
    auto const start = s.now() + lead;
    auto const p = s.post("/v1/proposals",
                          {{"action", "issue"}, {"level", "yellow"}, {"start_at", at_local(start)},
                           {"consultation_note", "C1 联合会商：D2–D3 AQI>150"}, {"forecast_id", f.body.at("id")}},
                          "duty_officer");
    REQUIRE(p.status == 201);
    auto const a = s.post("/v1/proposals/" + std::to_string(p.body.at("id").get<int>()) + "/approve", json::object(),
                          "approver:deputy_mayor");
    REQUIRE(a.status == 200);
    REQUIRE(s.get("/v1/status").body.at("state") == "scheduled");
    return start;
}

}  // namespace

TEST_CASE("a warning approved before a kill -9 starts exactly once after restart", "[integration][crash]") {
    LiveServer s;
    auto const start = approve_yellow(s, 2 * kHour);  // ~2 real seconds at 3600x
    s.kill_hard();
    sleep_simulated(std::chrono::seconds(3));  // the start time passes while the server is down
    s.start();

    auto const status = s.get("/v1/status").body;
    CHECK(status.at("state") == "active");
    CHECK(status.at("level").at("id") == "yellow");
    CHECK(status.at("drill") == true);
    int const episode = status.at("episode_id").get<int>();
    auto transitions = timeline_rows(s, episode, "transition");
    REQUIRE(transitions.size() == 1);
    CHECK(transitions[0].at("at") == at_local(start));  // recorded at the due time, not the restart time
    CHECK(transitions[0].at("detail").at("to") == "yellow");

    SECTION("a second crash and restart does not fire it again") {
        s.kill_hard();
        s.start();
        CHECK(timeline_rows(s, episode, "transition").size() == 1);
        CHECK(s.get("/v1/status").body.at("level").at("id") == "yellow");
    }
}

TEST_CASE("a planned end that falls due while the server is down ends the warning once", "[integration][crash]") {
    LiveServer s;
    auto const f = s.post("/v1/forecasts", yellow_forecast(), "duty_officer");
    auto const start = s.now();
    auto const p = s.post("/v1/proposals",
                          {{"action", "issue"}, {"level", "yellow"}, {"start_at", at_local(start)},
                           {"end_at", at_local(start + 3 * kHour)}, {"consultation_note", "短时预警"},
                           {"forecast_id", f.body.at("id")}},
                          "duty_officer");
    REQUIRE(p.status == 201);
    REQUIRE(s.post("/v1/proposals/" + std::to_string(p.body.at("id").get<int>()) + "/approve", json::object(),
                   "approver:deputy_mayor")
                .status == 200);
    REQUIRE(s.get("/v1/status").body.at("state") == "active");
    s.kill_hard();
    sleep_simulated(std::chrono::seconds(4));
    s.start();
    auto const status = s.get("/v1/status").body;
    CHECK(status.at("state") == "normal");
    CHECK(status.at("level").is_null());
    auto const episodes = s.get("/v1/episodes").body.at("items");
    REQUIRE(episodes.size() == 1);
    CHECK(episodes[0].at("closed_at") == at_local(start + 3 * kHour));
    CHECK(timeline_rows(s, 1, "episode_closed").size() == 1);
}

TEST_CASE("the drill clock resumes after a restart instead of jumping back", "[integration][drill]") {
    LiveServer s("2026-12-14T10:00:00+08:00", 3600);
    auto const before = s.now();
    s.kill_hard();
    sleep_simulated(std::chrono::seconds(1));
    s.start();
    CHECK(s.now() >= before + kHour / 2);
}

TEST_CASE("SIGTERM stops the server cleanly and committed data survives", "[integration]") {
    LiveServer s;
    auto const f = s.post("/v1/forecasts", yellow_forecast(), "duty_officer", "key-1");
    REQUIRE(f.status == 201);
    CHECK(s.terminate() == 0);
    s.start();
    auto const again = s.post("/v1/forecasts", yellow_forecast(), "duty_officer", "key-1");
    CHECK(again.status == 201);
    CHECK(again.body.at("id") == f.body.at("id"));  // replayed from disk, not created twice
    CHECK(s.get("/v1/forecasts/2").status == 404);
}
