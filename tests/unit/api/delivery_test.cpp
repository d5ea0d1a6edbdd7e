// Notices through the transactional outbox (docs/delivery.md): subscriptions (admin only, every
// error path), the notice queued in the signature's transaction, signed deliveries through a fake
// sender, "distributed" only once every recipient has it, retries, the dead-letter state and an
// admin's retry.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/delivery/webhook_signature.hpp"
#include "engine/service/clock.hpp"
#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

/// Records what would have been sent and answers with `status` (0: no answer).
struct FakeReceiver {
    int status = 204;
    std::vector<service::WebhookRequest> got;
    service::WebhookSender sender() {
        return [this](service::WebhookRequest const& r) {
            got.push_back(r);
            return service::WebhookResult{status, status ? "" : "connection refused", ""};
        };
    }
};

std::string header(service::WebhookRequest const& r, std::string const& name) {
    for (auto const& [k, v] : r.headers)
        if (k == name) return v;
    return "";
}

json subscribe(Api& api, std::string const& name, std::string const& url = "https://gov.example.cn/hook") {
    auto const r = api.post("/v1/subscriptions", {{"name", name}, {"topic", "notices"}, {"url", url}}, api.admin);
    INFO(r.raw);
    REQUIRE(r.status == 201);
    return r.body;
}

std::vector<json> timeline(Api& api, std::string const& kind) {
    std::vector<json> out;
    // Rows before an episode opens live under the proposal; the C1 issue here opens none yet.
    auto const p = api.get("/v1/episodes", api.duty).body;
    for (auto const& e : p.at("items")) {
        auto const ep = api.get("/v1/episodes/" + std::to_string(e.at("id").get<int>()), api.duty).body;
        for (auto const& row : ep.at("timeline"))
            if (row.at("kind") == kind) out.push_back(row);
    }
    return out;
}

std::int64_t sign_yellow_now(Api& api) { return api.active_warning("yellow"); }

}  // namespace

TEST_CASE("subscriptions: admin (and plants for their orders) only, validated, the secret shown once", "[api][delivery]") {
    Api api;
    CHECK(is_problem(api.post("/v1/subscriptions", {{"name", "x"}, {"topic", "notices"}, {"url", "https://a.cn"}}, api.duty),
                     403, "/problems/forbidden-role"));
    auto bad = api.post("/v1/subscriptions", {{"name", "x"}, {"topic", "alarms"}, {"url", "ftp://a.cn/x"}, {"colour", 1}},
                        api.admin);
    REQUIRE(is_problem(bad, 422, "/problems/validation"));
    std::set<std::string> pointers;
    for (auto const& e : bad.body.at("errors")) pointers.insert(e.at("pointer").get<std::string>());
    CHECK(pointers == std::set<std::string>{"/topic", "/url", "/colour"});
    CHECK(is_problem(api.post("/v1/subscriptions", {{"topic", "notices"}, {"url", "http://a b"}}, api.admin), 422,
                     "/problems/validation"));

    auto const wrong_district = api.post("/v1/subscriptions",
                                         {{"name", "x"}, {"topic", "notices"}, {"url", "https://a.cn"}, {"district", "清徐县"}},
                                         api.admin);
    REQUIRE(is_problem(wrong_district, 422, "/problems/validation"));
    CHECK(wrong_district.pointers() == std::vector<std::string>{"/district"});
    auto const unknown_district = api.post(
        "/v1/subscriptions", {{"name", "x"}, {"topic", "escalations"}, {"url", "https://a.cn"}, {"district", "海淀区"}}, api.admin);
    REQUIRE(is_problem(unknown_district, 422, "/problems/validation"));
    CHECK(unknown_district.pointers() == std::vector<std::string>{"/district"});
    auto const county = api.post("/v1/subscriptions",
                                 {{"name", "清徐县人民政府"}, {"topic", "escalations"}, {"url", "https://qx.cn"}, {"district", "清徐县"}},
                                 api.admin);
    REQUIRE(county.status == 201);
    CHECK(county.body.at("district") == "清徐县");
    REQUIRE(api.send("DELETE", "/v1/subscriptions/" + std::to_string(county.body.at("id").get<int>()), api.admin).status == 200);

    auto const s = subscribe(api, "小店区人民政府");
    CHECK(s.at("secret").get<std::string>().rfind("whsec_", 0) == 0);
    auto const list = api.get("/v1/subscriptions", api.admin);
    REQUIRE(list.status == 200);
    REQUIRE(list.body.at("items").size() == 1);
    CHECK_FALSE(list.body.at("items")[0].contains("secret"));
    CHECK(list.body.at("items")[0].at("name") == "小店区人民政府");

    auto const id = std::to_string(s.at("id").get<int>());
    auto const put = [&](json const& body, std::string const& token) {
        return api.send("PUT", "/v1/subscriptions/" + id, token, body.dump());
    };
    auto const renamed = put({{"name", "小店区政府办"}, {"url", "https://xd2.example.cn/hook"}}, api.admin);
    INFO(renamed.raw);
    REQUIRE(renamed.status == 200);
    CHECK(renamed.body.at("name") == "小店区政府办");
    CHECK(renamed.body.at("url") == "https://xd2.example.cn/hook");
    CHECK(renamed.body.at("topic") == "notices");
    CHECK(is_problem(put({{"district", "清徐县"}}, api.admin), 422, "/problems/validation"));  // notices have none
    CHECK(is_problem(put({{"url", "gopher://x"}, {"topic", "orders"}}, api.admin), 422, "/problems/validation"));
    CHECK(is_problem(put({{"name", "x"}}, api.enterprise), 404, "/problems/not-found"));  // not a plant's own
    CHECK(is_problem(api.send("PUT", "/v1/subscriptions/999", api.admin, json{{"name", "x"}}.dump()), 404, "/problems/not-found"));
    CHECK(api.send("DELETE", "/v1/subscriptions/" + id, api.admin).status == 200);
    CHECK(api.get("/v1/subscriptions", api.admin).body.at("items").empty());
    CHECK(is_problem(api.send("DELETE", "/v1/subscriptions/" + id, api.admin), 404, "/problems/not-found"));
    CHECK(is_problem(api.post("/v1/subscriptions/" + id + "/ping", json::object(), api.admin), 404, "/problems/not-found"));
}

