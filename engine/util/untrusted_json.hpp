#pragma once
/// @file untrusted_json.hpp
/// @brief Parsing JSON that came from outside (request bodies, uploaded lists). Every failure is
/// one exception type whose message is safe to show a client: valid UTF-8, no parser internals,
/// no quoted input bytes. Nesting is bounded, because dumping or destroying a deeply nested value
/// recurses and a body of a few hundred kilobytes could otherwise exhaust a thread's stack.

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace hazeguard::engine {

/// @brief Why a text is not acceptable JSON, and where (0-based byte offset).
struct JsonInputError : std::runtime_error {
    JsonInputError(std::string const& reason_, std::optional<std::size_t> byte_)
        : std::runtime_error(byte_ ? reason_ + " (byte " + std::to_string(*byte_) + ")" : reason_),
          reason(reason_), byte(byte_) {}
    std::string reason;               ///< e.g. "a number is outside the range of a double"
    std::optional<std::size_t> byte;  ///< where, when the parser knows
};

/// @brief The most nested arrays and objects accepted in an untrusted document.
inline constexpr int kMaxJsonDepth = 64;

/// @brief Parses `text`; throws JsonInputError for malformed JSON, invalid UTF-8, numbers
/// outside the range of a double, or nesting deeper than `max_depth`.
nlohmann::json parse_untrusted_json(std::string_view text, int max_depth = kMaxJsonDepth);

namespace detail {
/// @brief The offset of the first bracket of `text` nested deeper than `max_depth`, if any
/// (brackets inside strings do not count; the text need not be valid JSON).
std::optional<std::size_t> too_deep_at(std::string_view text, int max_depth);
/// @brief The failure of a document nested deeper than `max_depth`, at byte `at`.
JsonInputError too_deep(int max_depth, std::size_t at);
/// @brief The client-safe form of one of nlohmann's parse failures.
JsonInputError input_error(nlohmann::json::exception const& e);
}  // namespace detail

/// @brief Serialises `value` for a client; invalid UTF-8 (which can only come from outside
/// strings such as a request target) is replaced by U+FFFD instead of throwing.
std::string dump_for_client(nlohmann::json const& value);

}  // namespace hazeguard::engine
