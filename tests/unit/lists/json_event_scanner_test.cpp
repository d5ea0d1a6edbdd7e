// scan_json_events: the same events as nlohmann's parser for what it accepts, its very failure for
// what it refuses, from a text in memory and from a stream, with tokens cut by the chunks' ends.
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/enterprises/detail/json_event_scanner.hpp"

namespace hazeguard::engine {
namespace {

using nlohmann::json;

// Every event as a line of text (numbers by their type and exact value).
class RecordingSax final : public nlohmann::json_sax<json> {
public:
    std::vector<std::string> events;
    bool null() override { return add("null"); }
    bool boolean(bool v) override { return add(v ? "true" : "false"); }
    bool number_integer(number_integer_t v) override { return add("int " + std::to_string(v)); }
    bool number_unsigned(number_unsigned_t v) override { return add("unsigned " + std::to_string(v)); }
    bool number_float(number_float_t v, string_t const&) override {
        char text[64];
        std::snprintf(text, sizeof text, "float %a", v);
        return add(text);
    }
    bool string(string_t& v) override { return add("string " + v); }
    bool binary(binary_t&) override { return add("binary"); }
    bool start_object(std::size_t) override { return add("{"); }
    bool key(string_t& v) override { return add("key " + v); }
    bool end_object() override { return add("}"); }
    bool start_array(std::size_t) override { return add("["); }
    bool end_array() override { return add("]"); }
    bool parse_error(std::size_t, std::string const&, nlohmann::detail::exception const&) override { return false; }

private:
    bool add(std::string e) {
        events.push_back(std::move(e));
        return true;
    }
};

struct Outcome {
    std::vector<std::string> events;
    std::string failure;  // JsonInputError::what(), "" when accepted
};

template <class Parse>
Outcome outcome(Parse parse) {
    Outcome out;
    RecordingSax sax;
    try {
        parse(sax);
    } catch (JsonInputError const& e) {
        out.failure = e.what();
    }
    out.events = std::move(sax.events);
    return out;
}

// nlohmann's reading of `text` (in memory, a byte at a time) against the scanner's, from memory
// and from a stream.
void check_like_nlohmann(std::string const& text) {
    INFO(text.substr(0, 200));
    auto const expected = outcome([&](RecordingSax& sax) {
        JsonSource source(text);
        sax_parse_untrusted(source, sax);
    });
    auto const in_memory = outcome([&](RecordingSax& sax) {
        JsonSource source(text);
        detail::scan_json_events(source, sax);
    });
    std::istringstream in(text);
    auto const streamed = outcome([&](RecordingSax& sax) {
        JsonSource source(in);
        detail::scan_json_events(source, sax);
    });
    CHECK(in_memory.failure == expected.failure);
    CHECK(streamed.failure == expected.failure);
    if (expected.failure.empty()) {  // a refused document's events before the fault may differ
        CHECK(in_memory.events == expected.events);
        CHECK(streamed.events == expected.events);
    }
}

TEST_CASE("the scanner reads what nlohmann's parser reads into the same events", "[lists][json]") {
    for (std::string const text : {
             R"({"a": [1, -2, 3.5, -0, -0.0, 0e0, 1E5, 1e-5, 123.456e-7, true, false, null, "", {}], "b": {}})",
             R"(["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u4e2d\ud83d\ude00", "\u0000", "太原市 清徐县", "\x7f"])",
             "\xEF\xBB\xBF [ 1 ]\r\n\t ",
             "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
             "9223372036854775808", "123456789012345678", "1234567890123456789", "0.30000000000000004",
             "9007199254740993", "9007199254740993.0", "100000000000000000000000e-3", "1e0000000000000000000022",
             "4.9e-324", "1e-400", "2.2250738585072014e-308", "1.7976931348623157e308", "0.1e1", "5", "\"x\"",
         })
        check_like_nlohmann(text);
}

TEST_CASE("the scanner refuses what nlohmann's parser refuses with its message", "[lists][json]") {
    for (std::string const& text : std::vector<std::string>{
             "", " ", "\xEF\xBB", "\xEF\xBB\xBF", "\xEF\xBB\xC0[]", "[1,]", "{,}", R"({"a" 1})", R"({"a":1,})", "[1 2]",
             "{\"a\":1}x", "[]{}", "01", "1.", "-", "-a", "1e", "1e+", ".5", "+1", "1e400", "-1e400", "tru", "nul",
             "falsy", "True", "NaN", "Infinity", R"("\x")", R"("\u12")", R"("\u12G4")", R"("\ud800")",
             R"("\ud800\u0041")", R"("\udc00")", "\"\xC0\xAF\"", "\"\xE0\x80\xAF\"", "\"\xED\xA0\x80\"",
             "\"\xF4\x90\x80\x80\"", "\"\xF5\"", "\"\xE4\xB8\"", "\"\x01\"", "\"\t\"", "\"abc", "[\xE4]", "[1, \x00]",
             std::string(65, '[') + std::string(65, ']'), std::string(64, '[') + std::string(64, ']') + "x",
             "[" + std::string(70, '[') + "}",
         })
        check_like_nlohmann(text);
}

TEST_CASE("the scanner reads tokens cut by the end of a chunk", "[lists][json]") {
    constexpr std::size_t kJsonChunk = std::size_t{1} << 20;  // JsonSource's
    std::string const tail = R"("中文\u00e9\ud83d\ude00", -12345.678e-3, 18446744073709551615, true, null, {"k": []})";
    for (std::size_t shift = 0; shift < tail.size() + 3; shift += 3) {
        std::string text = "[\"" + std::string(kJsonChunk - 3 - shift, 'a') + "\", " + tail + "]";
        check_like_nlohmann(text);
        text += " x";  // the same, refused at its end
        check_like_nlohmann(text);
    }
}

}  // namespace
}  // namespace hazeguard::engine
