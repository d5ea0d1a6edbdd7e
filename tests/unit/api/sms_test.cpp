// Text messages to the plants (docs/delivery.md "SMS"), in process: an order queues one message per
// mobile contact, the dispatcher hands each to the gateway with its template's variables, a
// receipt settles it, a reply "1" acknowledges the order; refusals are retried; reminders go to
// the plants still silent at the deadline; the inbound endpoints need their secret.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/storage/sqlite/sqlite_progress_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"
#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

constexpr char kSmsCokePlant[] = "91140121MA0TE00013";   // 晋阳示例焦化, first of the sample list

/// The sample list with a mobile number added to each plant's contacts: 1390000000 + its index.
void import_list_with_mobiles(Api& api) {
    std::ifstream in(std::filesystem::path(HG_SOURCE_DIR) / "plans" / "lists" / "taiyuan-sample.json");
    std::stringstream text;
    text << in.rdbuf();
    auto list = json::parse(text.str());
    int i = 0;
    for (auto& e : list.at("enterprises"))
        e.at("contacts").push_back({{"role", "应急联系人"}, {"name", "联系人" + std::to_string(i)},
                                    {"phone", "1390000000" + std::to_string(i++)}});
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, list.dump(), {{"Content-Type", "application/json"}}).status == 201);
}

/// A gateway that accepts every message and keeps it (or refuses all with `refuse`).
struct RecordingGateway {
    std::vector<service::SmsMessage> sent;
    std::string refuse;
    service::SmsSender sender() {
        return [this](service::SmsMessage const& m) {
            if (!refuse.empty()) return service::SmsResult{false, "", refuse};
            sent.push_back(m);
            return service::SmsResult{true, "biz-" + std::to_string(sent.size()), ""};
        };
    }
};

/// The list with mobiles imported (and SMS enabled with `gateway`), a yellow warning in force; the
/// coke plant's token.
std::string coke_plant_in_yellow(Api& api, bool gateway) {
    if (gateway) api.svc->sms().enable("https://hbj.example.gov.cn");
    import_list_with_mobiles(api);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", kSmsCokePlant);
    api.active_warning("yellow");
    return coking;
}

std::string inbound(Api& api, std::string const& what) {
    return "/v1/inbound/sms/" + api.svc->sms().inbound_token() + "/" + what;
}

json order_of(Api& api, std::string const& token) {
    auto const mine = api.get("/v1/me/orders", token);
    REQUIRE(mine.status == 200);
    REQUIRE_FALSE(mine.body.at("items").empty());
    auto const id = mine.body.at("items")[0].at("id").get<std::int64_t>();
    return api.get("/v1/orders/" + std::to_string(id), token).body;
}

}  // namespace

