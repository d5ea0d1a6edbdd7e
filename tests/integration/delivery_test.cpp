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
    json failed;
    for (int i = 0; i < 250 && failed.is_null(); ++i) {
        auto const d = s.get("/v1/deliveries", "admin").body.at("items");
        if (!d.empty() && d[0].at("attempts").get<int>() >= 1) failed = d[0];
        else std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE_FALSE(failed.is_null());
    CHECK(failed.at("state") == "queued");
    CHECK(failed.at("last_status").is_null());
    s.kill_hard();

    WebhookReceiver receiver(port);
    s.start();
    std::vector<ReceivedWebhook> got;
    for (int i = 0; i < 1500 && got.empty(); ++i) {  // the retry is due 5 s after the first try
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

    json delivered;
    for (int i = 0; i < 250 && delivered.is_null(); ++i) {
        auto const d = s.get("/v1/deliveries?state=delivered", "admin").body.at("items");
        if (!d.empty()) delivered = d[0];
        else std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE_FALSE(delivered.is_null());
    CHECK(delivered.at("attempts") == 2);
    CHECK(delivered.at("last_status") == 204);
    // The episode (from D2 00:00) holds the proposal's rows: queued at the signature, distributed
    // when the receiver had it — late here, the retry came hours of drill time after the signature.
    wait_until(s, "2026-12-15T00:00:00+08:00");
    for (int i = 0; i < 250 && s.get("/v1/episodes/1").status != 200; ++i)  // the start timer's turn
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto const queued = timeline_rows(s, 1, "notice_queued");
    REQUIRE(queued.size() == 1);
    auto const distributed = timeline_rows(s, 1, "distribution");
    REQUIRE(distributed.size() == 1);
    CHECK(distributed[0].at("at") > queued[0].at("at"));
    CHECK(distributed[0].at("detail").at("recipients") == 1);
}
