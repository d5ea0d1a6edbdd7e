// Unit tests for templates/renderer.* and templates/notices/warning_notice.mustache (plain-text notice).
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "templates/renderer.hpp"

namespace hazeguard::templates {
namespace {
using nlohmann::json;

constexpr char const* kNotice = "notices/warning_notice";

json notice_data() {
    return json{
        {"office_cn", "太原市重污染天气应急指挥部办公室"},
        {"action_cn", "发布"},
        {"level_cn", "黄色预警（Ⅲ级响应）"},
        {"basis_cn", "按规则，12月15日至12月16日连续2天日均AQI＞150，达到黄色预警（Ⅲ级响应）启动条件。"},
        {"authority_cn", "主管副市长（李副市长）"},
        {"decision_cn", "决定发布重污染天气黄色预警"},
        {"start_local", "2026-12-15T00:00:00+08:00"},
        {"end_local", "2026-12-17T00:00:00+08:00"},
        {"open_ended", false},
        {"has_measures", true},
        {"measures",
         json::array({{{"index", 1}, {"sector_cn", "健康防护"}, {"text_cn", "中小学校、幼儿园停止户外体育课。"}},
                      {{"index", 2}, {"sector_cn", "工业"}, {"text_cn", "执行“一厂一策”中黄色预警减排措施。"}}})},
        {"consultation_note", "省市联合会商：12月15日至16日扩散条件较差"},
        {"signed_local", "2026-12-14T15:30:00+08:00"},
        {"plan_version", "2024.1"},
        {"proposal_id", 42},
        {"drill", false},
    };
}

bool contains(std::string const& text, std::string const& fragment) { return text.find(fragment) != std::string::npos; }

TEST_CASE("every compiled-in template parses", "[engine][templates]") {
    CHECK_NOTHROW(check_templates());
    CHECK(embedded_templates().count(kNotice) == 1);
}

TEST_CASE("the warning notice carries the level, dates, measures and signature", "[engine][templates]") {
    std::string const text = render(kNotice, notice_data());
    INFO(text);
    CHECK(contains(text, "太原市重污染天气应急指挥部办公室关于发布黄色预警（Ⅲ级响应）的通知"));
    CHECK(contains(text, "经主管副市长（李副市长）签发，决定发布重污染天气黄色预警"));
    CHECK(contains(text, "自2026-12-15T00:00:00+08:00起执行，至2026-12-17T00:00:00+08:00止。"));
    CHECK(contains(text, "请各单位按照预案要求落实以下措施："));
    CHECK(contains(text, "（1）健康防护：中小学校、幼儿园停止户外体育课。"));
    CHECK(contains(text, "（2）工业：执行“一厂一策”中黄色预警减排措施。"));
    CHECK(contains(text, "会商意见：省市联合会商：12月15日至16日扩散条件较差"));
    CHECK(contains(text, "2026-12-14T15:30:00+08:00"));
    CHECK(contains(text, "（预案版本：2024.1；审批单号：P-42）"));
    CHECK_FALSE(contains(text, "解除时间另行通知"));
    CHECK_FALSE(contains(text, "【演练】"));
    CHECK_FALSE(contains(text, "{{"));
}

TEST_CASE("the drill mark appears only when drill is true", "[engine][templates]") {
    json data = notice_data();
    data["drill"] = true;
    std::string const drill = render(kNotice, data);
    CHECK(contains(drill, "的通知【演练】"));
    data["drill"] = false;
    CHECK_FALSE(contains(render(kNotice, data), "【演练】"));
    data.erase("drill");
    CHECK_FALSE(contains(render(kNotice, data), "【演练】"));
}

TEST_CASE("an open-ended notice says the lift will be notified instead of an end", "[engine][templates]") {
    json data = notice_data();
    data.erase("end_local");
    data["open_ended"] = true;
    std::string const text = render(kNotice, data);
    INFO(text);
    CHECK(contains(text, "自2026-12-15T00:00:00+08:00起执行，解除时间另行通知。"));
    CHECK_FALSE(contains(text, "止。"));
}

TEST_CASE("a notice without measures omits the measures block", "[engine][templates]") {
    json data = notice_data();
    data["has_measures"] = false;
    data["measures"] = json::array();
    data["action_cn"] = "解除";
    std::string const text = render(kNotice, data);
    CHECK(contains(text, "关于解除黄色预警（Ⅲ级响应）的通知"));
    CHECK_FALSE(contains(text, "落实以下措施"));
    CHECK_FALSE(contains(text, "（1）"));
}

TEST_CASE("the plain-text notice does not HTML-escape its data", "[engine][templates]") {
    json data = notice_data();
    data["consultation_note"] = "PM2.5 <75 & \"较差\" 'x' >200";
    data["measures"][0]["text_cn"] = "AQI<150 & >100";
    std::string const text = render(kNotice, data);
    INFO(text);
    CHECK(contains(text, "会商意见：PM2.5 <75 & \"较差\" 'x' >200"));
    CHECK(contains(text, "AQI<150 & >100"));
    CHECK_FALSE(contains(text, "&lt;"));
    CHECK_FALSE(contains(text, "&amp;"));
    CHECK_FALSE(contains(text, "&quot;"));
}

TEST_CASE("rendering an unknown template name throws std::out_of_range", "[engine][templates]") {
    CHECK_THROWS_AS(render("notices/no_such_notice", notice_data()), std::out_of_range);
    CHECK_THROWS_AS(render("warning_notice", notice_data()), std::out_of_range);
}

}  // namespace
}  // namespace hazeguard::templates
