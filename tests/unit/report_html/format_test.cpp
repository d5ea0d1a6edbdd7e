// Unit tests for templates/report_html/format.* and labels.* (how report values print).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "templates/report_html/format.hpp"
#include "templates/report_html/labels.hpp"
#include "tests/unit/report_html/report_fixture.hpp"

namespace hazeguard::templates::report_html {
namespace {
using hazeguard::report_html::test::taiyuan_plan;

TEST_CASE("RFC 3339 times print as local time with their offset", "[report_html][format]") {
    CHECK(local_time(json("2026-12-14T15:30:00+08:00")) == "2026-12-14 15:30 (+08:00)");
    CHECK(local_time(json("2026-12-14T07:30:59.250Z")) == "2026-12-14 07:30 (+00:00)");
    CHECK(local_time(json("2026-12-14T15:30-05:00")) == "2026-12-14 15:30 (-05:00)");
    CHECK(local_time(json("2026-12-14")) == "2026-12-14");
    CHECK(local_time(json(nullptr)) == "—");
}

TEST_CASE("numbers print rounded with signs and percentages", "[report_html][format]") {
    CHECK(fixed(json(2), 1) == "2.0");
    CHECK(fixed(json(-0.04), 1) == "0.0");
    CHECK(signed_fixed(json(5), 0) == "+5");
    CHECK(signed_fixed(json(-8), 0) == "−8");
    CHECK(signed_fixed(json(0.0), 1) == "0.0");
    CHECK(percent(json(0.857)) == "85.7%");
    CHECK(ratio_percent(json(1484), json(1555)) == "95.4%");
    CHECK(ratio_percent(json(0), json(0)) == "—");
    CHECK(text(json(nullptr)) == "—");
    CHECK(text(json(true)) == "是");
    CHECK(joined(json::array({"2026-12-16", "2026-12-17"}), text) == "2026-12-16、2026-12-17");
    CHECK(joined(json::array(), text) == "无");
}

TEST_CASE("missing members read as null and empty arrays", "[report_html][format]") {
    json const object = {{"a", 1}, {"list", "not a list"}};
    CHECK(member(object, "a") == 1);
    CHECK(member(object, "b").is_null());
    CHECK(member(json::array(), "a").is_null());
    CHECK(items(object, "list").empty());
}

TEST_CASE("codes print in Chinese and unknown codes as they are", "[report_html][format]") {
    auto const& plan = taiyuan_plan();
    CHECK(level_name(plan, json("orange")) == "橙色预警（Ⅱ级响应）");
    CHECK(level_name(plan, json(nullptr), "未预警") == "未预警");
    CHECK(level_name(plan, json("")) == "无");
    CHECK(level_name(plan, json("violet")) == "violet");
    CHECK(action_cn(json("downgrade")) == "降级");
    CHECK(verdict_cn(json("under")) == "偏低");
    CHECK(timeline_kind_cn(json("ack_reminder")) == "签收提醒");
    CHECK(timeline_kind_cn(json("extension_reminder")) == "延长提醒");
    CHECK(timeline_kind_cn(json("something_new")) == "something_new");
    CHECK(on_time_cn(json(false)) == "超时");
    CHECK(on_time_cn(json(nullptr)) == "未完成");
}

}  // namespace
}  // namespace hazeguard::templates::report_html
