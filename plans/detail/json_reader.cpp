#include "plans/detail/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>

namespace hazeguard::plans::detail {

namespace {

// Formats a bound without a trailing ".000000" so messages read "between 0 and 100".
std::string number_text(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string range_message(std::string const& low, std::string const& high, bool open_high) {
    return open_high ? "must be at least " + low : "must be between " + low + " and " + high;
}

// Levenshtein distance, for "did you mean" hints on misspelt member names.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            auto const substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            diagonal = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
        }
    }
    return row[b.size()];
}

// The allowed name within two edits of `key`, or "" when none is that close.
std::string_view closest(std::string_view key, std::initializer_list<std::string_view> allowed) {
    std::string_view best;
    std::size_t best_distance = 3;
    for (auto candidate : allowed) {
        auto const d = edit_distance(key, candidate);
        if (d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

}  // namespace

std::string child_pointer(std::string const& pointer, std::string_view key) {
    std::string out = pointer + "/";
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string child_pointer(std::string const& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

std::string_view type_name(Json const& value) {
    if (value.is_number_integer()) return "integer";
    if (value.is_number_float()) return "number";
    if (value.is_string()) return "string";
    if (value.is_boolean()) return "boolean";
    if (value.is_object()) return "object";
    if (value.is_array()) return "array";
    return "null";
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string quoted_list(std::initializer_list<std::string_view> items) {
    std::string out;
    for (auto item : items) out += (out.empty() ? "" : ", ") + in_quotes(item);
    return out;
}

void JsonReader::report(std::string pointer, std::string message) {
    problems_.push_back(PlanProblem{std::move(pointer), std::move(message)});
}

bool JsonReader::expect_object(Json const& value, std::string const& pointer) {
    if (value.is_object()) return true;
    report(pointer, "expected an object, got " + std::string(type_name(value)));
    return false;
}

bool JsonReader::expect_array(Json const& value, std::string const& pointer, bool non_empty) {
    if (!value.is_array()) {
        report(pointer, "expected an array, got " + std::string(type_name(value)));
        return false;
    }
    if (non_empty && value.empty()) {
        report(pointer, "must not be empty");
        return false;
    }
    return true;
}

std::optional<std::string> JsonReader::string_value(Json const& value, std::string const& pointer,
                                                    bool non_empty) {
    if (!value.is_string()) {
        report(pointer, "expected a string, got " + std::string(type_name(value)));
        return std::nullopt;
    }
    auto text = value.get<std::string>();
    if (non_empty && text.empty()) {
        report(pointer, "must not be an empty string");
        return std::nullopt;
    }
    return text;
}

std::optional<int> JsonReader::int_value(Json const& value, std::string const& pointer, int min,
                                         int max) {
    if (!value.is_number_integer()) {
        report(pointer, "expected an integer, got " + std::string(type_name(value)));
        return std::nullopt;
    }
    constexpr auto max_int64 = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    // Unsigned values beyond int64 exist in JSON; clamp them so the range check catches them.
    auto const wide = value.is_number_unsigned()
        ? static_cast<std::int64_t>(std::min<std::uint64_t>(value.get<std::uint64_t>(), max_int64))
        : value.get<std::int64_t>();
    if (wide < min || wide > max) {
        bool const open_high = max == std::numeric_limits<int>::max();
        report(pointer, range_message(std::to_string(min), std::to_string(max), open_high) +
                            ", got " + std::to_string(wide));
        return std::nullopt;
    }
    return static_cast<int>(wide);
}

std::optional<double> JsonReader::number_value(Json const& value, std::string const& pointer,
                                               double min, double max) {
    if (!value.is_number()) {
        report(pointer, "expected a number, got " + std::string(type_name(value)));
        return std::nullopt;
    }
    auto const number = value.get<double>();
    if (number < min || number > max) {
        report(pointer, range_message(number_text(min), number_text(max), std::isinf(max)) +
                            ", got " + number_text(number));
        return std::nullopt;
    }
    return number;
}

bool JsonReader::check_enum(std::string const& text, std::string const& pointer,
                            std::string_view what,
                            std::initializer_list<std::string_view> allowed) {
    if (std::find(allowed.begin(), allowed.end(), text) != allowed.end()) return true;
    report(pointer, "unknown " + std::string(what) + " " + in_quotes(text) + "; expected one of " +
                        quoted_list(allowed));
    return false;
}

Json const* JsonReader::required(Json const& object, std::string const& pointer,
                                 std::string_view key) {
    if (auto const* member = optional(object, key)) return member;
    report(child_pointer(pointer, key), "missing required member " + in_quotes(key));
    return nullptr;
}

Json const* JsonReader::optional(Json const& object, std::string_view key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::optional<std::string> JsonReader::required_string(Json const& object,
                                                       std::string const& pointer,
                                                       std::string_view key, bool non_empty) {
    auto const* member = required(object, pointer, key);
    if (!member) return std::nullopt;
    return string_value(*member, child_pointer(pointer, key), non_empty);
}

std::optional<std::string> JsonReader::optional_string(Json const& object,
                                                       std::string const& pointer,
                                                       std::string_view key, bool non_empty) {
    auto const* member = optional(object, key);
    if (!member) return std::nullopt;
    return string_value(*member, child_pointer(pointer, key), non_empty);
}

std::optional<std::string> JsonReader::required_enum(
    Json const& object, std::string const& pointer, std::string_view key,
    std::initializer_list<std::string_view> allowed) {
    auto text = required_string(object, pointer, key, false);
    if (!text || !check_enum(*text, child_pointer(pointer, key), "value", allowed))
        return std::nullopt;
    return text;
}

std::optional<int> JsonReader::required_int(Json const& object, std::string const& pointer,
                                            std::string_view key, int min, int max) {
    auto const* member = required(object, pointer, key);
    if (!member) return std::nullopt;
    return int_value(*member, child_pointer(pointer, key), min, max);
}

std::optional<bool> JsonReader::optional_bool(Json const& object, std::string const& pointer,
                                              std::string_view key) {
    auto const* member = optional(object, key);
    if (!member) return std::nullopt;
    if (member->is_boolean()) return member->get<bool>();
    report(child_pointer(pointer, key),
           "expected a boolean, got " + std::string(type_name(*member)));
    return std::nullopt;
}

Json const* JsonReader::required_array(Json const& object, std::string const& pointer,
                                       std::string_view key, bool non_empty) {
    auto const* member = required(object, pointer, key);
    if (!member || !expect_array(*member, child_pointer(pointer, key), non_empty)) return nullptr;
    return member;
}

Json const* JsonReader::required_object(Json const& object, std::string const& pointer,
                                        std::string_view key) {
    auto const* member = required(object, pointer, key);
    if (!member || !expect_object(*member, child_pointer(pointer, key))) return nullptr;
    return member;
}

bool JsonReader::check_unique(std::vector<std::string>& seen, std::string const& id,
                              std::string const& pointer, std::string_view what) {
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
        report(pointer, "duplicate " + std::string(what) + " " + in_quotes(id));
        return false;
    }
    seen.push_back(id);
    return true;
}

void JsonReader::check_unknown_keys(Json const& object, std::string const& pointer,
                                    std::initializer_list<std::string_view> allowed) {
    for (auto const& item : object.items()) {
        auto const& key = item.key();
        if (key == comment_key || std::find(allowed.begin(), allowed.end(), key) != allowed.end())
            continue;
        auto message = "unknown member " + in_quotes(key);
        if (auto guess = closest(key, allowed); !guess.empty())
            message += "; did you mean " + in_quotes(guess) + "?";
        report(child_pointer(pointer, key), std::move(message));
    }
}

}  // namespace hazeguard::plans::detail