TEST_CASE("an order goes to each mobile contact by SMS, a receipt settles it, a reply '1' acknowledges it", "[api][sms]") {
    Api api;
    auto const coking = coke_plant_in_yellow(api, true);

    // Queued with the order: one per mobile number (the landlines of the list get none).
    auto order = order_of(api, coking);
    REQUIRE(order.at("messages").size() == 1);
    CHECK(order.at("messages")[0].at("state") == "queued");
    CHECK(order.at("messages")[0].at("phone") == "13900000000");
    CHECK(order.at("delivery").at("state") == "queued");

    RecordingGateway gateway;
    CHECK(api.svc->sms().dispatch_due(gateway.sender(), 100, service::real_now()) == 10);
    REQUIRE(gateway.sent.size() == 10);
    auto const it = std::find_if(gateway.sent.begin(), gateway.sent.end(),
                                 [](auto const& m) { return m.phone == "13900000000"; });
    REQUIRE(it != gateway.sent.end());
    auto const id = order.at("id").get<std::int64_t>();
    CHECK(it->template_kind == "order");
    CHECK(it->params.at("code") == std::to_string(id));
    CHECK(it->params.at("level") == "黄色预警（Ⅲ级响应）");
    CHECK(it->params.at("link").get<std::string>().rfind("https://hbj.example.gov.cn/o/" + std::to_string(id) + ".", 0) == 0);   // the plant's page
    CHECK(it->text_cn.find("回复1确认") != std::string::npos);
    CHECK(api.svc->sms().dispatch_due(gateway.sender(), 100, service::real_now()) == 0);   // each sent once

    order = order_of(api, coking);
    CHECK(order.at("messages")[0].at("state") == "sent");
    CHECK(order.at("delivery").at("state") == "sent");
    CHECK(order.at("delivery").at("channel") == "sms");
    auto const progress = [&] { return api.get("/v1/episodes/1/progress", api.duty).body.at("delivery"); };
    CHECK(progress() == json{{"reached", 0}, {"not_yet_delivered", 10}});   // sent, not yet received
    auto const listed = [&](char const* reached) {
        std::vector<std::string> plants;
        auto const r = api.get(std::string("/v1/episodes/1/orders?reached=") + reached, api.duty);
        for (auto const& o : r.body.at("items")) plants.push_back(o.at("enterprise").at("credit_code").get<std::string>());
        return plants;
    };
    CHECK(listed("true").empty());
    CHECK(listed("false").size() == 10);   // sent is not reached: no plant has been reached yet

    // The receipt, pushed twice as gateways do: settled once; one for an unknown message is ignored.
    json const receipt = json::array({{{"out_id", std::to_string(it->id)}, {"phone_number", "13900000000"},
                                       {"success", true}, {"err_code", "DELIVERED"}},
                                      {{"out_id", "999999"}, {"phone_number", "13900000000"}, {"success", true}}});
    auto r = api.post(inbound(api, "receipts"), receipt, "");
    INFO(r.raw);
    REQUIRE(r.status == 200);
    CHECK(r.body.at("code") == 0);
    CHECK(r.body.at("settled") == 1);
    CHECK(api.post(inbound(api, "receipts"), receipt, "").body.at("settled") == 0);
    order = order_of(api, coking);
    CHECK(order.at("messages")[0].at("state") == "delivered");
    CHECK(order.at("delivery").at("state") == "delivered");
    CHECK_FALSE(order.at("delivery").at("delivered_at").is_null());
    CHECK(progress() == json{{"reached", 1}, {"not_yet_delivered", 9}});
    CHECK(listed("true") == std::vector<std::string>{kSmsCokePlant});   // the receipted plant, and only it
    CHECK(listed("false").size() == 9);

    // Replies: "1" acknowledges (recorded as by SMS, from that contact); a repeat push changes nothing.
    json const reply = json::array({{{"phone_number", "13900000000"}, {"content", " 1 "}, {"sequence_id", 7}}});
    r = api.post(inbound(api, "replies"), reply, "");
    INFO(r.raw);
    REQUIRE(r.status == 200);
    CHECK(r.body.at("replies")[0].at("outcome") == "acknowledged");
    CHECK(r.body.at("replies")[0].at("order_id") == id);
    CHECK(api.post(inbound(api, "replies"), reply, "").body.at("replies")[0].at("outcome") == "duplicate");
    order = order_of(api, coking);
    CHECK(order.at("status") == "acknowledged");
    CHECK(order.at("acknowledgement").at("channel") == "sms");
    CHECK(order.at("acknowledgement").at("by") == "联系人0");
    CHECK(order.at("acknowledgement").at("phone") == "13900000000");

    // A second "1" (a new push) finds it acknowledged; other words and strangers change nothing.
    json const more = json::array({{{"phone_number", "13900000000"}, {"content", "１"}, {"sequence_id", 8}},
                                   {{"phone_number", "13900000001"}, {"content", "收到"}, {"sequence_id", 9}},
                                   {{"phone_number", "13712345678"}, {"content", "1"}, {"sequence_id", 10}}});
    auto const outcomes = api.post(inbound(api, "replies"), more, "").body.at("replies");
    CHECK(outcomes[0].at("outcome") == "already_acknowledged");
    CHECK(outcomes[1].at("outcome") == "not_understood");
    CHECK(outcomes[2].at("outcome") == "no_open_order");
}

