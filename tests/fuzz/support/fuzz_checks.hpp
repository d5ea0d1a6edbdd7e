#pragma once
/// @file fuzz_checks.hpp
/// @brief What every fuzz target asserts about what it gets back, and how it reports a finding:
/// a message on stderr, then abort() — libFuzzer then saves the input as crash-<sha1>.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "plans/plan.hpp"

namespace hazeguard::fuzz {

/// @brief Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s);

/// @brief Reports a finding and aborts. `sample` (e.g. the offending text) is printed escaped.
[[noreturn]] void finding(std::string const& what, std::string_view sample = {});

/// @brief Text that reaches a client (a problem message, a response body) must be valid UTF-8 and
/// must not leak nlohmann's exception ids ("[json.exception.parse_error.101] ..."), unless the
/// `input` itself holds that text (a message may quote valid input).
void check_client_text(std::string const& where, std::string_view text, std::string_view input);

/// @brief The value must serialize: a string holding invalid UTF-8 makes dump() throw at answer time.
void check_dumps(std::string const& where, nlohmann::json const& value);

/// @brief Every number in the value is finite: nlohmann writes NaN and infinity as null, so a
/// non-finite number silently changes meaning once the value is stored or sent.
void check_finite(std::string const& where, nlohmann::json const& value);

/// @brief The Taiyuan plan compiled into the binary, parsed once.
plans::Plan const& taiyuan_plan();

/// @brief The input as text (libFuzzer hands bytes).
inline std::string_view as_text(std::uint8_t const* data, std::size_t size) {
    return {reinterpret_cast<char const*>(data), size};
}

}  // namespace hazeguard::fuzz
