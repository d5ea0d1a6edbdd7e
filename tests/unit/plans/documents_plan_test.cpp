// The plan's "documents" member (docs/plan-format.md): Taiyuan's issuer and wording, and every
// check with its JSON pointer.
#include "tests/unit/plans/plan_test_support.hpp"

namespace hazeguard::plans::test {

TEST_CASE("Taiyuan's documents come from the 2024 issuer, with wording for every level", "[plans][documents]") {
    auto const& d = taiyuan().documents;
    CHECK(d.issuer_cn == "太原市生态环境保护委员会办公室");
    CHECK(d.approval_cn == "经市人民政府同意");
    CHECK_FALSE(d.number_prefix_cn.empty());
    for (auto const& level : taiyuan().levels) {
        INFO(level.id);
        REQUIRE(d.level(level.id) != nullptr);
        CHECK_FALSE(d.level(level.id)->warning_cn.empty());
    }
    CHECK(d.level("orange")->response_cn == "Ⅱ级应急响应");
    // Seed item 15: "国三以下" is ambiguous; the plan writes "国二及以下".
    for (auto const& m : taiyuan().public_measures) CHECK(m.text_cn.find("国三以下") == std::string::npos);
}

TEST_CASE("the documents member is checked", "[plans][documents]") {
    SECTION("it is required") {
        auto doc = minimal_plan();
        doc.erase("documents");
        CHECK_ONLY_PROBLEM(doc, "/documents", "missing required member");
    }
    SECTION("every level needs its wording") {
        auto doc = minimal_plan();
        doc["documents"]["levels"].erase(1);
        CHECK_ONLY_PROBLEM(doc, "/documents/levels", "no wording for level \"yellow\"");
    }
    SECTION("an unknown level") {
        auto doc = minimal_plan();
        doc["documents"]["levels"].push_back({{"level", "blue"}, {"warning_cn", "蓝色预警"}, {"response_cn", "Ⅳ级"}});
        CHECK_ONLY_PROBLEM(doc, "/documents/levels/3/level", "unknown level \"blue\"");
    }
    SECTION("addressees without the colon") {
        auto doc = minimal_plan();
        doc["documents"]["addressees_cn"] = "各区人民政府：";
        CHECK_ONLY_PROBLEM(doc, "/documents/addressees_cn", "without the closing colon");
    }
    SECTION("the season's month") {
        auto doc = minimal_plan();
        doc["documents"]["season_start_month"] = 13;
        CHECK_ONLY_PROBLEM(doc, "/documents/season_start_month", "");
    }
}

}  // namespace hazeguard::plans::test