TEST_CASE("without recipients the record says the notice was not distributed", "[api][delivery]") {
    Api api;
    sign_yellow_now(api);
    CHECK(timeline(api, "distribution").empty());
    auto const unsent = timeline(api, "notice_unsent");
    REQUIRE(unsent.size() == 1);
    CHECK(unsent[0].at("summary_cn").get<std::string>().find("通知未分发") != std::string::npos);
}

TEST_CASE("a signed notice reaches every subscriber, signed, only then is it distributed", "[api][delivery]") {
    Api api;
    auto const a = subscribe(api, "小店区人民政府", "https://xd.example.cn/hook");
    auto const b = subscribe(api, "市交通运输局", "https://jt.example.cn/hook");
    sign_yellow_now(api);
    auto const queued = timeline(api, "notice_queued");
    REQUIRE(queued.size() == 1);
    CHECK(queued[0].at("detail").at("recipients").size() == 2);
    CHECK(timeline(api, "distribution").empty());

    auto const now = service::real_now();
    FakeReceiver first;
    first.status = 503;
    CHECK(api.svc->delivery().dispatch_due(first.sender(), 1, now) == 1);  // one fails
    FakeReceiver second;
    CHECK(api.svc->delivery().dispatch_due(second.sender(), 10, now) == 1);  // the other arrives
    CHECK(timeline(api, "distribution").empty());  // not everyone has it yet
    CHECK(api.svc->delivery().dispatch_due(second.sender(), 10, now + 4) == 0);  // the retry waits 5 s
    CHECK(api.svc->delivery().dispatch_due(second.sender(), 10, now + 5) == 1);
    auto const distributed = timeline(api, "distribution");
    REQUIRE(distributed.size() == 1);
    CHECK(distributed[0].at("detail").at("on_time") == true);
    CHECK(distributed[0].at("detail").at("recipients") == 2);

    // What the receivers got: the same message id for both, signed with each one's secret.
    REQUIRE(second.got.size() == 2);
    std::set<std::string> urls;
    for (auto const& r : second.got) {
        urls.insert(r.url);
        auto const body = json::parse(r.body);
        CHECK(body.at("type") == "notices");
        CHECK(body.at("data").at("notice_cn").get<std::string>().find("黄色预警") != std::string::npos);
        CHECK(header(r, "webhook-id") == body.at("id"));
        auto const& secret = r.url == a.at("url") ? a.at("secret") : b.at("secret");
        CHECK(header(r, "webhook-signature") ==
              engine::webhook_signature(secret.get<std::string>(), header(r, "webhook-id"),
                                        std::stoll(header(r, "webhook-timestamp")), r.body));
    }
    CHECK(urls.size() == 2);
    CHECK(header(first.got[0], "webhook-id") == header(second.got[0], "webhook-id"));

    auto const log = api.get("/v1/deliveries", api.admin).body.at("items");
    REQUIRE(log.size() == 2);
    for (auto const& d : log) CHECK(d.at("state") == "delivered");
    CHECK(is_problem(api.get("/v1/deliveries?state=lost", api.admin), 400, "/problems/invalid-query"));
    CHECK(is_problem(api.get("/v1/deliveries", api.duty), 403, "/problems/forbidden-role"));
}

