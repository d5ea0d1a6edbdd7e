// The roster of notice recipients (docs/roster-format.md): imported by an admin as versions, every
// fault with its pointer; a signed notice goes to each of its recipients — by text to their
// mobile contacts, by webhook to the system a subscription says is theirs — and is distributed
// when the last of them is reached; a recipient no channel reaches is named; an overdue district's
// recipients get an escalation text.
#include <set>
#include <thread>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

json roster_recipient(std::string const& id, std::string const& name, std::string const& kind,
                      std::optional<std::string> const& district, json receives, json contacts) {
    json r{{"id", id}, {"name", name}, {"kind", kind}, {"receives", std::move(receives)}, {"contacts", std::move(contacts)}};
    if (district) r["district"] = *district;
    return r;
}

/// 清徐县 (two mobiles, notices and escalations), 市交通运输局 (its system only) and 市教育局
/// (a landline only), as `with_education` says.
json city_roster(bool with_education) {
    json recipients = json::array(
        {roster_recipient("qingxu", "清徐县人民政府", "district", "清徐县", {"notices", "escalations"},
                          {{{"name", "县值班室"}, {"mobile", "13812340001"}}, {{"name", "王县长"}, {"title", "副县长"}, {"mobile", "13812340002"}}}),
         roster_recipient("city-transport", "市交通运输局", "department", std::nullopt, {"notices"}, json::array())});
    if (with_education)
        recipients.push_back(roster_recipient("city-education", "市教育局", "department", std::nullopt, {"notices"},
                                              {{{"name", "局值班室"}, {"phone", "0351-4040404"}}}));
    return {{"title", "太原市重污染天气应急通知接收单位名单"}, {"recipients", recipients}};
}

Reply put_roster(Api& api, json const& roster, std::string const& token) {
    return api.send("PUT", "/v1/roster", token, roster.dump());
}

/// A gateway that accepts every text and keeps it.
struct KeepingGateway {
    std::vector<service::SmsMessage> sent;
    service::SmsSender sender() {
        return [this](service::SmsMessage const& m) {
            sent.push_back(m);
            return service::SmsResult{true, "biz-" + std::to_string(sent.size()), ""};
        };
    }
};

std::vector<json> rows_of(Api& api, std::string const& kind) {
    std::vector<json> out;
    auto const episodes = api.get("/v1/episodes", api.duty).body.at("items");
    for (auto const& e : episodes) {
        auto const rows = api.get("/v1/episodes/" + std::to_string(e.at("id").get<int>()), api.duty).body.at("timeline");
        for (auto const& row : rows)
            if (row.at("kind") == kind) out.push_back(row);
    }
    return out;
}

std::string inbound_receipts(Api& api) { return "/v1/inbound/sms/" + api.svc->sms().inbound_token() + "/receipts"; }

}  // namespace

