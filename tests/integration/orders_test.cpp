// Orders (一厂一策) through the real server: supersede and re-acknowledge, deadlines across a
// restart, and a kill -9 in the middle of a fan-out.
#include <fstream>

#include "tests/integration/integration_fixture.hpp"

using namespace hazeguard::test;
using hazeguard::engine::kHour;

namespace {

// Enters `forecast`, proposes `action` (to `level`) starting now, and has it signed.
void act_now(LiveServer& s, json const& forecast, std::string const& action, std::string const& level = "") {
    auto const f = s.post("/v1/forecasts", forecast, "duty_officer");
    REQUIRE(f.status == 201);
    json p{{"action", action}, {"start_at", at_local(s.now())}, {"consultation_note", "会商"},
           {"forecast_id", f.body.at("id")}};
    if (!level.empty()) p["level"] = level;
    auto const proposal = s.post("/v1/proposals", p, "duty_officer");
    REQUIRE(proposal.status == 201);
    auto const signed_ = s.post("/v1/proposals/" + std::to_string(proposal.body.at("id").get<int>()) + "/approve",
                                json::object(), "approver:mayor");
    REQUIRE(signed_.status == 200);
}

json ack_body(std::string const& by = "王建国") { return {{"by", by}, {"phone", "0351-5710001"}}; }

// Clean air from the drill's first day on: the lift rule (≥ 36 h below the criterion) is met.
json quiet_forecast() {
    json days = json::array();
    for (int d = 14; d <= 17; ++d)
        days.push_back({{"date", "2026-12-" + std::to_string(d)}, {"aqi_low", 60}, {"aqi_high", 95},
                        {"aqi_central", 80}, {"primary_pollutant", "PM10"}});
    return {{"issued_at", "2026-12-14T10:00:00+08:00"}, {"issuer", "joint"}, {"days", days}};
}

}  // namespace

TEST_CASE("a new level's order supersedes the previous one and needs a fresh acknowledgement",
          "[integration][orders]") {
    LiveServer s;
    act_now(s, example("forecast-c1.json"), "issue", "yellow");
    auto mine = s.get("/v1/me/orders", "enterprise").body.at("items");
    REQUIRE(mine.size() == 1);
    int const first = mine[0].at("id").get<int>();
    CHECK(mine[0].at("level").at("id") == "yellow");
    CHECK(mine[0].at("status") == "sent");
    CHECK(mine[0].at("content").at("source") == "enterprise");  // ENT-01's own yellow measure

    auto const ack = s.post("/v1/orders/" + std::to_string(first) + "/ack", ack_body(), "enterprise", "ack-1");
    REQUIRE(ack.status == 200);
    CHECK(ack.body.at("status") == "acknowledged");
    SECTION("acknowledging again returns the first acknowledgement") {
        auto const again = s.post("/v1/orders/" + std::to_string(first) + "/ack", ack_body("另一个人"), "enterprise");
        CHECK(again.status == 200);
        CHECK(again.body.at("acknowledgement").at("by") == "王建国");
        auto const replay = s.post("/v1/orders/" + std::to_string(first) + "/ack", ack_body(), "enterprise", "ack-1");
        CHECK(replay.body == ack.body);
    }
    SECTION("an enterprise cannot read another enterprise's order") {
        auto const other = s.get("/v1/orders/" + std::to_string(first + 1), "enterprise");
        CHECK(other.status == 404);  // as if it did not exist
        CHECK(other.body.at("type") == "/problems/not-found");
        CHECK(s.post("/v1/orders/" + std::to_string(first + 1) + "/ack", ack_body(), "enterprise").status == 404);
    }
    SECTION("the upgrade supersedes it; the new order needs its own acknowledgement") {
        act_now(s, example("forecast-c2.json"), "upgrade", "orange");
        mine = s.get("/v1/me/orders", "enterprise").body.at("items");
        REQUIRE(mine.size() == 2);
        int const second = mine[0].at("id").get<int>();
        CHECK(mine[0].at("level").at("id") == "orange");
        CHECK(mine[0].at("supersedes") == first);
        CHECK(mine[0].at("status") == "sent");
        auto const old = s.get("/v1/orders/" + std::to_string(first), "enterprise").body;
        CHECK(old.at("current") == false);
        CHECK(old.at("superseded_by") == second);
        auto const stale = s.post("/v1/orders/" + std::to_string(first) + "/execution",
                                  {{"lines", {{{"line_id", "CO-1"}, {"status", "limited"}}}}}, "enterprise");
        CHECK(stale.status == 409);
        CHECK(stale.body.at("type") == "/problems/order-superseded");
        CHECK(stale.body.at("superseded_by") == second);
        CHECK(s.post("/v1/orders/" + std::to_string(second) + "/ack", ack_body(), "enterprise").status == 200);

        act_now(s, quiet_forecast(), "lift");
        auto const last = s.get("/v1/me/orders", "enterprise").body.at("items")[0];
        CHECK(last.at("kind") == "termination");
        CHECK(last.at("supersedes") == second);
        auto const text = s.get("/v1/orders/" + std::to_string(last.at("id").get<int>()), "enterprise").body;
        CHECK(text.at("text_cn").get<std::string>().find("终止") != std::string::npos);
    }
}

