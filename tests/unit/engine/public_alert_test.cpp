// Public warnings as CAP 1.2 alerts: which message a change makes (Alert, Update, Cancel), what it
// references, which periods it announces, and the words and values of the document.
#include <catch2/catch.hpp>

#include "engine/alerts/cap_document.hpp"
#include "engine/alerts/public_alert.hpp"
#include "plans/plan_parser.hpp"

namespace hazeguard::engine::cap_test {
namespace {

plans::Plan const& plan() {
    static plans::PlanParseResult const result = plans::parse_plan(plans::embedded_taiyuan_plan());
    REQUIRE(result.ok());
    return result.plan;
}
int rank(std::string const& id) { return *plan().rank(id); }

Instant const kSigned = *parse_rfc3339("2026-12-14T15:30:00+08:00");
Instant const kD2 = *parse_rfc3339("2026-12-15T00:00:00+08:00");
Instant const kD3 = *parse_rfc3339("2026-12-16T00:00:00+08:00");
Instant const kD4 = *parse_rfc3339("2026-12-17T00:00:00+08:00");

WarningState scheduled_issue(std::string const& level, Instant start, std::optional<Instant> end) {
    WarningState s;
    s.phase = Phase::scheduled;
    s.scheduled = ScheduledChange{"issue", rank(level), start, true, end, "proposal:1"};
    return s;
}

WarningState active(std::string const& level, Instant since, std::optional<Instant> end) {
    WarningState s;
    s.phase = Phase::active;
    s.local_level = s.level = rank(level);
    s.level_since = since;
    s.planned_end = end;
    s.episode = 1;
    return s;
}

}  // namespace

TEST_CASE("a signed issue with a future start is published at signature as an Alert", "[engine][cap]") {
    auto const a = next_public_alert(plan(), WarningState{}, scheduled_issue("yellow", kD2, kD4), "issue", {}, kSigned);
    REQUIRE(a);
    CHECK(a->type == CapMsgType::alert);
    CHECK(a->references.empty());
    CHECK_FALSE(a->closes);
    REQUIRE(a->periods.size() == 1);
    CHECK(a->periods[0].level == rank("yellow"));
    CHECK(a->periods[0].onset == kD2);
    CHECK(a->periods[0].expires == kD4);
    CHECK(cap_headline_cn(plan(), *a) == "太原市发布重污染天气黄色预警（Ⅲ级响应）");
}

TEST_CASE("an upgrade is an Update that references the unexpired alerts and announces both periods",
          "[engine][cap]") {
    auto before = active("yellow", kD2, kD4);
    auto after = before;
    after.phase = Phase::change_scheduled;
    after.scheduled = ScheduledChange{"upgrade", rank("orange"), kD3, true, std::nullopt, "proposal:2"};
    std::vector<PublishedAlert> const published{{"A1", kSigned, kD4, false}};
    auto const a = next_public_alert(plan(), before, after, "upgrade", published, kD2 + 10 * kHour);
    REQUIRE(a);
    CHECK(a->type == CapMsgType::update);
    REQUIRE(a->references.size() == 1);
    CHECK(a->references[0].identifier == "A1");
    REQUIRE(a->periods.size() == 2);
    CHECK(a->periods[0].level == rank("yellow"));
    CHECK(a->periods[0].onset == kD2);
    CHECK(a->periods[0].expires == kD3);  // yellow until orange starts
    CHECK(a->periods[1].level == rank("orange"));
    CHECK(a->periods[1].onset == kD3);
    CHECK_FALSE(a->periods[1].expires);    // open-ended
    CHECK(cap_headline_cn(plan(), *a) == "太原市重污染天气预警升级为橙色预警（Ⅱ级响应）");
}

TEST_CASE("a lift in effect is an all-clear Update that closes the warning", "[engine][cap]") {
    std::vector<PublishedAlert> const published{{"A1", kSigned, kD3, false}, {"A2", kD2, std::nullopt, false}};
    auto const a = next_public_alert(plan(), active("orange", kD3, std::nullopt), WarningState{}, "lift", published, kD4);
    REQUIRE(a);
    CHECK(a->type == CapMsgType::update);
    CHECK(a->closes);
    CHECK(a->ended_level == rank("orange"));
    CHECK(a->periods.empty());
    REQUIRE(a->references.size() == 1);  // A1 expired at kD3
    CHECK(a->references[0].identifier == "A2");
    CHECK(cap_headline_cn(plan(), *a) == "太原市解除重污染天气橙色预警（Ⅱ级响应）");
}

TEST_CASE("withdrawing a warning that never started is a Cancel", "[engine][cap]") {
    std::vector<PublishedAlert> const published{{"A1", kSigned, kD4, false}};
    auto const a = next_public_alert(plan(), scheduled_issue("yellow", kD2, kD4), WarningState{}, "lift", published,
                                     kSigned + kHour);
    REQUIRE(a);
    CHECK(a->type == CapMsgType::cancel);
    CHECK(a->closes);
    CHECK(a->ended_level == rank("yellow"));
    CHECK(a->references.size() == 1);
    CHECK(cap_headline_cn(plan(), *a) == "太原市撤销尚未生效的重污染天气黄色预警（Ⅲ级响应）");
}

TEST_CASE("after the last alert expired or closed, the next change starts a new Alert", "[engine][cap]") {
    auto const next = scheduled_issue("yellow", kD4 + kDay, std::nullopt);
    SECTION("expired") {
        std::vector<PublishedAlert> const old{{"A1", kSigned, kD4, false}};
        auto const a = next_public_alert(plan(), WarningState{}, next, "issue", old, kD4 + kHour);
        REQUIRE(a);
        CHECK(a->type == CapMsgType::alert);
        CHECK(a->references.empty());
    }
    SECTION("closed by an all clear that has not expired yet") {
        std::vector<PublishedAlert> const old{{"A1", kSigned, std::nullopt, false}, {"A2", kD4, kD4 + 2 * kHour, true}};
        auto const a = next_public_alert(plan(), WarningState{}, next, "issue", old, kD4 + kHour);
        REQUIRE(a);
        CHECK(a->type == CapMsgType::alert);
        CHECK(a->references.empty());
    }
}

TEST_CASE("levels the plan does not publish make no alert, and ending a published one is an all clear",
          "[engine][cap]") {
    CHECK_FALSE(next_public_alert(plan(), WarningState{}, active("adverse", kSigned, std::nullopt), "issue", {}, kSigned));
    std::vector<PublishedAlert> const published{{"A1", kSigned, std::nullopt, false}};
    auto const a = next_public_alert(plan(), active("yellow", kD2, std::nullopt), active("adverse", kD3, std::nullopt),
                                     "downgrade", published, kD3);
    REQUIRE(a);
    CHECK(a->type == CapMsgType::update);
    CHECK(a->closes);
    CHECK(a->ended_level == rank("yellow"));
    auto without = plan();
    without.public_alert.reset();
    CHECK_FALSE(next_public_alert(without, WarningState{}, scheduled_issue("yellow", kD2, kD4), "issue", {}, kSigned));
}

TEST_CASE("the identifier follows GB/T 35965.1: issuer code, local sending time, sequence", "[engine][cap]") {
    auto const id = cap_identifier("14010000000000", kSigned, 480, 0);
    CHECK(id == "14010000000000_20261214153000_0");
    CHECK(id.size() == 31);
    CHECK(cap_identifier("14010000000000", kSigned, 480, 1) == "14010000000000_20261214153000_1");
}

TEST_CASE("the document carries both languages, the plan's values, references and the drill mark", "[engine][cap]") {
    auto before = active("yellow", kD2, kD4);
    auto after = before;
    after.planned_end = std::nullopt;  // extended until further notice
    std::vector<PublishedAlert> const published{{"14010000000000_20261214153000_0", kSigned, kD4, false}};
    auto const a = next_public_alert(plan(), before, after, "extend", published, kD3);
    REQUIRE(a);
    auto const doc = cap_document(plan(), *a, {"14010000000000_20261216000000_0", kD3, true});
    CHECK(doc.at("status") == "Exercise");
    CHECK(doc.at("msg_type") == "Update");
    CHECK(doc.at("sender") == "14010000000000");
    CHECK(doc.at("sent") == "2026-12-16T00:00:00+08:00");
    CHECK(doc.at("references") == "14010000000000,14010000000000_20261214153000_0,2026-12-14T15:30:00+08:00");
    CHECK(doc.at("note").get<std::string>().find("演练") != std::string::npos);
    auto const& infos = doc.at("infos");
    REQUIRE(infos.size() == 2);
    auto const& zh = infos[0];
    CHECK(zh.at("language") == "zh-CN");
    CHECK(zh.at("severity") == "Moderate");
    CHECK(zh.at("urgency") == "Expected");
    CHECK(zh.at("certainty") == "Likely");
    CHECK(zh.at("response_type") == "Avoid");  // in force already
    CHECK(zh.at("onset") == "2026-12-15T00:00:00+08:00");
    CHECK_FALSE(zh.contains("expires"));
    CHECK(zh.at("geocode") == "140100");
    CHECK(zh.at("headline") == "太原市延长重污染天气黄色预警（Ⅲ级响应）");
    CHECK(zh.at("description") ==
          "太原市延长重污染天气黄色预警（Ⅲ级响应）。太原市自2026年12月15日0时起执行重污染天气黄色预警（Ⅲ级响应），解除时间另行通知。");
    CHECK(zh.at("instruction").get<std::string>().rfind("1. 儿童、老年人", 0) == 0);
    auto const& en = infos[1];
    CHECK(en.at("language") == "en");
    CHECK(en.at("area_desc") == "Taiyuan (whole city)");
    CHECK(en.at("description").get<std::string>().find("until further notice") != std::string::npos);
}

TEST_CASE("an all clear says when the measures ended and expires after the plan's hours", "[engine][cap]") {
    std::vector<PublishedAlert> const published{{"A1", kSigned, std::nullopt, false}};
    auto const a = next_public_alert(plan(), active("yellow", kD2, std::nullopt), WarningState{}, "lift", published, kD4);
    REQUIRE(a);
    auto const doc = cap_document(plan(), *a, {"X", kD4, false});
    CHECK(doc.at("status") == "Actual");
    CHECK_FALSE(doc.contains("note"));
    REQUIRE(doc.at("infos").size() == 2);
    auto const& zh = doc.at("infos")[0];
    CHECK(zh.at("response_type") == "AllClear");
    CHECK(zh.at("urgency") == "Past");
    CHECK(zh.at("expires") == "2026-12-17T02:00:00+08:00");
    CHECK(zh.at("description") == "太原市解除重污染天气黄色预警（Ⅲ级响应）。自2026年12月17日0时起，各项应急响应措施停止执行。");
}

}  // namespace hazeguard::engine::cap_test
