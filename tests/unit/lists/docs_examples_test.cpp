// The examples in docs/list-format.md parse as the page says.
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "engine/enterprises/list_import.hpp"
#include "tests/unit/lists/list_test_support.hpp"

namespace hazeguard::engine {
namespace {

// The body of the first fenced code block at or after `marker`.
std::string block_after(std::string const& marker) {
    std::ifstream in(HG_SOURCE_DIR "/docs/list-format.md", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto const page = text.str();
    auto start = page.find(marker);
    if (start == std::string::npos) return {};
    start = page.find("```", start);
    if (start == std::string::npos) return {};
    start = page.find('\n', start) + 1;
    return page.substr(start, page.find("```", start) - start);
}

TEST_CASE("the CSV example of docs/list-format.md", "[lists][docs]") {
    auto const text = block_after("```csv");
    REQUIRE_FALSE(text.empty());
    auto const result = parse_list_csv(text, test::test_plan());
    INFO(test::describe(result.problems));
    REQUIRE(result.ok());
    REQUIRE(result.list.enterprises.size() == 2);
    auto const& coking = result.list.enterprises[0];
    REQUIRE(coking.measures.size() == 3);
    CHECK(coking.measures[0].action == "extend_time");
    CHECK(coking.measures[1].reductions_t_per_day.at("NOx") == 0.601);
    CHECK(coking.measures[2].text.find('\n') != std::string::npos);
    CHECK(coking.measures[2].transport == "国四及以下排放标准重型载货车辆禁止进出厂区");
    CHECK(result.list.enterprises[1].measures.empty());
}

TEST_CASE("the JSON example of docs/list-format.md", "[lists][docs]") {
    auto const text = block_after("### Example (ENT-01");
    REQUIRE_FALSE(text.empty());
    auto const result = parse_list_json(text, test::test_plan());
    INFO(test::describe(result.problems));
    REQUIRE(result.ok());
    REQUIRE(result.list.enterprises.size() == 1);
    CHECK(result.list.enterprises[0].measures.at(0).reductions_t_per_day.at("PM") == 0.103);
}

}  // namespace
}  // namespace hazeguard::engine
