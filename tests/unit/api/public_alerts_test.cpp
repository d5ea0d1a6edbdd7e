// The public CAP 1.2 feed: no token needed, every alert valid against the OASIS schema (xmllint),
// Alert → Update → all clear as the warning changes, Cancel for a warning withdrawn before it
// started, and the errors of the public routes.
#include "tests/support/cap_check.hpp"
#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

using hazeguard::test::xml_element;
using hazeguard::test::xmllint;

int count(std::string const& text, std::string const& what) {
    int n = 0;
    for (auto i = text.find(what); i != std::string::npos; i = text.find(what, i + 1)) ++n;
    return n;
}

/// The identifiers in the feed, newest first.
std::vector<std::string> feed_identifiers(Api& api) {
    auto const feed = api.get("/v1/public/alerts", "");
    REQUIRE(feed.status == 200);
    return hazeguard::test::feed_identifiers(feed.raw);
}

/// The alert document, checked against the schema.
std::string alert(Api& api, std::string const& identifier) {
    auto const r = api.get("/v1/public/alerts/" + identifier, "");
    REQUIRE(r.status == 200);
    CHECK(r.content_type == "application/cap+xml; charset=utf-8");
    INFO(r.raw);
    CHECK(xmllint(r.raw, true) == "");
    return r.raw;
}

}  // namespace

TEST_CASE("the CAP feed follows the §14 warning from issue to lift, valid at every step", "[api][cap]") {
    Api api;
    auto const empty = api.get("/v1/public/alerts", "");
    REQUIRE(empty.status == 200);
    CHECK(empty.content_type == "application/atom+xml; charset=utf-8");
    CHECK(xmllint(empty.raw, false) == "");
    CHECK(count(empty.raw, "<entry>") == 0);

    // C1: yellow from D2 00:00 to D4 00:00, signed on D1 — published at signature.
    auto const f = api.submit_forecast(forecast_c1());
    auto const yellow = api.propose(issue_yellow(f));
    REQUIRE(api.approve(yellow, api.deputy_mayor).status == 200);
    auto ids = feed_identifiers(api);
    REQUIRE(ids.size() == 1);
    auto const first = alert(api, ids[0]);
    CHECK(xml_element(first, "msgType") == "Alert");
    CHECK(xml_element(first, "status") == "Exercise");  // the fixture runs a drill
    CHECK(xml_element(first, "sender") == "14010000000000");
    CHECK(xml_element(first, "onset") == at(2, "00:00"));
    CHECK(xml_element(first, "expires") == at(4, "00:00"));
    CHECK(xml_element(first, "severity") == "Moderate");
    CHECK(xml_element(first, "headline") == "太原市发布重污染天气黄色预警（Ⅲ级响应）");
    CHECK(xml_element(first, "value") == "yellow");
    CHECK(first.find("<value>140100</value>") != std::string::npos);
    CHECK(count(first, "<info>") == 2);
    CHECK(first.find("<language>en</language>") != std::string::npos);
    CHECK(ids[0].size() == 31);

    // An extension with a new end: an Update that references the first alert.
    auto const extend = api.propose({{"action", "extend"}, {"end_at", at(5, "00:00")}, {"consultation_note", "延长"}});
    REQUIRE(api.approve(extend, api.deputy_mayor).status == 200);
    ids = feed_identifiers(api);
    REQUIRE(ids.size() == 2);
    auto const second = alert(api, ids[0]);
    CHECK(xml_element(second, "msgType") == "Update");
    CHECK(xml_element(second, "references") == "14010000000000," + ids[1] + "," + xml_element(first, "sent"));
    CHECK(xml_element(second, "expires") == at(5, "00:00"));

    // Lifted before it ever started: a Cancel of both.
    auto const lift = api.propose({{"action", "lift"}, {"start_at", at(1, "12:00")}, {"consultation_note", "撤销"}});
    auto const lifted = api.approve(lift, api.deputy_mayor);
    INFO(lifted.raw);
    REQUIRE(lifted.status == 200);
    ids = feed_identifiers(api);
    REQUIRE(ids.size() == 3);
    auto const third = alert(api, ids[0]);
    CHECK(xml_element(third, "msgType") == "Cancel");
    CHECK(count(xml_element(third, "references"), ",") == 4);  // two references, sender,identifier,sent each
    CHECK(count(third, "<info>") == 0);
}

TEST_CASE("a warning in force that is lifted ends with an all-clear Update", "[api][cap]") {
    Api api;
    api.active_warning("orange");
    auto const f = api.submit_forecast({{"issued_at", at(1, "09:00")},
                                        {"issuer", "会商"},
                                        {"days", {day(1, 120, 100, 140), day(2, 100, 85, 115), day(3, 90, 75, 105)}}});
    auto const lift = api.propose({{"action", "lift"}, {"start_at", at(1, "09:30")}, {"forecast_id", f},
                                   {"consultation_note", "空气质量好转，解除预警"}});
    auto const r = api.approve(lift, api.mayor);
    INFO(r.raw);
    REQUIRE(r.status == 200);
    auto const ids = feed_identifiers(api);
    REQUIRE(ids.size() == 2);
    auto const issued = alert(api, ids[1]);
    CHECK(xml_element(issued, "msgType") == "Alert");
    CHECK(xml_element(issued, "responseType") == "Avoid");  // already in force when published
    CHECK(xml_element(issued, "severity") == "Severe");
    CHECK(issued.find("<expires>") == std::string::npos);  // open-ended
    auto const clear = alert(api, ids[0]);
    CHECK(xml_element(clear, "msgType") == "Update");
    CHECK(xml_element(clear, "responseType") == "AllClear");
    CHECK(xml_element(clear, "headline") == "太原市解除重污染天气橙色预警（Ⅱ级响应）");
}

TEST_CASE("the public routes need no token and answer problems for what they do not have", "[api][cap]") {
    Api api;
    CHECK(api.get("/v1/public/alerts", api.duty).status == 200);  // a token does no harm
    CHECK(is_problem(api.get("/v1/public/alerts/14010000000000_20261214100000_0", ""), 404, "/problems/not-found"));
    CHECK(is_problem(api.get("/v1/public/alerts/%3Cscript%3E", ""), 404, "/problems/not-found"));
    CHECK(is_problem(api.send("POST", "/v1/public/alerts", "", "{}"), 405, "/problems/method-not-allowed"));
    CHECK(api.get("/v1/status", "").status == 401);  // the rest of the API still needs one
}

}  // namespace hazeguard::api::test
