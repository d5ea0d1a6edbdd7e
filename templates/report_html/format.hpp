#pragma once
/// @file format.hpp
/// @brief Values of the report JSON as the HTML report prints them. A missing or null value
/// prints as "—" (kMissing).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace hazeguard::templates::report_html {

using nlohmann::json;

inline constexpr char const* kMissing = "—";

/// @brief object[key], or null when `object` is not an object or has no such member.
json const& member(json const& object, std::string_view key);

/// @brief object[key] as an array (an empty array when missing or not an array).
json const& items(json const& object, std::string_view key);

/// @brief "2026-12-14T15:30:00+08:00" → "2026-12-14 15:30 (+08:00)" ("Z" shows as +00:00);
/// `when_null` for null; any other string is printed as it is.
std::string local_time(json const& rfc3339, char const* when_null = kMissing);

/// @brief A string as it is, a number as JSON writes it, true/false as 是/否.
std::string text(json const& value);

/// @brief A number rounded to `decimals` places ("2.0").
std::string fixed(json const& value, int decimals);

/// @brief Like fixed() with a sign on non-zero values ("+5", "−1.2").
std::string signed_fixed(json const& value, int decimals);

/// @brief A share 0..1 as a percentage with one decimal ("85.7%").
std::string percent(json const& share);

/// @brief part / whole as a percentage with one decimal; "—" when whole is zero or missing.
std::string ratio_percent(json const& part, json const& whole);

/// @brief Strings of an array joined with "、"; "无" when empty.
std::string joined(json const& strings, std::string (*format)(json const&));

}  // namespace hazeguard::templates::report_html
