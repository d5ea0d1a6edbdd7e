// read_list_json and the canonical writer: a list read as a stream gives parse_list_json's
// problems and list, a stream and a text in memory read alike, and the canonical text written
// without a parse tree is exactly nlohmann's dump of it.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/enterprises/list_import.hpp"
#include "tests/unit/lists/list_test_support.hpp"

namespace hazeguard::engine {
namespace {

using nlohmann::json;

// A document read from a stream: the problems, and the enterprises handed on with their validity.
struct Streamed {
    ListReadResult result;
    std::vector<bool> valid;
    std::vector<ListReadProgress> progress;
};

Streamed stream(std::string const& text) {
    std::istringstream in(text);
    JsonSource source(in);
    Streamed out;
    out.result = read_list_json(source, test::test_plan(),
                                {[&](Enterprise&&, bool valid) { out.valid.push_back(valid); },
                                 [&](ListReadProgress const& p) { out.progress.push_back(p); }});
    return out;
}

TEST_CASE("a streamed list hands each enterprise on, checked, with parse_list_json's problems", "[lists][stream]") {
    json bad = test::minimal_enterprise();
    bad["grade"] = "Z";
    bad["lines"][0]["id"] = 7;
    json twin = test::minimal_enterprise();  // the same credit code as the first: both rows reported
    json doc = test::document({test::minimal_enterprise(), bad, twin, json("x")});
    doc["extra"] = true;
    std::string const text = doc.dump();

    auto const streamed = stream(text);
    auto const whole = parse_list_json(text, test::test_plan());
    INFO(test::describe(whole.problems));
    test::check_same_problems(streamed.result.problems, whole.problems);
    CHECK(streamed.result.count == 4);
    // Duplicates are found at the end: the first and third are valid as they are handed on.
    CHECK(streamed.valid == std::vector<bool>{true, false, true, false});
    CHECK(test::has_problem(whole.problems, 3, "/enterprises/2/credit_code", "duplicate credit code"));
    CHECK(test::has_problem(whole.problems, 0, "/extra", "unknown member \"extra\""));
}

TEST_CASE("a stream and a text in memory read alike, malformed or not", "[lists][stream]") {
    json const doc = test::document({test::minimal_enterprise()});
    for (std::string const& text :
         {doc.dump(), doc.dump() + "x", std::string("{\"enterprises\": [1e999]}"), std::string("{\"enterprises\": [\"\xff\"]}"),
          std::string(70, '[') + std::string(70, ']'), std::string("[]"), std::string("{}"),
          std::string("{\"list\": {\"city\": \"大同市\"}, \"enterprises\": []}")}) {
        INFO(text.substr(0, 80));
        auto const streamed = stream(text);
        auto const whole = parse_list_json(text, test::test_plan());
        test::check_same_problems(streamed.result.problems, whole.problems);
        CHECK(streamed.result.malformed == whole.malformed);
        if (whole.malformed) CHECK(whole.list.enterprises.empty());
    }
}

TEST_CASE("nesting too deep is reported at the same byte from a stream", "[lists][stream]") {
    std::string const text = "{\"enterprises\": [" + std::string(80, '[');
    auto const streamed = stream(text);
    auto const whole = parse_list_json(text, test::test_plan());
    REQUIRE(streamed.result.malformed);
    CHECK(streamed.result.problems.front().message == whole.problems.front().message);
    CHECK(whole.problems.front().message.find("nested more than 64 deep (byte 79)") != std::string::npos);
}

TEST_CASE("a second \"enterprises\" member is a problem of the document", "[lists][stream]") {
    json const one = test::minimal_enterprise();
    std::string const text = "{\"enterprises\": [" + one.dump() + "], \"enterprises\": []}";
    auto const result = parse_list_json(text, test::test_plan());
    CHECK(test::has_problem(result.problems, 0, "/enterprises", "member \"enterprises\" is given more than once"));
}

TEST_CASE("progress counts rows read and valid as the stream is read", "[lists][stream]") {
    auto const list = generate_list(test::test_plan(), 2500, 7);
    auto const streamed = stream(to_json(list).dump());
    REQUIRE(streamed.result.ok());
    REQUIRE(streamed.progress.size() == 2);  // every kProgressRows rows
    CHECK(streamed.progress[0].rows_read == 1000);
    CHECK(streamed.progress[1].rows_valid == 2000);
    CHECK(streamed.progress[0].bytes_read < streamed.progress[1].bytes_read);
}

TEST_CASE("the canonical text is nlohmann's dump of itself and reads back to the list", "[lists][stream]") {
    Enterprise e;
    e.credit_code = test::with_check("91140121MA0TE0001");
    e.name = "引号\"反斜杠\\制表\t换行\n控制\x01\x1f删除\x7f 😀";
    e.district = "清徐县";
    e.park = "园区";
    e.industry = "焦化";
    e.grade = "B";
    e.guarantee = "民生保障（供暖）";
    e.operating_days = 330;
    e.baseline_kwh_per_day = 12345.5;
    e.baseline_t_per_year = {{"SO2", 96}, {"NOx", 0.1}, {"PM", 1e-7}, {"VOCs", 1e21}};
    e.lines = {{"CO-1", "焦炉", "炼焦", {{"SO2", 0.5}}}, {"CO-2", "焦炉", "", {}}};
    e.measures = {{"orange", "延长", {"CO-1", "CO-2"}, "extend_time", 36.0, {{"SO2", 0.137}}, "禁运"},
                  {"red", "停产", {}, "", std::nullopt, {}, ""}};
    e.contacts = {{"环保负责人", "王", "0351-5710001"}, {"", "李", ""}};
    std::string const text = entry_json_text(e);
    CHECK(json::parse(text).dump() == text);

    auto const list = generate_list(test::test_plan(), 300, 11);
    std::string written;
    CanonicalListWriter writer([&](std::string_view piece) { written += piece; });
    for (auto const& plant : list.enterprises) writer.add(plant);
    writer.finish();
    CHECK(json::parse(written).dump() == written);
    auto const back = parse_list_json(written, test::test_plan());
    REQUIRE(back.ok());
    CHECK(to_json(back.list).dump() == written);
}

}  // namespace
}  // namespace hazeguard::engine