TEST_CASE("the roster: an admin imports it as a new version, every fault named, the same roster adds none", "[api][roster]") {
    Api api;
    CHECK(is_problem(api.get("/v1/roster", api.duty), 404, "/problems/not-found"));
    CHECK(is_problem(put_roster(api, city_roster(false), api.duty), 403, "/problems/forbidden-role"));

    json bad = city_roster(false);
    bad["recipients"].push_back(roster_recipient("qingxu", "", "town", "火星区", {"escalations", "alarms"},
                                                 {{{"name", "甲"}, {"mobile", "12345"}}}));
    bad["recipients"].push_back(roster_recipient("city-police", "市公安局", "department", std::nullopt, {"escalations"}, json::array()));
    bad["colour"] = "red";
    auto const refused = put_roster(api, bad, api.admin);
    INFO(refused.raw);
    REQUIRE(is_problem(refused, 422, "/problems/validation"));
    auto const pointers = refused.pointers();
    CHECK(std::set<std::string>(pointers.begin(), pointers.end()) ==
          std::set<std::string>{"/colour", "/recipients/2/id", "/recipients/2/name", "/recipients/2/kind",
                                "/recipients/2/district", "/recipients/2/receives/1", "/recipients/2/contacts/0/mobile",
                                "/recipients/3/receives"});
    CHECK(is_problem(api.get("/v1/roster", api.duty), 404, "/problems/not-found"));  // nothing stored

    auto const first = put_roster(api, city_roster(false), api.admin);
    INFO(first.raw);
    REQUIRE(first.status == 201);
    CHECK(first.body.at("version") == 1);
    CHECK(first.body.at("recipients") == 2);
    CHECK(first.body.at("mobile_contacts") == 2);
    auto const again = put_roster(api, city_roster(false), api.admin);
    CHECK(again.status == 200);
    CHECK(again.body.at("unchanged") == true);
    CHECK(again.body.at("version") == 1);
    auto const second = put_roster(api, city_roster(true), api.admin);
    CHECK(second.status == 201);
    CHECK(second.body.at("version") == 2);
    auto const shown = api.get("/v1/roster", api.auditor);
    REQUIRE(shown.status == 200);
    CHECK(shown.body.at("version") == 2);
    CHECK(shown.body.at("roster").at("recipients").size() == 3);

    // A subscription may stand for a recipient of the roster in force, and only for one.
    auto const stranger = api.post("/v1/subscriptions",
                                   {{"name", "x"}, {"topic", "notices"}, {"url", "https://x.cn"}, {"recipient", "city-police"}},
                                   api.admin);
    REQUIRE(is_problem(stranger, 422, "/problems/validation"));
    CHECK(stranger.pointers() == std::vector<std::string>{"/recipient"});
    auto const ok = api.post("/v1/subscriptions",
                             {{"name", "市交通运输局系统"}, {"topic", "notices"}, {"url", "https://jt.cn/hook"}, {"recipient", "city-transport"}},
                             api.admin);
    REQUIRE(ok.status == 201);
    CHECK(ok.body.at("recipient") == "city-transport");
}

TEST_CASE("a notice reaches the roster by text and by each recipient's system, and is distributed when all have it", "[api][roster]") {
    Api api;
    api.svc->sms().enable("https://hbj.example.gov.cn");
    REQUIRE(put_roster(api, city_roster(false), api.admin).status == 201);
    REQUIRE(api.post("/v1/subscriptions",
                     {{"name", "市交通运输局系统"}, {"topic", "notices"}, {"url", "https://jt.cn/hook"}, {"recipient", "city-transport"}},
                     api.admin).status == 201);
    api.active_warning("yellow");

    auto const queued = rows_of(api, "notice_queued");
    REQUIRE(queued.size() == 1);
    auto const& detail = queued[0].at("detail");
    CHECK(detail.at("recipients") == json::array({"清徐县人民政府", "市交通运输局"}));   // the system counts for its recipient
    CHECK(detail.at("unreachable").empty());
    CHECK(detail.at("texts") == 2);
    auto const message_id = detail.at("message_id").get<std::string>();

    KeepingGateway gateway;
    CHECK(api.svc->sms().dispatch_due(gateway.sender(), 100, service::real_now()) == 2);
    REQUIRE(gateway.sent.size() == 2);
    for (auto const& m : gateway.sent) {
        CHECK(m.template_kind == "notice");
        CHECK(m.params.at("decision") == "定于12月14日8时起启动黄色预警（Ⅲ级响应）");
        CHECK(m.text_cn == "重污染天气应急通知：定于12月14日8时起启动黄色预警（Ⅲ级响应），请按预案要求落实相应措施。");
    }

    // The department's system answers: one recipient reached, the notice not yet distributed.
    CHECK(api.svc->delivery().dispatch_due([](service::WebhookRequest const&) { return service::WebhookResult{204, "", ""}; },
                                           10, service::real_now()) == 1);
    auto notice = api.get("/v1/notices/" + message_id, api.duty);
    REQUIRE(notice.status == 200);
    CHECK(notice.body.at("recipients_reached") == 1);
    CHECK(notice.body.at("distributed") == false);
    CHECK(rows_of(api, "distribution").empty());

    // The county's first text arrives: both recipients have it, the notice is distributed once.
    json receipt = json::array({{{"out_id", std::to_string(gateway.sent[0].id)}, {"phone_number", gateway.sent[0].phone},
                                 {"success", true}}});
    REQUIRE(api.post(inbound_receipts(api), receipt, "").body.at("settled") == 1);
    receipt[0]["out_id"] = std::to_string(gateway.sent[1].id);
    receipt[0]["phone_number"] = gateway.sent[1].phone;
    REQUIRE(api.post(inbound_receipts(api), receipt, "").body.at("settled") == 1);
    auto const distributed = rows_of(api, "distribution");
    REQUIRE(distributed.size() == 1);
    CHECK(distributed[0].at("detail").at("recipients") == 2);
    CHECK(distributed[0].at("detail").at("on_time") == true);
    notice = api.get("/v1/notices/" + message_id, api.duty);
    CHECK(notice.body.at("distributed") == true);
    CHECK(notice.body.at("texts").size() == 2);
    CHECK(notice.body.at("webhooks").size() == 1);
    for (auto const& r : notice.body.at("recipients")) CHECK_FALSE(r.at("reached_at").is_null());
    CHECK(is_problem(api.get("/v1/notices/no-such-message", api.duty), 404, "/problems/not-found"));
    CHECK(is_problem(api.get("/v1/notices/" + message_id, api.enterprise), 403, "/problems/forbidden-role"));

    // A county official's "1" answers no order: kept, nothing acknowledged.
    auto const reply = api.post("/v1/inbound/sms/" + api.svc->sms().inbound_token() + "/replies",
                                json::array({{{"phone_number", "13812340001"}, {"content", "1"}, {"sequence_id", 1}}}), "");
    REQUIRE(reply.status == 200);
    CHECK(reply.body.at("replies")[0].at("outcome") == "no_open_order");
}