TEST_CASE("an order reached by two texts and its webhook counts once in progress and an upgraded database counts the same", "[api][sms][progress]") {
    Api api;
    api.svc->sms().enable("https://hbj.example.gov.cn");
    // The sample list with a mobile for each plant and a second one for the coke plant.
    auto list = json::parse(sample_list());
    int i = 0;
    for (auto& e : list.at("enterprises")) {
        e.at("contacts").push_back({{"role", "应急联系人"}, {"name", "联系人" + std::to_string(i)},
                                    {"phone", "1390000000" + std::to_string(i)}});
        if (i++ == 0) e.at("contacts").push_back({{"role", "应急联系人"}, {"name", "厂长"}, {"phone", "13800000000"}});
    }
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, list.dump(), {{"Content-Type", "application/json"}}).status == 201);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", kSmsCokePlant);
    // Webhooks of their orders for the coke plant (texts too) and the cement plant (webhook only).
    REQUIRE(api.post("/v1/subscriptions", {{"name", "晋阳示例焦化"}, {"topic", "orders"}, {"url", "https://jh.cn/h"}},
                     coking).status == 201);
    REQUIRE(api.post("/v1/subscriptions", {{"name", "太原示例水泥"}, {"topic", "orders"}, {"url", "https://sn.cn/h"},
                                           {"enterprise", "91140122MA0TE0003P"}}, api.admin).status == 201);
    api.active_warning("yellow");
    auto const reached = [&] {
        auto const r = api.get("/v1/episodes/1/progress", api.duty);
        REQUIRE(r.status == 200);
        return r.body.at("delivery").at("reached").get<std::int64_t>();
    };

    RecordingGateway gateway;
    REQUIRE(api.svc->sms().dispatch_due(gateway.sender(), 100, service::real_now()) == 11);
    CHECK(reached() == 0);
    json receipts = json::array();
    for (auto const& m : gateway.sent)
        if (m.phone == "13900000000" || m.phone == "13800000000")
            receipts.push_back({{"out_id", std::to_string(m.id)}, {"phone_number", m.phone}, {"success", true}});
    REQUIRE(receipts.size() == 2);
    // Both texts about the coke plant's order delivered, in one push and again in another: one order reached.
    CHECK(api.post(inbound(api, "receipts"), json::array({receipts[0]}), "").body.at("settled") == 1);
    CHECK(reached() == 1);
    CHECK(api.post(inbound(api, "receipts"), receipts, "").body.at("settled") == 1);
    CHECK(reached() == 1);

    // Then its webhook (and the cement plant's) answered 2xx: the coke plant's order is not counted again.
    int hooks = 0;
    service::WebhookSender const ok = [&](service::WebhookRequest const&) {
        ++hooks;
        return service::WebhookResult{204, "", ""};
    };
    CHECK(api.svc->delivery().dispatch_due(ok, 10, service::real_now()) == 2);
    CHECK(hooks == 2);
    CHECK(reached() == 2);
    CHECK(order_of(api, coking).at("delivery").at("state") == "delivered");

    // The same database as the release before the tally (schema 13): the upgrade counts the same orders.
    auto const path = api.db.path();
    api.app.reset();
    api.svc.reset();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        REQUIRE(db.execAndGet("SELECT count(*) FROM orders WHERE reached_at IS NOT NULL").getInt() == 2);
        db.exec("ALTER TABLE orders DROP COLUMN reached_at");
        db.exec("ALTER TABLE order_counts DROP COLUMN reached");
        db.exec("DROP INDEX tokens_check");  // migration 0015's
        db.exec("PRAGMA user_version=13");
    }
    auto db = storage::open_database(path);
    CHECK(db->execAndGet("PRAGMA user_version").getInt() == storage::schema_version());
    storage::StatementCache statements(*db);
    storage::SqliteProgressRepository progress(statements);
    CHECK(progress.reached(1) == 2);
    CHECK(db->execAndGet("SELECT count(*) FROM orders WHERE reached_at IS NOT NULL").getInt() == 2);
}

