// Orders at the signature (issue #10 §1): a change signed ahead of its start sends its orders at
// once, effective from the start, with the acknowledgement due from the issue and the execution
// report from the start; the start does not issue them again; a change withdrawn before its start
// cancels them; an upgrade sent ahead keeps the current order in force until it starts.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

constexpr char kCokePlant[] = "91140121MA0TE00013";   // 晋阳示例焦化

void import_sample_list(Api& api) {
    std::ifstream in(std::filesystem::path(HG_SOURCE_DIR) / "plans" / "lists" / "taiyuan-sample.json");
    std::stringstream list;
    list << in.rdbuf();
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, list.str(), {{"Content-Type", "application/json"}}).status == 201);
}

/// The plant's newest order (its list is newest first), read whole with its text.
json newest_order(Api& api, std::string const& token) {
    auto const r = api.get("/v1/me/orders", token);
    INFO(r.raw);
    REQUIRE(r.status == 200);
    REQUIRE_FALSE(r.body.at("items").empty());
    auto const id = r.body.at("items")[0].at("id").get<std::int64_t>();
    auto const order = api.get("/v1/orders/" + std::to_string(id), token);
    REQUIRE(order.status == 200);
    return order.body;
}

std::vector<std::string> timeline_kinds(Api& api, int episode) {
    std::vector<std::string> kinds;
    auto const r = api.get("/v1/episodes/" + std::to_string(episode), api.auditor);
    INFO(r.raw);
    REQUIRE(r.status == 200);
    for (auto const& row : r.body.at("timeline"))
        kinds.push_back(row.at("kind").get<std::string>());
    return kinds;
}

/// The sample list imported and a yellow warning signed for D2 00:00 to D4 00:00; the coke
/// plant's token.
std::string yellow_signed_for_d2(Api& api) {
    import_sample_list(api);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", kCokePlant);
    auto const p = api.propose({{"action", "issue"}, {"level", "yellow"}, {"start_at", at(2, "00:00")},
                                {"end_at", at(4, "00:00")}, {"consultation_note", "预计12月15日至16日日均AQI＞150"}});
    REQUIRE(api.approve(p, api.deputy_mayor).status == 200);
    return coking;
}