TEST_CASE("a roster recipient no channel reaches is named, and the notice is never called distributed", "[api][roster]") {
    Api api;
    api.svc->sms().enable("https://hbj.example.gov.cn");
    REQUIRE(put_roster(api, city_roster(true), api.admin).status == 201);
    api.active_warning("yellow");
    auto const queued = rows_of(api, "notice_queued");
    REQUIRE(queued.size() == 1);
    CHECK(queued[0].at("detail").at("unreachable") == json::array({"市交通运输局", "市教育局"}));
    CHECK(queued[0].at("summary_cn").get<std::string>().find("其中2个无送达渠道") != std::string::npos);

    KeepingGateway gateway;
    api.svc->sms().dispatch_due(gateway.sender(), 100, service::real_now());
    for (auto const& m : gateway.sent)
        api.post(inbound_receipts(api), json::array({{{"out_id", std::to_string(m.id)}, {"phone_number", m.phone}, {"success", true}}}), "");
    CHECK(rows_of(api, "distribution").empty());
    auto const notice = api.get("/v1/notices/" + queued[0].at("detail").at("message_id").get<std::string>(), api.duty).body;
    CHECK(notice.at("recipients_reached") == 1);
    CHECK(notice.at("recipients_total") == 3);
    CHECK(notice.at("distributed") == false);
}

TEST_CASE("an overdue district's roster contacts get an escalation text", "[api][roster]") {
    Api api(at(1, "10:00"), 7200.0);   // two drill hours per real second
    api.svc->sms().enable("https://hbj.example.gov.cn");
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, sample_list()).status == 201);
    REQUIRE(put_roster(api, city_roster(false), api.admin).status == 201);
    api.active_warning("yellow");

    // Past the acknowledgement deadline and its escalation (plan: 1 h + 1 h): nobody acknowledged.
    auto const due = api.svc->now() + 2 * engine::kHour + 60;
    for (int i = 0; i < 200 && api.svc->now() <= due; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(api.svc->now() > due);
    api.svc->fire_due_timers();

    auto const escalations = rows_of(api, "ack_escalation");
    REQUIRE(escalations.size() == 1);
    auto const& detail = escalations[0].at("detail");
    REQUIRE(detail.at("by_district").contains("清徐县"));
    CHECK(detail.at("sent_to").at("清徐县") == json::array({"清徐县人民政府"}));
    auto const silent = detail.at("by_district").at("清徐县").get<int>();

    KeepingGateway gateway;
    api.svc->sms().dispatch_due(gateway.sender(), 1000, service::real_now());
    std::vector<service::SmsMessage> texts;
    std::copy_if(gateway.sent.begin(), gateway.sent.end(), std::back_inserter(texts),
                 [](auto const& m) { return m.template_kind == "escalation"; });
    REQUIRE(texts.size() == 2);   // each of the county's two mobiles
    CHECK(texts[0].params.at("district") == "清徐县");
    CHECK(texts[0].params.at("count") == std::to_string(silent));
    CHECK(texts[0].text_cn.find("清徐县有" + std::to_string(silent) + "家企业逾期未确认减排指令") == 0);
}

}  // namespace hazeguard::api::test
