// The notice of a signature reaches a department's webhook receiver through the real server:
// the receiver is down when the notice is signed, the server is killed (-9) while the delivery
// waits for its retry, the receiver comes up, the server restarts — and the notice arrives,
// signed, and only then counts as distributed.
#include "engine/delivery/webhook_signature.hpp"
#include "tests/integration/integration_fixture.hpp"
#include "tests/support/webhook_receiver.hpp"

using namespace hazeguard::test;

TEST_CASE("a notice queued while its receiver is down arrives after a kill -9 and a restart",
          "[integration][delivery][crash]") {
    LiveServer s;
    auto const port = free_port();
    auto const sub = s.post("/v1/subscriptions",
                            {{"name", "小店区人民政府"}, {"topic", "notices"},
                             {"url", "http://127.0.0.1:" + std::to_string(port) + "/hooks/hazeguard"}},
                            "admin");
    REQUIRE(sub.status == 201);
    consult(s, "forecast-c1.json",
            {{"action", "issue"}, {"level", "yellow"}, {"start_at", "2026-12-15T00:00:00+08:00"},
             {"end_at", "2026-12-17T00:00:00+08:00"}});
    // The dispatcher tries at once and fails: nobody listens yet.
    auto const failed = wait_for_delivery(s, "", 1);
    REQUIRE_FALSE(failed.is_null());
    CHECK(failed.at("state") == "queued");
    CHECK(failed.at("last_status").is_null());
    s.kill_hard();

    WebhookReceiver receiver(port);
    s.start();
    std::vector<ReceivedWebhook> got;
    for (int i = 0; i < 1500 * slowdown() && got.empty(); ++i) {  // the retry is due 5 s after the first try
        std::this_thread::sleep_for(std::chrono::milliseconds(40));
        got = receiver.received();
    }
    REQUIRE(got.size() == 1);
    auto const& w = got[0];
    auto const body = json::parse(w.body);
    CHECK(body.at("type") == "notices");
    CHECK(body.at("drill") == true);
    CHECK(body.at("data").at("level").at("id") == "yellow");
    CHECK(w.headers.at("webhook-id") == body.at("id"));
    CHECK(w.headers.at("webhook-signature") ==
          hazeguard::engine::webhook_signature(sub.body.at("secret").get<std::string>(), w.headers.at("webhook-id"),
                                               std::stoll(w.headers.at("webhook-timestamp")), w.body));

    auto const delivered = wait_for_delivery(s, "?state=delivered");
    REQUIRE_FALSE(delivered.is_null());
    CHECK(delivered.at("attempts") == 2);
    CHECK(delivered.at("last_status") == 204);
    // The episode (from D2 00:00) holds the proposal's rows: queued at the signature, distributed
    // when the receiver had it — late here, the retry came hours of drill time after the signature.
    wait_until(s, "2026-12-15T00:00:00+08:00");
    for (int i = 0; i < 250 * slowdown() && s.get("/v1/episodes/1").status != 200; ++i)  // the start timer's turn
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto const queued = timeline_rows(s, 1, "notice_queued");
    REQUIRE(queued.size() == 1);
    auto const distributed = timeline_rows(s, 1, "distribution");
    REQUIRE(distributed.size() == 1);
    CHECK(distributed[0].at("at") > queued[0].at("at"));
    CHECK(distributed[0].at("detail").at("recipients") == 1);
}

TEST_CASE("overdue plants are reported to the receivers of their district, and the record names the others",
          "[integration][delivery]") {
    LiveServer s;  // 3600 simulated seconds per real second
    auto const port = free_port();
    WebhookReceiver receiver(port);
    auto const url = "http://127.0.0.1:" + std::to_string(port) + "/escalations";
    REQUIRE(s.post("/v1/subscriptions", {{"name", "清徐县人民政府"}, {"topic", "escalations"}, {"district", "清徐县"}, {"url", url}},
                   "admin").status == 201);
    REQUIRE(s.post("/v1/subscriptions", {{"name", "市生态环境局"}, {"topic", "escalations"}, {"url", url}}, "admin").status ==
            201);
    auto const f = s.post("/v1/forecasts", example("forecast-c1.json"), "duty_officer");
    REQUIRE(f.status == 201);
    auto const p = s.post("/v1/proposals",
                          {{"action", "issue"}, {"level", "yellow"}, {"start_at", at_local(s.now())},
                           {"consultation_note", "会商"}, {"forecast_id", f.body.at("id")}},
                          "duty_officer");
    REQUIRE(p.status == 201);
    REQUIRE(s.post("/v1/proposals/1/approve", json::object(), "approver:mayor").status == 200);
    // 1 h to acknowledge, escalated 1 h later: nobody acknowledges.
    std::vector<json> rows;
    for (int i = 0; i < 500 * slowdown() && rows.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        rows = timeline_rows(s, 1, "ack_escalation");
    }
    REQUIRE(rows.size() == 1);
    auto const& detail = rows[0].at("detail");
    auto const& by_district = detail.at("by_district");
    REQUIRE(by_district.contains("清徐县"));
    CHECK(detail.at("sent_to").at("清徐县") == json::array({"清徐县人民政府", "市生态环境局"}));
    CHECK(detail.at("unreached_districts").empty());  // the city bureau takes every district
    // One message per district reaches the receiver: the district's own and the bureau's copy of it.
    std::size_t const expected = by_district.size() + 1;
    std::vector<ReceivedWebhook> got;
    for (int i = 0; i < 500 * slowdown() && got.size() < expected; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        got = receiver.received();
    }
    REQUIRE(got.size() == expected);
    int qingxu = 0;
    for (auto const& w : got) {
        auto const body = json::parse(w.body);
        CHECK(body.at("type") == "escalations");
        CHECK(body.at("data").at("kind") == "ack_overdue");
        if (body.at("data").at("district") == "清徐县") {
            ++qingxu;
            CHECK(body.at("data").at("count") == by_district.at("清徐县"));
            // Which plants: each named with its order, the first 200 of the count (267 here).
            auto const& plants = body.at("data").at("plants");
            CHECK(plants.size() == std::min<std::size_t>(200, by_district.at("清徐县").get<std::size_t>()));
            CHECK(body.at("data").at("plants_listed") == plants.size());
            for (auto const& plant : plants) {
                CHECK(plant.at("credit_code").get<std::string>().size() == 18);
                CHECK_FALSE(plant.at("name").get<std::string>().empty());
                CHECK(plant.at("order_id").get<std::int64_t>() > 0);
            }
        }
    }
    CHECK(qingxu == 2);
    auto const reminder = timeline_rows(s, 1, "ack_reminder");
    REQUIRE(reminder.size() == 1);
    CHECK(reminder[0].at("detail").at("sms_queued") == 0);   // no SMS gateway in this test: nothing went out
}
