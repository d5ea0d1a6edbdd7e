#pragma once
/// @file timestamp.hpp
/// @brief Instants as Unix seconds, RFC 3339 parsing/formatting with explicit UTC offsets, and
/// local calendar dates. Pure: no clock reads (the clock lives in engine/time/clock.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hazeguard::engine {

/// @brief Seconds since 1970-01-01T00:00:00Z.
using Instant = std::int64_t;

constexpr Instant kHour = 3600;
constexpr Instant kDay = 86400;

/// @brief Parses "±HH:MM" (or "Z") into minutes east of UTC.
std::optional<int> parse_utc_offset(std::string_view text);

/// @brief Parses an RFC 3339 date-time that carries an offset ("2026-12-14T10:00:00+08:00",
/// "...Z"; seconds and fractions optional). Impossible dates (Feb 30) and missing offsets fail.
std::optional<Instant> parse_rfc3339(std::string_view text);

/// @brief Formats an instant in the given offset: "2026-12-14T10:00:00+08:00".
std::string format_rfc3339(Instant t, int offset_minutes);

/// @brief Parses a calendar date "YYYY-MM-DD" and returns its local midnight as an instant.
std::optional<Instant> parse_local_date(std::string_view text, int offset_minutes);

/// @brief The local midnight at or before `t` (the start of its local day).
Instant local_midnight(Instant t, int offset_minutes);

/// @brief The local calendar date of an instant, "YYYY-MM-DD".
std::string format_local_date(Instant t, int offset_minutes);

/// @brief "12月15日" — the local month/day in Chinese, for explanations.
std::string format_local_date_cn(Instant t, int offset_minutes);

/// @brief "2026年12月15日0时", "2026年12月15日10时30分" — a local time as official documents
/// write it (minutes only when not zero; seconds never).
std::string format_local_time_cn(Instant t, int offset_minutes);

}  // namespace hazeguard::engine