TEST_CASE("a receiver that never answers is retried on schedule, then dead until an admin retries", "[api][delivery]") {
    Api api;
    auto const s = subscribe(api, "阳曲县人民政府", "http://127.0.0.1:9/hook");
    auto const ping = api.post("/v1/subscriptions/" + std::to_string(s.at("id").get<int>()) + "/ping", json::object(),
                               api.admin);
    REQUIRE(ping.status == 202);
    FakeReceiver down;
    down.status = 0;
    auto t = service::real_now();
    int attempts = 0;
    for (int i = 0; i < 20 && api.svc->delivery().dispatch_due(down.sender(), 1, t) == 1; ++i) {
        ++attempts;
        t += 2 * 86400;  // past any delay of the schedule
    }
    CHECK(attempts == 11);
    auto const dead = api.get("/v1/deliveries?state=dead", api.admin).body.at("items");
    REQUIRE(dead.size() == 1);
    CHECK(dead[0].at("attempts") == 11);
    CHECK(dead[0].at("last_error") == "connection refused");
    CHECK(dead[0].at("last_status").is_null());
    auto const id = std::to_string(dead[0].at("id").get<int>());

    auto const again = api.post("/v1/deliveries/" + id + "/retry", json::object(), api.admin);
    INFO(again.raw);
    REQUIRE(again.status == 200);
    CHECK(again.body.at("state") == "queued");
    CHECK(again.body.at("attempts") == 0);
    CHECK(is_problem(api.post("/v1/deliveries/" + id + "/retry", json::object(), api.admin), 409,
                     "/problems/delivery-not-dead"));
    FakeReceiver up;
    CHECK(api.svc->delivery().dispatch_due(up.sender(), 1, service::real_now()) == 1);
    CHECK(api.get("/v1/deliveries?state=delivered", api.admin).body.at("items").size() == 1);
    CHECK(json::parse(up.got.at(0).body).at("type") == "ping");
    CHECK(is_problem(api.post("/v1/deliveries/999/retry", json::object(), api.admin), 404, "/problems/not-found"));
}

}  // namespace hazeguard::api::test