bool has(std::string const& text, std::string const& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a warning signed ahead of its start sends its orders at the signature", "[api][orders][advance]") {
    // A drill clock just before midnight at 30× speed: D2 00:00 comes within a few real seconds.
    Api api(at(1, "23:58"), 30.0);
    auto const coking = yellow_signed_for_d2(api);

    // At once, before the start: the plant has its order, effective from D2 00:00.
    auto const order = newest_order(api, coking);
    CHECK(order.at("kind") == "order");
    CHECK(order.at("level").at("id") == "yellow");
    CHECK(order.at("effective_from") == at(2, "00:00"));
    CHECK(order.at("advance_notice") == true);
    auto const issued = instant(order.at("issued_at").get<std::string>());
    CHECK(issued < instant(at(2, "00:00")));
    // Acknowledge within the plan's hour of the issue; report execution within 24 h of the start.
    CHECK(instant(order.at("deadlines").at("ack_due_at").get<std::string>()) == issued + 3600);
    CHECK(order.at("deadlines").at("execution_due_at") == at(3, "00:00"));
    CHECK(has(order.at("text_cn").get<std::string>(), "须自2026年12月15日0时起执行以下减排措施"));

    // Officials follow it already: the status names the batch and its episode, progress counts it.
    auto const status = api.get("/v1/status", api.duty).body;
    CHECK(status.at("state") == "scheduled");
    CHECK(status.at("scheduled").at("episode_id") == 1);
    CHECK(status.at("scheduled").at("batch_id") == order.at("batch_id"));
    auto const progress = api.get("/v1/episodes/1/progress", api.duty);
    INFO(progress.raw);
    REQUIRE(progress.status == 200);
    REQUIRE(progress.body.at("batches").size() == 1);
    CHECK(progress.body.at("batches")[0].at("effective_from") == at(2, "00:00"));
    CHECK(progress.body.at("counts").at("total").get<int>() > 0);

    // The plant acknowledges before the start, on time.
    auto const ack = api.post("/v1/orders/" + std::to_string(order.at("id").get<std::int64_t>()) + "/ack",
                              {{"by", "王建国"}, {"phone", "13800000000"}}, coking);
    INFO(ack.raw);
    REQUIRE(ack.status == 200);
    CHECK(ack.body.at("acknowledgement").at("late") == false);

    // At the start the orders take effect; none is issued again, the acknowledgement stands.
    auto const d2 = instant(at(2, "00:00"));
    for (int i = 0; i < 200 && api.svc->now() < d2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(api.svc->now() >= d2);
    CHECK(api.svc->fire_due_timers() >= 1);
    CHECK(api.get("/v1/status", api.duty).body.at("level").at("id") == "yellow");
    CHECK(api.get("/v1/episodes/1/progress", api.duty).body.at("batches").size() == 1);
    auto const after = newest_order(api, coking);
    CHECK(after.at("id") == order.at("id"));
    CHECK(after.at("status") == "acknowledged");
    auto const kinds = timeline_kinds(api, 1);
    CHECK(std::count(kinds.begin(), kinds.end(), "orders") == 1);
    CHECK(std::count(kinds.begin(), kinds.end(), "orders_effective") == 1);
}

TEST_CASE("an upgrade signed ahead keeps the current order in force until it starts", "[api][orders][advance]") {
    Api api;
    import_sample_list(api);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", kCokePlant);
    api.active_warning("yellow");
    auto const yellow = newest_order(api, coking);
    CHECK(yellow.at("advance_notice") == false);   // started at once: sent at its start

    auto const up = api.propose({{"action", "upgrade"}, {"level", "orange"}, {"start_at", at(2, "00:00")},
                                 {"consultation_note", "预计12月16日起日均AQI＞200"}});
    REQUIRE(api.approve(up, api.mayor).status == 200);
    auto const orange = newest_order(api, coking);
    CHECK(orange.at("level").at("id") == "orange");
    CHECK(orange.at("supersedes") == yellow.at("id"));
    CHECK(orange.at("effective_from") == at(2, "00:00"));
    CHECK(has(orange.at("text_cn").get<std::string>(),
              "在此之前，继续执行第" + std::to_string(yellow.at("id").get<std::int64_t>()) + "号指令规定的措施"));
    CHECK(api.get("/v1/status", api.duty).body.at("level").at("id") == "yellow");   // not before its start

    // The yellow order holds until then: it says so, and can still be acknowledged.
    auto const path = "/v1/orders/" + std::to_string(yellow.at("id").get<std::int64_t>());
    auto const kept = api.get(path, coking).body;
    CHECK(kept.at("superseded_by") == orange.at("id"));
    CHECK(kept.at("in_force_until") == at(2, "00:00"));
    auto const ack = api.post(path + "/ack", {{"by", "王建国"}, {"phone", "13800000000"}}, coking);
    INFO(ack.raw);
    CHECK(ack.status == 200);
}

TEST_CASE("a warning withdrawn before its start cancels the orders it sent", "[api][orders][advance]") {
    Api api;
    auto const coking = yellow_signed_for_d2(api);
    auto const order = newest_order(api, coking);

    auto const withdraw = api.propose({{"action", "lift"}, {"start_at", at(1, "12:00")}, {"consultation_note", "会商后预报好转，取消预警"}});
    auto const r = api.approve(withdraw, api.deputy_mayor);
    INFO(r.raw);
    REQUIRE(r.status == 200);
    auto const status = api.get("/v1/status", api.duty).body;
    CHECK(status.at("state") == "normal");
    CHECK(status.at("scheduled").is_null());
    for (auto const& t : status.at("next")) CHECK(t.at("kind") != "start");   // no start left to fire

    // The plant is told: a cancellation that replaces the order, to acknowledge like any notice.
    auto const cancel = newest_order(api, coking);
    CHECK(cancel.at("kind") == "termination");
    CHECK(cancel.at("cancellation") == true);
    CHECK(cancel.at("supersedes") == order.at("id"));
    CHECK(cancel.at("advance_notice") == false);
    auto const text = cancel.at("text_cn").get<std::string>();
    CHECK(has(text, "原定于2026年12月15日0时起执行的重污染天气黄色预警减排指令"));
    CHECK(has(text, "撤销，不再执行"));
    CHECK_FALSE(has(text, "此前执行的"));
    auto const old = api.get("/v1/orders/" + std::to_string(order.at("id").get<std::int64_t>()), coking).body;
    CHECK(old.at("current") == false);
    CHECK(old.at("superseded_by") == cancel.at("id"));

    // Its episode never opened; the batches say what was sent and withdrawn.
    CHECK(api.get("/v1/episodes", api.auditor).body.at("items").empty());
    auto const progress = api.get("/v1/episodes/1/progress", api.duty).body;
    REQUIRE(progress.at("batches").size() == 2);
    CHECK(progress.at("batches")[1].at("kind") == "termination");
}

TEST_CASE("Extension: an upgrade signed ahead and revised upward before its start leaves no plant with the dropped order",
          "[api][orders][advance][rules]") {
    Api api;
    import_sample_list(api);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", kCokePlant);
    api.active_warning("yellow");
    auto const up = api.propose({{"action", "upgrade"}, {"level", "orange"}, {"start_at", at(2, "00:00")},
                                 {"consultation_note", "预计12月16日起日均AQI＞200"}});
    REQUIRE(api.approve(up, api.mayor).status == 200);
    auto const orange = newest_order(api, coking);
    REQUIRE(orange.at("level").at("id") == "orange");

    auto const revised = api.propose({{"action", "upgrade"}, {"level", "red"}, {"start_at", at(2, "00:00")},
                                      {"consultation_note", "会商后预计12月16日AQI＞300，改为红色预警"}});
    auto const r = api.approve(revised, api.mayor);
    INFO(r.raw);
    REQUIRE(r.status == 200);
    auto const status = api.get("/v1/status", api.duty).body;
    CHECK(status.at("state") == "change_scheduled");
    CHECK(status.at("scheduled").at("level").at("id") == "red");

    // The orange order is replaced, not left standing; the newest order is red, from D2 00:00,
    // and until then the plant keeps a current order at the level in force (yellow).
    auto const old = api.get("/v1/orders/" + std::to_string(orange.at("id").get<std::int64_t>()), coking).body;
    CHECK(old.at("current") == false);
    auto const red = newest_order(api, coking);
    CHECK(red.at("level").at("id") == "red");
    CHECK(red.at("effective_from") == at(2, "00:00"));
    auto const held = api.get("/v1/orders/" + std::to_string(red.at("supersedes").get<std::int64_t>()), coking).body;
    CHECK(held.at("level").at("id") == "yellow");
    CHECK(held.at("in_force_until") == at(2, "00:00"));
}

TEST_CASE("Directives: a directive's start sends each listed plant its order with the deadlines of a city issue",
          "[api][orders][rules]") {
    Api api;
    import_sample_list(api);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", kCokePlant);
    auto const d = api.post("/v1/directives",
                            {{"issuer", "shanxi"}, {"level", "orange"}, {"start_at", at(1, "09:00")},
                             {"reference", "晋气指〔2026〕12号"}},
                            api.duty);
    REQUIRE(d.status == 201);
    auto const order = newest_order(api, coking);
    CHECK(order.at("level").at("id") == "orange");
    auto const issued = instant(order.at("issued_at").get<std::string>());
    CHECK(instant(order.at("deadlines").at("ack_due_at").get<std::string>()) == issued + 3600);  // plan: 1 h
    CHECK(instant(order.at("deadlines").at("execution_due_at").get<std::string>()) ==
          instant(order.at("effective_from").get<std::string>()) + 24 * 3600);  // plan: 24 h
}

}  // namespace hazeguard::api::test
