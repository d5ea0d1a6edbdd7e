#include "tests/fuzz/support/fuzz_checks.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "plans/plan_parser.hpp"

namespace hazeguard::fuzz {

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    while (i < s.size()) {
        unsigned char const c = byte(i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = 0;
        unsigned lo = 0x80, hi = 0xBF;   // the range of the second byte (RFC 3629 §4)
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c == 0xE0) n = 2, lo = 0xA0;
        else if (c == 0xED) n = 2, hi = 0x9F;            // no surrogates
        else if (c >= 0xE1 && c <= 0xEF) n = 2;
        else if (c == 0xF0) n = 3, lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3) n = 3;
        else if (c == 0xF4) n = 3, hi = 0x8F;            // nothing above U+10FFFF
        else return false;
        if (i + n >= s.size()) return false;   // truncated sequence
        if (byte(i + 1) < lo || byte(i + 1) > hi) return false;
        for (std::size_t k = 2; k <= n; ++k)
            if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return false;
        i += n + 1;
    }
    return true;
}

[[noreturn]] void finding(std::string const& what, std::string_view sample) {
    std::string shown;
    for (std::size_t i = 0; i < sample.size() && i < 2000; ++i) {
        unsigned char const c = static_cast<unsigned char>(sample[i]);
        if (c >= 0x20 && c < 0x7F) {
            shown += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            shown += buf;
        }
    }
    std::fprintf(stderr, "\n==hazeguard-fuzz== FINDING: %s\n%s\n", what.c_str(), shown.c_str());
    std::fflush(stderr);
    std::abort();
}

void check_client_text(std::string const& where, std::string_view text, std::string_view input) {
    if (!valid_utf8(text)) finding(where + ": not valid UTF-8", text);
    if (text.find("json.exception") != std::string_view::npos && input.find("json.exception") == std::string_view::npos)
        finding(where + ": leaks a parser exception id", text);
}

void check_dumps(std::string const& where, nlohmann::json const& value) {
    try {
        (void)value.dump();
    } catch (nlohmann::json::exception const& e) {
        finding(where + ": dump() throws " + e.what());
    }
}

void check_finite(std::string const& where, nlohmann::json const& value) {
    if (value.is_number_float() && !std::isfinite(value.get<double>())) finding(where + ": a number is not finite");
    if (value.is_structured())
        for (auto const& v : value) check_finite(where, v);
}

plans::Plan const& taiyuan_plan() {
    static plans::Plan const plan = [] {
        auto parsed = plans::parse_plan(plans::embedded_taiyuan_plan());
        if (!parsed.ok()) finding("the embedded Taiyuan plan does not parse");
        return parsed.plan;
    }();
    return plan;
}

}  // namespace hazeguard::fuzz
