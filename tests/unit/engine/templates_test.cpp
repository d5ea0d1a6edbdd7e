// Unit tests for templates/renderer.* and templates/documents/page.mustache (the plain-text
// layout of every document; full texts are checked by tests/unit/api/documents_test.cpp).
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "templates/renderer.hpp"

namespace hazeguard::templates {
namespace {
using nlohmann::json;

constexpr char const* kNotice = "documents/page";

json notice_data() {
    return json{
        {"header", json::array({"测试市生态环境保护委员会办公室", "测环委办发〔2026〕7号"})},
        {"title_cn", "关于发布重污染天气黄色预警的通知"},
        {"addressees_cn", "各区人民政府"},
        {"lines", json::array({"根据会商研判，决定发布重污染天气黄色预警。", "一、健康防护引导措施", "1．减少户外活动。",
                               "请各区落实。"})},
        {"closing_block", json::array({"测试市生态环境保护委员会办公室", "2026年12月14日"})},
    };
}

bool contains(std::string const& text, std::string const& fragment) { return text.find(fragment) != std::string::npos; }

TEST_CASE("every compiled-in template parses", "[engine][templates]") {
    CHECK_NOTHROW(check_templates());
    CHECK(embedded_templates().count(kNotice) == 1);
}

TEST_CASE("the page lays out header, title, addressees, indented body and closing block", "[engine][templates]") {
    std::string const text = render(kNotice, notice_data());
    CHECK(text ==
          "测试市生态环境保护委员会办公室\n测环委办发〔2026〕7号\n\n关于发布重污染天气黄色预警的通知\n\n各区人民政府：\n"
          "　　根据会商研判，决定发布重污染天气黄色预警。\n　　一、健康防护引导措施\n　　1．减少户外活动。\n"
          "　　请各区落实。\n\n测试市生态环境保护委员会办公室\n2026年12月14日\n");
}

TEST_CASE("the plain-text page does not HTML-escape its data", "[engine][templates]") {
    json data = notice_data();
    data["lines"][0] = "PM2.5 <75 & \"较差\" 'x' >200";
    std::string const text = render(kNotice, data);
    INFO(text);
    CHECK(contains(text, "PM2.5 <75 & \"较差\" 'x' >200"));
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
