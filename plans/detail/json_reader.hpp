#pragma once
/// @file json_reader.hpp
/// @brief Reads values out of a parsed JSON document without throwing: every missing member,
/// wrong type or out-of-range value becomes a PlanProblem at its JSON pointer, and reading goes on
/// so that one pass reports every problem. Internal to the plan parser.

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "plans/plan_parser.hpp"

namespace hazeguard::plans::detail {

using Json = nlohmann::json;

/// @brief `pointer` extended by one object key, escaped per RFC 6901 ("~" → "~0", "/" → "~1").
std::string child_pointer(std::string const& pointer, std::string_view key);
/// @brief `pointer` extended by one array index.
std::string child_pointer(std::string const& pointer, std::size_t index);

/// @brief A short English name of a value's JSON type ("string", "integer", "array", ...).
std::string_view type_name(Json const& value);

/// @brief `text` between double quotes, for messages: unknown level "purple".
std::string in_quotes(std::string_view text);

/// @brief "a", "b", "c" joined with ", ", each quoted; used in "expected one of" messages.
std::string quoted_list(std::initializer_list<std::string_view> items);

/// @brief Records problems into a caller-owned list while reading values.
///
/// The `*_value` functions check a value already located at `pointer`; the `required_*` and
/// `optional_*` functions look member `key` up in `object` (which must be a JSON object), report
/// a missing required member at the pointer where it should be, then check its value.
/// All return nullopt / nullptr when the value is unusable (the problem is already recorded).
class JsonReader {
public:
    explicit JsonReader(std::vector<PlanProblem>& problems) : problems_(problems) {}

    /// @brief Records one problem.
    void report(std::string pointer, std::string message);

    /// @brief True when `value` is an object; otherwise records "expected an object".
    bool expect_object(Json const& value, std::string const& pointer);
    /// @brief True when `value` is an array (non-empty if `non_empty`); otherwise records why not.
    bool expect_array(Json const& value, std::string const& pointer, bool non_empty);

    /// @brief A string; with `non_empty`, the empty string is a problem too.
    std::optional<std::string> string_value(Json const& value, std::string const& pointer,
                                            bool non_empty = true);
    /// @brief A JSON integer in [min, max]; 2.0 and 1e2 are numbers, not integers.
    std::optional<int> int_value(Json const& value, std::string const& pointer, int min, int max);
    /// @brief Any JSON number in [min, max].
    std::optional<double> number_value(Json const& value, std::string const& pointer, double min,
                                       double max);
    /// @brief True when `text` is one of `allowed`; otherwise records "unknown WHAT".
    bool check_enum(std::string const& text, std::string const& pointer, std::string_view what,
                    std::initializer_list<std::string_view> allowed);

    /// @brief Member `key` of `object`, or nullptr after recording "missing required member".
    Json const* required(Json const& object, std::string const& pointer, std::string_view key);
    /// @brief Member `key` of `object`, or nullptr (silently) when absent.
    static Json const* optional(Json const& object, std::string_view key);

    std::optional<std::string> required_string(Json const& object, std::string const& pointer,
                                               std::string_view key, bool non_empty = true);
    std::optional<std::string> optional_string(Json const& object, std::string const& pointer,
                                               std::string_view key, bool non_empty = false);
    std::optional<std::string> required_enum(Json const& object, std::string const& pointer,
                                             std::string_view key,
                                             std::initializer_list<std::string_view> allowed);
    std::optional<int> required_int(Json const& object, std::string const& pointer,
                                    std::string_view key, int min, int max);
    std::optional<bool> optional_bool(Json const& object, std::string const& pointer,
                                      std::string_view key);
    /// @brief The member as an array (non-empty if `non_empty`), or nullptr.
    Json const* required_array(Json const& object, std::string const& pointer, std::string_view key,
                               bool non_empty);
    /// @brief The member as an object, or nullptr.
    Json const* required_object(Json const& object, std::string const& pointer,
                                std::string_view key);

    /// @brief Records "unknown member" for each key of `object` not in `allowed`. "$comment" is
    /// always allowed (authors' remarks; ignored).
    void check_unknown_keys(Json const& object, std::string const& pointer,
                            std::initializer_list<std::string_view> allowed);

    /// @brief Calls f(element, pointer) for each element of `array` that is an object; records
    /// "expected an object" for every other element.
    template <class F>
    void for_each_object(Json const& array, std::string const& pointer, F&& f) {
        for (std::size_t i = 0; i < array.size(); ++i) {
            auto const p = child_pointer(pointer, i);
            if (expect_object(array[i], p)) f(array[i], p);
        }
    }

    /// @brief Records "duplicate WHAT" when `id` is already in `seen`; otherwise adds it.
    /// Returns true when `id` is new.
    bool check_unique(std::vector<std::string>& seen, std::string const& id,
                      std::string const& pointer, std::string_view what);

private:
    std::vector<PlanProblem>& problems_;
};

/// @brief The member key that authors may use for remarks in any object; never interpreted.
inline constexpr std::string_view comment_key = "$comment";

}  // namespace hazeguard::plans::detail
