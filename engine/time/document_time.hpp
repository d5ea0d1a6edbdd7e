#pragma once
/// @file document_time.hpp
/// @brief Times as official documents write them (official-documents.md §1.3, §2.1): the date
/// "2026年12月15日" (no leading zeros), a start "2026年12月15日0时", an end at local midnight as
/// "12月17日24时" of the day before, the year only at the first mention and when it changes.
/// Never RFC 3339. Pure.

#include <optional>
#include <string>

#include "engine/time/timestamp.hpp"

namespace hazeguard::engine {

/// @brief "2026年12月15日" — a date line (成文日期) in the plan's offset.
std::string document_date_cn(Instant t, int offset_minutes);

/// @brief Writes the times of one document body in order, remembering the year last written.
class DocumentTimes {
public:
    explicit DocumentTimes(int offset_minutes) : offset_minutes_(offset_minutes) {}
    /// @brief A start: "2026年12月15日0时", later "12月16日12时", "12月16日12时30分".
    std::string start(Instant t);
    /// @brief An end: like start(), but local midnight is "24时" of the day before.
    std::string end(Instant t);
    /// @brief A day: "2026年12月15日" / "12月16日".
    std::string day(Instant t);

private:
    std::string write(Instant t, bool midnight_as_24, bool with_hour);
    int offset_minutes_;
    std::optional<int> year_written_;
};

}  // namespace hazeguard::engine
