// Orders by SMS through the real server and a fake Alibaba Cloud gateway (docs/delivery.md "SMS"):
// a yellow signed for the next midnight sends each plant's contacts a signed SendSms at the
// signature; the gateway is down at first and the server is killed (-9) while the messages wait
// for their retry; after the restart every message arrives once; a receipt settles one; a plant
// acknowledges by replying "1", another by its one-time link.
#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include "tests/integration/integration_fixture.hpp"
#include "tests/integration/cap_feed_check.hpp"
#include "tests/support/fake_sms_gateway.hpp"
#include "tests/support/webhook_receiver.hpp"

using namespace hazeguard::test;

namespace {

constexpr char kAccessKeySecret[] = "test-access-key-secret";

std::vector<std::string> gateway_args(std::uint16_t port) {
    ::setenv("HG_SMS_ACCESS_KEY_ID", "test-access-key-id", 1);
    ::setenv("HG_SMS_ACCESS_KEY_SECRET", kAccessKeySecret, 1);
    return {"--sample-size", "20", "--sms-gateway", "http://127.0.0.1:" + std::to_string(port) + "/",
            "--sms-sign-name", "太原市生态环境局", "--sms-template", "order=SMS_100001", "--sms-template",
            "termination=SMS_100002", "--sms-template", "cancellation=SMS_100003", "--sms-template",
            "reminder=SMS_100004", "--sms-template", "notice=SMS_100005", "--sms-template", "escalation=SMS_100006"};
}

/// The path of the gateway's pushes, as serve printed it.
std::string inbound_path(LiveServer& s, std::string const& what) {
    std::smatch m;
    auto const log = s.log();
    REQUIRE(std::regex_search(log, m, std::regex("/v1/inbound/sms/([A-Za-z0-9_-]+)/receipts")));
    return "/v1/inbound/sms/" + m[1].str() + "/" + what;
}

/// The texts of one template the gateway took, once there are `at_least` of them (order texts
/// unless told: SMS_100001).
std::vector<SentSms> wait_for_sent(FakeSmsGateway& gateway, std::size_t at_least,
                                   std::string const& template_code = "SMS_100001") {
    std::vector<SentSms> sent;
    for (int i = 0; i < static_cast<int>(1000 * slowdown()) && sent.size() < at_least; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        sent.clear();
        for (auto const& m : gateway.sent())
            if (m.template_code == template_code) sent.push_back(m);
    }
    return sent;
}


template <class Pred>
bool eventually(Pred pred) {
    for (int i = 0; i < static_cast<int>(750 * slowdown()); ++i) {
        if (pred()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return pred();
}

}  // namespace

TEST_CASE("orders reach the plants by SMS at the signature, through a gateway outage and a kill -9",
          "[integration][delivery][sms][crash]") {
    FakeSmsGateway gateway(0, kAccessKeySecret);
    gateway.set_down(true);
    LiveServer s("2026-12-14T15:00:00+08:00", 60, gateway_args(gateway.port()));   // a minute a second
    auto const signed_ = consult(s, "forecast-c1.json",
                                 {{"action", "issue"}, {"level", "yellow"}, {"start_at", "2026-12-15T00:00:00+08:00"},
                                  {"end_at", "2026-12-17T00:00:00+08:00"}});
    REQUIRE(signed_.at("status") == "approved");

    // The first try meets the outage: the message stays queued with the error.
    auto const orders_page = [&] { return s.get("/v1/episodes/1/orders?limit=100").body.at("items"); };
    auto const messages_of = [&](json const& o) {   // a copy: the reply is a temporary
        return s.get("/v1/orders/" + std::to_string(o.at("id").get<std::int64_t>())).body.at("messages");
    };
    json tried;
    for (int i = 0; i < 250 * slowdown() && tried.is_null(); ++i) {
        for (auto const& o : orders_page())
            for (auto const& m : messages_of(o))
                if (m.at("attempts").get<int>() >= 1) tried = m;
        if (tried.is_null()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE_FALSE(tried.is_null());
    CHECK(tried.at("state") == "queued");
    CHECK_FALSE(tried.at("error").is_null());
    s.kill_hard();

    gateway.set_down(false);
    s.start();
    // Every order's every message, once: one SendSms per (order, mobile contact).
    std::size_t expected = 0;
    for (auto const& o : orders_page()) expected += messages_of(o).size();
    REQUIRE(expected >= 10);   // the ten generated plants have mobiles; the ten curated ones list landlines
    auto const sent = wait_for_sent(gateway, expected);
    REQUIRE(sent.size() == expected);
    std::set<std::string> out_ids;
    for (auto const& m : sent) {
        out_ids.insert(m.out_id);
        CHECK(m.sign_name == "太原市生态环境局");
        CHECK(m.template_code == "SMS_100001");
    }
    CHECK(out_ids.size() == expected);   // none twice

    // Still before the start: the messages went out at the signature, for D2 00:00.
    CHECK(s.get("/v1/status").body.at("state") == "scheduled");
    auto const first = json::parse(sent[0].template_param);
    CHECK(first.at("start") == "12月15日0时");
    auto const order_id = std::stoll(first.at("code").get<std::string>());

    // The receipt settles the message; the reply "1" acknowledges the order, by SMS.
    auto const receipt = s.post(inbound_path(s, "receipts"),
                                json::array({{{"out_id", sent[0].out_id}, {"phone_number", sent[0].phone},
                                              {"success", true}, {"err_code", "DELIVERED"}}}),
                                "duty_officer");
    INFO(receipt.body.dump());
    REQUIRE(receipt.status == 200);
    CHECK(receipt.body.at("settled") == 1);
    auto const reply = s.post(inbound_path(s, "replies"),
                              json::array({{{"phone_number", sent[0].phone}, {"content", "1"}, {"sequence_id", "1"}}}),
                              "duty_officer");
    REQUIRE(reply.status == 200);
    CHECK(reply.body.at("replies")[0].at("outcome") == "acknowledged");
    auto const order = s.get("/v1/orders/" + std::to_string(order_id)).body;
    CHECK(order.at("status") == "acknowledged");
    CHECK(order.at("acknowledgement").at("channel") == "sms");
    CHECK(order.at("acknowledgement").at("late") == false);
    CHECK(order.at("delivery").at("state") == "delivered");

    // Another plant acknowledges from the link in its message, without a token.
    auto const other = std::find_if(sent.begin(), sent.end(), [&](SentSms const& m) {
        return json::parse(m.template_param).at("code") != first.at("code");
    });
    REQUIRE(other != sent.end());
    auto const link = json::parse(other->template_param).at("link").get<std::string>();
    REQUIRE(link.find("/o/") != std::string::npos);   // the plant's page; the same code opens the API's link
    auto const path = "/v1/links/" + link.substr(link.find("/o/") + 3);
    auto const by_link = s.post(path + "/ack", {{"by", "环保负责人"}, {"phone", other->phone}}, "duty_officer");
    INFO(by_link.body.dump());
    REQUIRE(by_link.status == 200);
    CHECK(by_link.body.at("acknowledgement").at("channel") == "link");
}

// Issue #10's scenario: the §14 yellow signed on a drill clock (ten minutes a second, from D1
// 22:30 so that the deadlines and the start come within seconds) reaches the
// departments by webhook and each plant by SMS at the signature; one plant acknowledges by SMS,
// another by its link; one never answers, is reminded by SMS and escalated to its district; the
// department's receipt times the distribution; the CAP feed validates at every step.
TEST_CASE("the §14 yellow reaches departments and plants at the signature, the silent plant is reminded and escalated",
          "[integration][delivery][sms][scenario]") {
    FakeSmsGateway gateway(0, kAccessKeySecret);
    WebhookReceiver department(0);
    LiveServer s("2026-12-14T22:30:00+08:00", 600, gateway_args(gateway.port()));
    auto const hook = "http://127.0.0.1:" + std::to_string(department.port()) + "/hooks";
    // The roster: the department (reached through its system) and each district's government,
    // texted at its duty mobile (13800000000 + n) for notices and escalations.
    json recipients = json::array({{{"id", "city-transport"}, {"name", "市交通运输局"}, {"kind", "department"},
                                    {"receives", {"notices"}}}});
    std::map<std::string, std::string> district_mobile;
    auto const by_district = s.get("/v1/enterprises").body.at("by_district");
    for (auto const& [district, count] : by_district.items()) {
        auto const mobile = std::to_string(13800000000LL + static_cast<long long>(district_mobile.size()));
        district_mobile[district] = mobile;
        recipients.push_back({{"id", "d" + std::to_string(district_mobile.size())}, {"name", district + "人民政府"},
                              {"kind", "district"}, {"district", district}, {"receives", {"notices", "escalations"}},
                              {"contacts", {{{"name", "值班室"}, {"mobile", mobile}}}}});
    }
    auto const roster = s.put("/v1/roster", {{"title", "太原市重污染天气应急通知接收单位名单"}, {"recipients", recipients}}, "admin");
    INFO(roster.body.dump());
    REQUIRE(roster.status == 201);
    REQUIRE(s.post("/v1/subscriptions",
                   {{"name", "市交通运输局"}, {"topic", "notices"}, {"url", hook}, {"recipient", "city-transport"}}, "admin")
                .status == 201);
    REQUIRE(s.post("/v1/subscriptions", {{"name", "县（市、区）应急值守平台"}, {"topic", "escalations"}, {"url", hook}}, "admin")
                .status == 201);
    all_alerts_valid(s);

    consult(s, "forecast-c1.json", {{"action", "issue"}, {"level", "yellow"}, {"start_at", "2026-12-15T00:00:00+08:00"},
                                    {"end_at", "2026-12-17T00:00:00+08:00"}});
    all_alerts_valid(s);
    // Every plant with a mobile has its order by SMS, before the start.
    auto const orders = s.get("/v1/episodes/1/orders?limit=100").body.at("items");
    std::vector<json> texted;
    for (auto const& o : orders) {
        auto const full = s.get("/v1/orders/" + std::to_string(o.at("id").get<std::int64_t>())).body;
        if (!full.at("messages").empty()) texted.push_back(full);
    }
    REQUIRE(texted.size() >= 3);
    auto const sent = wait_for_sent(gateway, texted.size());
    REQUIRE(sent.size() == texted.size());
    auto const phone_of = [](json const& order) { return order.at("messages")[0].at("phone").get<std::string>(); };
    auto const message_to = [&](std::string const& phone) {
        return *std::find_if(sent.begin(), sent.end(), [&](SentSms const& m) { return m.phone == phone; });
    };

    // A acknowledges by replying "1"; B from the link in its message; C stays silent.
    auto const& a = texted[0];
    auto const& b = texted[1];
    auto const& c = texted[2];
    auto const order_of = [&](json const& o) { return s.get("/v1/orders/" + std::to_string(o.at("id").get<std::int64_t>())).body; };
    // (A reply answers the newest text the server knows it sent: wait for its record of A's.)
    REQUIRE(eventually([&] { return order_of(a).at("messages")[0].at("state") == "sent"; }));
    auto const reply = s.post(inbound_path(s, "replies"),
                              json::array({{{"phone_number", phone_of(a)}, {"content", "1"}, {"sequence_id", "a-1"}}}),
                              "duty_officer");
    REQUIRE(reply.status == 200);
    CHECK(reply.body.at("replies")[0].at("outcome") == "acknowledged");
    auto const link = json::parse(message_to(phone_of(b)).template_param).at("link").get<std::string>();
    auto const by_link = s.post("/v1/links/" + link.substr(link.find("/o/") + 3) + "/ack", {{"by", "环保负责人"}, {"phone", phone_of(b)}},
                                "duty_officer");
    REQUIRE(by_link.status == 200);
    CHECK(order_of(a).at("acknowledgement").at("channel") == "sms");
    CHECK(order_of(b).at("acknowledgement").at("channel") == "link");

    // The department's system has the notice; each district's duty mobile its text, whose receipt
    // the gateway pushes back (the receipts time the distribution).
    REQUIRE(eventually([&] { return !department.received().empty(); }));
    CHECK(json::parse(department.received()[0].body).at("type") == "notices");
    auto const notices = wait_for_sent(gateway, district_mobile.size(), "SMS_100005");
    REQUIRE(notices.size() == district_mobile.size());
    CHECK(json::parse(notices[0].template_param).at("decision") == "定于12月15日0时起启动黄色预警（Ⅲ级响应）");
    json receipts = json::array();
    for (auto const& m : notices)
        receipts.push_back({{"out_id", m.out_id}, {"phone_number", m.phone}, {"success", true}, {"err_code", "DELIVERED"}});
    REQUIRE(s.post(inbound_path(s, "receipts"), receipts, "duty_officer").body.at("settled") == notices.size());
    auto const district = c.at("enterprise").at("district").get<std::string>();

    // An hour after the issue C is reminded by SMS; an hour later escalated to its district.
    REQUIRE(eventually([&] {
        for (auto const& m : gateway.sent())
            if (m.phone == phone_of(c) && m.template_code == "SMS_100004") return true;
        return false;
    }));
    for (auto const& m : gateway.sent())
        if (m.template_code == "SMS_100004") CHECK(m.phone != phone_of(a));   // not the plant that answered
    REQUIRE(eventually([&] {
        for (auto const& w : department.received()) {
            auto const body = json::parse(w.body);
            if (body.at("type") == "escalations" && body.at("data").at("district") == district) {
                CHECK(body.at("data").at("kind") == "ack_overdue");
                CHECK(body.at("data").at("count").get<int>() >= 1);
                return true;
            }
        }
        return false;
    }));
    CHECK(order_of(c).at("status") == "sent");
    CHECK_FALSE(order_of(c).at("reminded_at").is_null());
    // The district's duty mobile has the escalation by text too.
    REQUIRE(eventually([&] {
        for (auto const& m : gateway.sent())
            if (m.template_code == "SMS_100006" && m.phone == district_mobile.at(district))
                return json::parse(m.template_param).at("district") == district;
        return false;
    }));

    // After the start the episode's timeline has the distribution, on time.
    wait_until(s, "2026-12-15T00:30:00+08:00");
    auto const distribution = timeline_rows(s, 1, "distribution");
    REQUIRE(distribution.size() == 1);
    CHECK(distribution[0].at("detail").at("on_time") == true);
    CHECK(distribution[0].at("detail").at("recipients") == district_mobile.size() + 1);
    all_alerts_valid(s);
}