namespace hazeguard::api::test {

TEST_CASE("a plant registers a webhook for its own orders and gets each one pushed as it is issued", "[api][delivery]") {
    Api api;
    std::ifstream in(std::filesystem::path(HG_SOURCE_DIR) / "plans" / "lists" / "taiyuan-sample.json");
    std::stringstream list;
    list << in.rdbuf();
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, list.str(), {{"Content-Type", "application/json"}}).status == 201);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", "91140121MA0TE00013");

    // What a plant may and may not register.
    auto const notices = api.post("/v1/subscriptions", {{"name", "焦化"}, {"topic", "notices"}, {"url", "https://jh.cn/h"}}, coking);
    REQUIRE(is_problem(notices, 422, "/problems/validation"));
    CHECK(notices.pointers() == std::vector<std::string>{"/topic"});
    auto const other = api.post("/v1/subscriptions",
                                {{"name", "焦化"}, {"topic", "orders"}, {"url", "https://jh.cn/h"}, {"enterprise", "91140122MA0TE0003P"}},
                                coking);
    CHECK(other.pointers() == std::vector<std::string>{"/enterprise"});
    auto const unnamed = api.post("/v1/subscriptions", {{"name", "某厂"}, {"topic", "orders"}, {"url", "https://x.cn/h"}}, api.admin);
    CHECK(unnamed.pointers() == std::vector<std::string>{"/enterprise"});

    auto const mine = api.post("/v1/subscriptions", {{"name", "晋阳示例焦化"}, {"topic", "orders"}, {"url", "https://jh.cn/h"}}, coking);
    REQUIRE(mine.status == 201);
    CHECK(mine.body.at("enterprise") == "91140121MA0TE00013");
    auto const cement = api.post(
        "/v1/subscriptions",
        {{"name", "太原示例水泥"}, {"topic", "orders"}, {"url", "https://sn.cn/h"}, {"enterprise", "91140122MA0TE0003P"}}, api.admin);
    REQUIRE(cement.status == 201);
    auto const seen = api.get("/v1/subscriptions", coking).body.at("items");
    REQUIRE(seen.size() == 1);  // its own only
    CHECK(seen[0].at("id") == mine.body.at("id"));
    auto const cement_id = std::to_string(cement.body.at("id").get<int>());
    CHECK(is_problem(api.send("DELETE", "/v1/subscriptions/" + cement_id, coking), 404, "/problems/not-found"));
    CHECK(is_problem(api.post("/v1/subscriptions/" + cement_id + "/ping", json::object(), coking), 404, "/problems/not-found"));
    CHECK(is_problem(api.get("/v1/deliveries", coking), 403, "/problems/forbidden-role"));

    api.active_warning("yellow");
    auto const queued_view = api.get("/v1/me/orders", coking).body.at("items").at(0);
    CHECK(queued_view.at("delivery").at("state") == "queued");
    CHECK(queued_view.at("delivery").at("delivered_at").is_null());
    FakeReceiver receiver;
    CHECK(api.svc->delivery().dispatch_due(receiver.sender(), 10, service::real_now()) == 2);
    // Officials see which plants were reached: the two registered ones, and nobody else.
    int reached = 0, without_channel = 0;
    auto const listing = api.get("/v1/episodes/1/orders?limit=100", api.duty);
    INFO(listing.raw.substr(0, 400));
    REQUIRE(listing.status == 200);
    for (auto const& o : listing.body.at("items")) {
        if (o.at("delivery").is_null()) ++without_channel;
        else if (o.at("delivery").at("state") == "delivered") ++reached;
    }
    CHECK(reached == 2);
    CHECK(without_channel == 8);
    REQUIRE(receiver.got.size() == 2);
    auto const own = api.get("/v1/me/orders", coking).body.at("items");
    REQUIRE(own.size() == 1);
    for (auto const& r : receiver.got) {
        auto const body = json::parse(r.body);
        CHECK(body.at("type") == "orders");
        CHECK(body.at("data").at("level") == "yellow");
        CHECK(body.at("data").at("kind") == "order");
        if (r.url == "https://jh.cn/h") {
            CHECK(body.at("data").at("credit_code") == "91140121MA0TE00013");
            CHECK(body.at("data").at("order_id") == own[0].at("id"));
            CHECK(body.at("data").at("href") == "/v1/orders/" + std::to_string(own[0].at("id").get<int>()));
            CHECK(header(r, "webhook-signature") ==
                  engine::webhook_signature(mine.body.at("secret").get<std::string>(), header(r, "webhook-id"),
                                            std::stoll(header(r, "webhook-timestamp")), r.body));
        } else {
            CHECK(body.at("data").at("credit_code") == "91140122MA0TE0003P");
        }
    }
}

}  // namespace hazeguard::api::test

namespace hazeguard::api::test {

TEST_CASE("a regional directive that takes effect is distributed like a signed notice", "[api][delivery]") {
    Api api;
    subscribe(api, "市交通运输局", "https://jt.example.cn/hook");
    auto const d = api.post("/v1/directives",
                            {{"issuer", "shanxi"}, {"level", "orange"}, {"start_at", at(1, "09:00")},
                             {"reference", "晋气指〔2026〕12号"}},
                            api.duty);
    INFO(d.raw);
    REQUIRE(d.status == 201);
    auto const queued = timeline(api, "notice_queued");
    REQUIRE(queued.size() == 1);
    CHECK(queued[0].at("ref") == "directive:1");
    FakeReceiver receiver;
    CHECK(api.svc->delivery().dispatch_due(receiver.sender(), 10, service::real_now()) == 1);
    REQUIRE(receiver.got.size() == 1);
    auto const body = json::parse(receiver.got[0].body);
    CHECK(body.at("data").at("directive_id") == 1);
    CHECK(body.at("data").at("level").at("id") == "orange");
    CHECK(body.at("data").at("notice_cn").get<std::string>().rfind("根据山西省区域预警指令（晋气指〔2026〕12号），太原市自", 0) == 0);
    auto const distributed = timeline(api, "distribution");
    REQUIRE(distributed.size() == 1);
    CHECK(distributed[0].at("ref") == "directive:1");
}

}  // namespace hazeguard::api::test
