// One-time links (docs/delivery.md): a plant opens its order from the link and acknowledges it
// without a token; the record says it came by link; a superseded order's link points to the
// current one; forged and expired links are refused.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

constexpr char kLinkedPlant[] = "91140121MA0TE00013";

void import_sample(Api& api) {
    std::ifstream in(std::filesystem::path(HG_SOURCE_DIR) / "plans" / "lists" / "taiyuan-sample.json");
    std::stringstream list;
    list << in.rdbuf();
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, list.str(), {{"Content-Type", "application/json"}}).status == 201);
}

json const kLinkAck{{"by", "王建国"}, {"phone", "13800000000"}};

}  // namespace

TEST_CASE("a plant acknowledges its order from the one-time link, without a token", "[api][links]") {
    Api api;
    import_sample(api);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", kLinkedPlant);
    api.active_warning("yellow");
    auto const mine = api.get("/v1/me/orders", coking).body.at("items");
    REQUIRE(mine.size() == 1);
    auto const link = mine[0].at("link").get<std::string>();
    REQUIRE(link.rfind("/v1/links/", 0) == 0);
    CHECK_FALSE(api.get("/v1/episodes/1/orders?limit=1", api.duty).body.at("items")[0].contains("link"));  // staff lists carry none

    auto const opened = api.get(link, "");
    INFO(opened.raw);
    REQUIRE(opened.status == 200);
    CHECK(opened.body.at("id") == mine[0].at("id"));
    CHECK(opened.body.at("text_cn").get<std::string>().find("黄色预警") != std::string::npos);
    CHECK(opened.body.at("acknowledge").at("href") == link + "/ack");
    CHECK(opened.body.at("status") == "sent");  // opening it acknowledges nothing

    auto const ack = api.post(link + "/ack", kLinkAck, "");
    INFO(ack.raw);
    REQUIRE(ack.status == 200);
    CHECK(ack.body.at("acknowledgement").at("channel") == "link");
    CHECK(ack.body.at("acknowledgement").at("by") == "王建国");
    auto const again = api.post(link + "/ack", {{"by", "别人"}, {"phone", "13900000000"}}, "");
    REQUIRE(again.status == 200);
    CHECK(again.body.at("acknowledgement").at("by") == "王建国");  // the first stands
    auto const seen = api.get("/v1/orders/" + std::to_string(mine[0].at("id").get<int>()), api.duty).body;
    CHECK(seen.at("status") == "acknowledged");
    CHECK(seen.at("acknowledgement").at("channel") == "link");

    auto const bad = api.post(link + "/ack", {{"by", ""}, {"seal", 1}}, "");
    CHECK(is_problem(bad, 422, "/problems/validation"));
}

TEST_CASE("a superseded order's link says so and points to the current order", "[api][links]") {
    Api api;
    import_sample(api);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", kLinkedPlant);
    api.active_warning("yellow");
    auto const yellow_link = api.get("/v1/me/orders", coking).body.at("items")[0].at("link").get<std::string>();
    auto const up = api.propose({{"action", "upgrade"}, {"level", "orange"}, {"start_at", at(1, "09:00")},
                                 {"consultation_note", "升级"}});
    REQUIRE(api.approve(up, api.mayor).status == 200);
    auto const items = api.get("/v1/me/orders", coking).body.at("items");
    REQUIRE(items.size() == 2);
    auto const old = api.get(yellow_link, "");
    REQUIRE(old.status == 200);
    CHECK(old.body.at("current") == false);
    CHECK(old.body.at("current_link") == items[0].at("link"));
    CHECK(is_problem(api.post(yellow_link + "/ack", kLinkAck, ""), 409, "/problems/order-superseded"));
    CHECK(api.post(items[0].at("link").get<std::string>() + "/ack", kLinkAck, "").status == 200);
}

TEST_CASE("forged and expired links open nothing", "[api][links]") {
    Api api("2026-12-14T10:00:00+08:00", 360000.0);  // 100 drill hours per real second
    import_sample(api);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", kLinkedPlant);
    auto const id = api.propose({{"action", "issue"}, {"level", "yellow"}, {"start_at", at(1, "08:00")},
                                 {"consultation_note", "测试"}});
    REQUIRE(api.approve(id, api.mayor).status == 200);
    auto const link = api.get("/v1/me/orders", coking).body.at("items")[0].at("link").get<std::string>();
    auto forged = link;
    forged.back() = forged.back() == 'A' ? 'B' : 'A';
    CHECK(is_problem(api.get(forged, ""), 404, "/problems/not-found"));
    CHECK(is_problem(api.post(forged + "/ack", kLinkAck, ""), 404, "/problems/not-found"));
    CHECK(is_problem(api.get("/v1/links/1.2.3", ""), 404, "/problems/not-found"));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // > 72 drill hours
    auto const expired = api.get(link, "");
    CHECK(is_problem(expired, 410, "/problems/link-expired"));
    CHECK(is_problem(api.post(link + "/ack", kLinkAck, ""), 410, "/problems/link-expired"));
}

}  // namespace hazeguard::api::test