TEST_CASE("acknowledgement deadlines remind and escalate exactly once across a restart", "[integration][orders]") {
    LiveServer s;
    act_now(s, example("forecast-c1.json"), "issue", "yellow");
    int const order = s.get("/v1/me/orders", "enterprise").body.at("items")[0].at("id").get<int>();
    REQUIRE(s.post("/v1/orders/" + std::to_string(order) + "/ack", ack_body(), "enterprise").status == 200);
    s.kill_hard();
    sleep_simulated(std::chrono::seconds(3));  // 1 h to acknowledge + 1 h to escalation pass
    s.start();
    auto const progress = s.get("/v1/episodes/1/progress").body;
    auto const total = progress.at("counts").at("total").get<int>();
    CHECK(total > 1000);
    CHECK(progress.at("counts").at("ack_overdue") == total - 1);
    int escalated = 0;
    for (auto const& e : progress.at("escalations"))
        if (e.at("kind") == "ack") escalated += e.at("count").get<int>();
    CHECK(escalated == total - 1);
    CHECK(timeline_rows(s, 1, "ack_reminder").size() == 1);
    CHECK(timeline_rows(s, 1, "ack_escalation").size() == 1);
    auto const overdue = s.get("/v1/episodes/1/orders?overdue=ack&limit=5").body;
    CHECK(overdue.at("items").size() == 5);
    CHECK(overdue.at("items")[0].at("reminded_at").is_string());
    CHECK(overdue.at("items")[0].at("escalated_at").is_string());
    s.kill_hard();
    s.start();
    CHECK(timeline_rows(s, 1, "ack_escalation").size() == 1);
}

TEST_CASE("a kill -9 in the middle of a fan-out leaves every order or none and never a duplicate",
          "[integration][orders][crash]") {
    int const plants = 20000;
    LiveServer s("2026-12-14T10:00:00+08:00", 1, {"--sample-size", std::to_string(plants)});
    auto const f = s.post("/v1/forecasts", example("forecast-c2.json"), "duty_officer");
    auto const p = s.post("/v1/proposals",
                          {{"action", "issue"}, {"level", "orange"}, {"start_at", at_local(s.now())},
                           {"consultation_note", "会商"}, {"forecast_id", f.body.at("id")}},
                          "duty_officer");
    REQUIRE(p.status == 201);
    auto const delay = GENERATE(0, 150, 400, 3000);  // 3 s: after the commit, for sure
    std::string const body = "{}";
    HttpClient raw(s.port());
    raw.send_raw("POST /v1/proposals/1/approve HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                 s.token("approver:mayor") + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n" + body);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    s.kill_hard();
    s.start();
    auto const proposal = s.get("/v1/proposals/1").body;
    auto const progress = s.get("/v1/episodes/1/progress");
    if (proposal.at("status") == "approved") {
        REQUIRE(progress.status == 200);
        REQUIRE(progress.body.at("batches").size() == 1);
        CHECK(progress.body.at("counts").at("total") == plants);
        CHECK(progress.body.at("batches")[0].at("orders") == plants);
    } else {
        CHECK(proposal.at("status") == "pending");
        CHECK(progress.status == 404);  // no episode, no orders
        CHECK(s.get("/v1/status").body.at("state") == "normal");
    }
}