TEST_CASE("the gateway's pushes need the inbound secret, and a gateway refusal is retried", "[api][sms]") {
    Api api;
    auto const coking = coke_plant_in_yellow(api, true);

    auto const forged = api.post("/v1/inbound/sms/not-the-secret/replies",
                                 json::array({{{"phone_number", "13900000000"}, {"content", "1"}}}), "");
    CHECK(is_problem(forged, 404, "/problems/not-found"));
    CHECK(order_of(api, coking).at("status") == "sent");
    CHECK(is_problem(api.post(inbound(api, "receipts"), json("receipts"), ""), 422, "/problems/validation"));

    RecordingGateway gateway;
    gateway.refuse = "HTTP 200 isv.BUSINESS_LIMIT_CONTROL";
    auto const now = service::real_now();
    // The first refusal ends the batch: the other messages keep their turn, untried.
    CHECK(api.svc->sms().dispatch_due(gateway.sender(), 100, now) == 1);
    auto message = order_of(api, coking).at("messages")[0];
    CHECK(message.at("state") == "queued");
    CHECK(message.at("attempts") == 1);
    CHECK(message.at("error") == "HTTP 200 isv.BUSINESS_LIMIT_CONTROL");
    gateway.refuse.clear();
    CHECK(api.svc->sms().dispatch_due(gateway.sender(), 100, now) == 9);   // the others; not the refused one before its next try
    CHECK(api.svc->sms().dispatch_due(gateway.sender(), 100, now + 3600) == 1);
    message = order_of(api, coking).at("messages")[0];
    CHECK(message.at("state") == "sent");
    CHECK(message.at("attempts") == 2);
}

TEST_CASE("without a gateway no message is queued, and the record does not say one was sent", "[api][sms]") {
    Api api;
    auto const coking = coke_plant_in_yellow(api, false);
    auto const order = order_of(api, coking);
    CHECK(order.at("messages").empty());
    CHECK(order.at("delivery").is_null());
}

TEST_CASE("before and at the acknowledgement deadline the silent plants' contacts get a reminder", "[api][sms]") {
    Api api(at(1, "10:00"), 7200.0);   // two drill hours per real second
    api.svc->sms().enable("https://hbj.example.gov.cn");
    import_list_with_mobiles(api);
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", kSmsCokePlant);
    auto const cement = api.token("太原示例水泥", "enterprise", "", "91140122MA0TE0003P");
    api.active_warning("yellow");
    auto const cement_order = order_of(api, cement).at("id").get<std::int64_t>();
    REQUIRE(api.post("/v1/orders/" + std::to_string(cement_order) + "/ack", {{"by", "李志强"}, {"phone", "0351-5710002"}},
                     cement).status == 200);

    auto const due = instant(order_of(api, coking).at("deadlines").at("ack_due_at").get<std::string>());
    for (int i = 0; i < 100 && api.svc->now() <= due; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(api.svc->now() > due);
    api.svc->fire_due_timers();

    auto const kinds = [](json const& order) {
        std::vector<std::string> out;
        for (auto const& m : order.at("messages")) out.push_back(m.at("kind").get<std::string>());
        return out;
    };
    // Twenty minutes before the deadline (the plan's remind_before_minutes) and at it.
    CHECK(kinds(order_of(api, coking)) == std::vector<std::string>{"reminder", "reminder", "order"});
    CHECK(kinds(order_of(api, cement)) == std::vector<std::string>{"order"});   // acknowledged: not reminded
    auto const rows = api.get("/v1/episodes/1", api.auditor).body.at("timeline");
    auto const row = std::find_if(rows.begin(), rows.end(), [](json const& t) { return t.at("kind") == "ack_reminder"; });
    REQUIRE(row != rows.end());
    CHECK(row->at("detail").at("sms_queued") == 9);
    CHECK(row->at("summary_cn").get<std::string>().find("已排队发送9条提醒短信") != std::string::npos);
    auto const early = std::find_if(rows.begin(), rows.end(), [](json const& t) { return t.at("kind") == "ack_pre_reminder"; });
    REQUIRE(early != rows.end());
    CHECK(early->at("detail").at("sms_queued") == 9);
    CHECK(early->at("summary_cn").get<std::string>().rfind("确认时限前20分钟", 0) == 0);

    // The coke plant acknowledges (late) before its reminders went out: they are withdrawn.
    auto const coking_order = order_of(api, coking).at("id").get<std::int64_t>();
    REQUIRE(api.post("/v1/orders/" + std::to_string(coking_order) + "/ack", {{"by", "王建国"}, {"phone", "0351-5710001"}},
                     coking).status == 200);
    RecordingGateway gateway;
    api.svc->sms().dispatch_due(gateway.sender(), 100, service::real_now());
    auto const reminders = std::count_if(gateway.sent.begin(), gateway.sent.end(),
                                         [](auto const& m) { return m.template_kind == "reminder"; });
    CHECK(reminders == 16);   // the eight others, twice each
    auto const reminder = std::find_if(gateway.sent.begin(), gateway.sent.end(),
                                       [](auto const& m) { return m.template_kind == "reminder"; });
    REQUIRE(reminder != gateway.sent.end());
    CHECK(reminder->text_cn.rfind("提醒：你单位减排指令", 0) == 0);
    for (auto const& m : gateway.sent)
        if (m.template_kind == "reminder") CHECK(m.phone != "13900000000");   // not the coke plant's mobile
    for (int i : {0, 1}) {
        auto const withdrawn = order_of(api, coking).at("messages")[i];
        CHECK(withdrawn.at("kind") == "reminder");
        CHECK(withdrawn.at("state") == "withdrawn");
        CHECK(withdrawn.at("error") == "the order was acknowledged before the reminder went out");
    }
}

}  // namespace hazeguard::api::test

