// The domain brief's §14 scenario (none → yellow → orange → downgrade → lift), replayed through
// the real server on a drill clock (ten simulated hours per real second) with the 1,555-plant
// sample list: the right level and the right orders at every step, and the public CAP feed valid
// against the OASIS schema at every step.
#include "tests/integration/integration_fixture.hpp"
#include "tests/integration/cap_feed_check.hpp"

using namespace hazeguard::test;

namespace {

// Timers fire within one 200 ms loop turn (two simulated hours at this speed): wait for the batch.
json progress_with_batches(LiveServer& s, std::size_t batches) {
    for (int i = 0; i < 100 * slowdown(); ++i) {
        auto const r = s.get("/v1/episodes/1/progress");
        if (r.status == 200 && r.body.at("batches").size() >= batches) return r.body;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL("batch " << batches << " did not appear");
    return {};
}

// The public CAP feed: `expected` alerts, the newest of type `msg_type`. Returns the newest alert.
// (Cheap on purpose: the drill clock runs five hours a second. The schema check of every alert is
// done once at the end, by all_alerts_valid: alerts never change once published.)
std::string public_alerts(LiveServer& s, std::size_t expected, std::string const& msg_type) {
    auto const [status, feed] = s.get_public("/v1/public/alerts");
    REQUIRE(status == 200);
    INFO(feed);
    auto const ids = feed_identifiers(feed);
    REQUIRE(ids.size() == expected);
    auto const [code, newest] = s.get_public("/v1/public/alerts/" + ids.front());
    REQUIRE(code == 200);
    CHECK(xml_element(newest, "msgType") == msg_type);
    return newest;
}


// Each change's orders went out once, effective from its start, and were not issued again then.
void one_batch_from(json const& batch, std::string const& start) {
    CHECK(batch.at("effective_from") == start);
    CHECK(batch.at("issued_at").get<std::string>() <= start);   // at the signature, unless it came late
}

}  // namespace

TEST_CASE("the §14 scenario with the sample list issues the right orders at every step", "[integration][scenario]") {
    LiveServer s("2026-12-14T10:00:00+08:00", 18000);
    int const plants = s.get("/v1/enterprises").body.at("count").get<int>();
    REQUIRE(plants == 1555);

    // C1 (D1 10:00): yellow from D2 00:00 to D4 00:00.
    auto const yellow = consult(s, "forecast-c1.json",
                                {{"action", "issue"}, {"level", "yellow"}, {"start_at", "2026-12-15T00:00:00+08:00"},
                                 {"end_at", "2026-12-17T00:00:00+08:00"}});
    CHECK(yellow.at("checks").at("reduction_plan").at("enterprises") == plants);
    // Published at the signature. (Its onset is D2 00:00 — checked by the API tests at real speed:
    // here, on a loaded machine, the signature itself can come after D2 00:00 of the drill clock.)
    auto alert = public_alerts(s, 1, "Alert");
    CHECK(xml_element(alert, "headline") == "太原市发布重污染天气黄色预警（Ⅲ级响应）");
    // The orders go out at the signature, effective from D2 00:00 (advance notice).
    auto p = progress_with_batches(s, 1);
    REQUIRE(p.at("batches").size() == 1);
    CHECK(p.at("batches")[0].at("level") == "yellow");
    one_batch_from(p.at("batches")[0], "2026-12-15T00:00:00+08:00");
    CHECK(p.at("counts").at("total") == plants);
    auto const ent01 = s.get("/v1/me/orders", "enterprise").body.at("items")[0];
    CHECK(ent01.at("effective_from") == "2026-12-15T00:00:00+08:00");
    CHECK(ent01.at("content").at("reductions_t_per_day").at("NOx") == Approx(0.409));
    wait_until(s, "2026-12-15T00:00:00+08:00");
    status_with_level(s, "yellow");
    CHECK(s.get("/v1/episodes/1/progress").body.at("batches").size() == 1);   // not issued again at the start

    // C2 (D2 10:00): orange from D3 00:00, open-ended.
    wait_until(s, "2026-12-15T10:00:00+08:00");
    consult(s, "forecast-c2.json",
            {{"action", "upgrade"}, {"level", "orange"}, {"start_at", "2026-12-16T00:00:00+08:00"}, {"end_at", nullptr}});
    alert = public_alerts(s, 2, "Update");
    CHECK(alert.find("<severity>Severe</severity>") != std::string::npos);
    p = progress_with_batches(s, 2);
    REQUIRE(p.at("batches").size() == 2);
    CHECK(p.at("batches")[1].at("level") == "orange");
    CHECK(p.at("batches")[1].at("previous_level") == "yellow");
    one_batch_from(p.at("batches")[1], "2026-12-16T00:00:00+08:00");
    CHECK(p.at("counts").at("total") == plants);
    auto const orange = s.get("/v1/me/orders", "enterprise").body.at("items")[0];
    CHECK(orange.at("supersedes") == ent01.at("id"));
    CHECK(orange.at("content").at("reductions_t_per_day").at("NOx") == Approx(0.601));
    wait_until(s, "2026-12-16T00:00:00+08:00");
    CHECK(status_with_level(s, "orange").at("open_ended") == true);  // the yellow's D4 end no longer applies

    // C3 (D4 10:00): downgrade to yellow from D5 00:00 (no fluctuation across 200).
    wait_until(s, "2026-12-17T10:00:00+08:00");
    auto const down = consult(s, "forecast-c3.json",
                              {{"action", "downgrade"}, {"level", "yellow"}, {"start_at", "2026-12-18T00:00:00+08:00"}});
    CHECK(down.at("checks").at("fluctuation").at("applies") == false);
    public_alerts(s, 3, "Update");
    p = progress_with_batches(s, 3);
    REQUIRE(p.at("batches").size() == 3);
    CHECK(p.at("batches")[2].at("level") == "yellow");
    one_batch_from(p.at("batches")[2], "2026-12-18T00:00:00+08:00");
    wait_until(s, "2026-12-18T00:00:00+08:00");
    status_with_level(s, "yellow");

    // C4 (D5 10:00): lift from D6 00:00 (≥ 36 h below 150); the lift notice goes out in advance.
    wait_until(s, "2026-12-18T10:00:00+08:00");
    auto const lift = consult(s, "forecast-c4.json", {{"action", "lift"}, {"start_at", "2026-12-19T00:00:00+08:00"}});
    CHECK(lift.at("checks").at("lift").at("satisfied") == true);
    alert = public_alerts(s, 4, "Update");
    CHECK(xml_element(alert, "expires") == "2026-12-19T00:00:00+08:00");  // the lift ends it
    p = progress_with_batches(s, 4);
    REQUIRE(p.at("batches").size() == 4);
    CHECK(p.at("batches")[3].at("kind") == "termination");
    CHECK(p.at("batches")[3].at("terminations") == plants);
    one_batch_from(p.at("batches")[3], "2026-12-19T00:00:00+08:00");
    wait_until(s, "2026-12-19T00:00:00+08:00");
    CHECK(status_with_level(s, nullptr).at("state") == "normal");
    CHECK(s.get("/v1/episodes/1/progress").body.at("batches").size() == 4);
    auto const episode = s.get("/v1/episodes/1").body;
    CHECK(episode.at("peak_level").at("id") == "orange");
    CHECK(episode.at("list_version") == 1);
    CHECK(episode.at("closed_at") == "2026-12-19T00:00:00+08:00");
    public_alerts(s, 4, "Update");  // the lift's start fires a timer, which publishes nothing new
    all_alerts_valid(s);
}