namespace hazeguard::api::test {

TEST_CASE("dispatchers side by side each take their own shard of the queue, and none is sent twice", "[api][sms]") {
    Api api;
    coke_plant_in_yellow(api, true);
    RecordingGateway first, second;
    auto const now = service::real_now();
    int const a = api.svc->sms().dispatch_due(first.sender(), 100, now, {0, 2});
    int const b = api.svc->sms().dispatch_due(second.sender(), 100, now, {1, 2});
    CHECK(a + b == 10);
    CHECK(a > 0);
    CHECK(b > 0);
    std::set<std::int64_t> ids;
    for (auto const* g : {&first, &second})
        for (auto const& m : g->sent) ids.insert(m.id);
    CHECK(ids.size() == 10);
    for (auto const& m : first.sent) CHECK(m.id % 2 == 0);
    CHECK(api.svc->sms().dispatch_due(first.sender(), 100, now) == 0);
}

}  // namespace hazeguard::api::test

namespace hazeguard::api::test {

TEST_CASE("an admin lists the text messages and sends a dead one again", "[api][sms]") {
    Api api;
    coke_plant_in_yellow(api, true);
    RecordingGateway gateway;
    gateway.refuse = "HTTP 200 isv.BUSINESS_LIMIT_CONTROL";
    auto t = service::real_now();
    // Every message is refused until it is dead: 11 attempts each on the retry schedule (each
    // dispatch tries one: the refusal ends its batch).
    for (int i = 0; i < 110; ++i) {
        api.svc->sms().dispatch_due(gateway.sender(), 100, t);
        t += 2 * 86400;
    }
    auto const dead = api.get("/v1/sms?state=dead", api.admin);
    INFO(dead.raw);
    REQUIRE(dead.status == 200);
    REQUIRE(dead.body.at("items").size() == 10);
    auto const id = dead.body.at("items")[0].at("id").get<std::int64_t>();
    CHECK(dead.body.at("items")[0].at("attempts") == 11);
    CHECK(dead.body.at("items")[0].at("error") == "HTTP 200 isv.BUSINESS_LIMIT_CONTROL");
    CHECK(api.get("/v1/sms?state=queued", api.admin).body.at("items").empty());
    CHECK(is_problem(api.get("/v1/sms?state=lost", api.admin), 400, "/problems/invalid-query"));
    CHECK(is_problem(api.get("/v1/sms", api.duty), 403, "/problems/forbidden-role"));

    auto const retried = api.post("/v1/sms/" + std::to_string(id) + "/retry", json::object(), api.admin);
    INFO(retried.raw);
    REQUIRE(retried.status == 200);
    CHECK(retried.body.at("state") == "queued");
    CHECK(retried.body.at("attempts") == 0);
    CHECK(is_problem(api.post("/v1/sms/" + std::to_string(id) + "/retry", json::object(), api.admin), 409,
                     "/problems/delivery-not-dead"));
    CHECK(is_problem(api.post("/v1/sms/99999/retry", json::object(), api.admin), 404, "/problems/not-found"));
    gateway.refuse.clear();
    api.svc->sms().dispatch_due(gateway.sender(), 100, service::real_now());
    auto const sent = api.get("/v1/sms?state=sent", api.admin).body.at("items");
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].at("id") == id);
}

}  // namespace hazeguard::api::test
