// Unit tests for engine/time/timestamp.{hpp,cpp}: RFC 3339 with explicit offsets, local dates.
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "engine/time/timestamp.hpp"

namespace hazeguard::engine {
namespace {

// Reference instants computed independently (GNU date -u -d ... +%s).
constexpr Instant kD14Midnight_UTC = 1797206400;  // 2026-12-14T00:00:00Z
constexpr Instant kD14Ten_CST = 1797213600;       // 2026-12-14T10:00:00+08:00 = 02:00Z
constexpr Instant kD14Midnight_CST = 1797177600;  // 2026-12-14T00:00:00+08:00 = 2026-12-13T16:00Z
constexpr int kCst = 480;                          // +08:00, Asia/Shanghai

TEST_CASE("parse_rfc3339 reads a date-time with a +08:00 offset as the matching UTC instant",
          "[engine][timestamp]") {
    CHECK(parse_rfc3339("2026-12-14T10:00:00+08:00") == std::optional<Instant>{kD14Ten_CST});
    CHECK(parse_rfc3339("2026-12-14T00:00:00+08:00") == std::optional<Instant>{kD14Midnight_CST});
}

TEST_CASE("parse_rfc3339 reads Z, negative offsets and the lower-case and space separators",
          "[engine][timestamp]") {
    CHECK(parse_rfc3339("2026-12-14T00:00:00Z") == std::optional<Instant>{kD14Midnight_UTC});
    CHECK(parse_rfc3339("2026-12-14T02:00:00z") == std::optional<Instant>{kD14Ten_CST});
    CHECK(parse_rfc3339("2026-12-13T21:00:00-05:00") == std::optional<Instant>{kD14Ten_CST});
    CHECK(parse_rfc3339("2026-12-14t10:00:00+08:00") == std::optional<Instant>{kD14Ten_CST});
    CHECK(parse_rfc3339("2026-12-14 10:00:00+08:00") == std::optional<Instant>{kD14Ten_CST});
    CHECK(parse_rfc3339("2026-12-14T07:45:00+05:45") == std::optional<Instant>{kD14Ten_CST});
}

TEST_CASE("parse_rfc3339 accepts fractional seconds and drops the fraction", "[engine][timestamp]") {
    CHECK(parse_rfc3339("2026-12-14T10:00:00.5+08:00") == std::optional<Instant>{kD14Ten_CST});
    CHECK(parse_rfc3339("2026-12-14T10:00:59.999999+08:00") == std::optional<Instant>{kD14Ten_CST + 59});
    CHECK(parse_rfc3339("2026-12-14T02:00:00.000Z") == std::optional<Instant>{kD14Ten_CST});
    CHECK_FALSE(parse_rfc3339("2026-12-14T10:00:00.+08:00").has_value());
}

TEST_CASE("parse_rfc3339 accepts a time without seconds", "[engine][timestamp]") {
    CHECK(parse_rfc3339("2026-12-14T10:30+08:00") == std::optional<Instant>{kD14Ten_CST + 30 * 60});
}

TEST_CASE("parse_rfc3339 accepts Feb 29 in leap years only", "[engine][timestamp]") {
    CHECK(parse_rfc3339("2024-02-29T00:00:00Z") == std::optional<Instant>{1709164800});
    CHECK(parse_rfc3339("2000-02-29T00:00:00Z") == std::optional<Instant>{951782400});
    CHECK_FALSE(parse_rfc3339("2026-02-29T00:00:00+08:00").has_value());
    CHECK_FALSE(parse_rfc3339("2100-02-29T00:00:00Z").has_value());
}

TEST_CASE("parse_rfc3339 rejects impossible dates and times", "[engine][timestamp]") {
    auto const text = GENERATE(as<std::string>{},
                               "2026-02-30T00:00:00+08:00",  // Feb 30
                               "2026-04-31T00:00:00+08:00",  // Apr 31
                               "2026-13-01T00:00:00+08:00",  // month 13
                               "2026-00-10T00:00:00+08:00",  // month 0
                               "2026-12-00T00:00:00+08:00",  // day 0
                               "2026-12-32T00:00:00+08:00",  // day 32
                               "2026-12-14T24:00:00+08:00",  // hour 24
                               "2026-12-14T10:60:00+08:00",  // minute 60
                               "2026-12-14T10:00:60+08:00");  // second 60
    INFO(text);
    CHECK_FALSE(parse_rfc3339(text).has_value());
}

TEST_CASE("parse_rfc3339 rejects a missing or malformed offset", "[engine][timestamp]") {
    auto const text = GENERATE(as<std::string>{},
                               "2026-12-14T10:00:00",         // no offset
                               "2026-12-14T10:00",            // no offset, no seconds
                               "2026-12-14",                  // date only
                               "2026-12-14T10:00:00+0800",    // no colon
                               "2026-12-14T10:00:00+08",      // no minutes
                               "2026-12-14T10:00:00+8:00",    // one hour digit
                               "2026-12-14T10:00:00 08:00",   // no sign
                               "2026-12-14T10:00:00+15:00",   // beyond +14
                               "2026-12-14T10:00:00+08:60",   // minute 60
                               "2026-12-14T10:00:00+08:00x",  // trailing garbage
                               "2026-12-14T10:00:00ZZ",       // trailing garbage
                               "2026/12/14T10:00:00+08:00",   // wrong date separator
                               "2026-12-14X10:00:00+08:00",   // wrong date/time separator
                               "");
    INFO(text);
    CHECK_FALSE(parse_rfc3339(text).has_value());
}

TEST_CASE("parse_utc_offset returns minutes east of UTC", "[engine][timestamp]") {
    CHECK(parse_utc_offset("+08:00") == std::optional<int>{480});
    CHECK(parse_utc_offset("-03:30") == std::optional<int>{-210});
    CHECK(parse_utc_offset("+05:45") == std::optional<int>{345});
    CHECK(parse_utc_offset("Z") == std::optional<int>{0});
    CHECK(parse_utc_offset("-00:00") == std::optional<int>{0});
    CHECK_FALSE(parse_utc_offset("+08").has_value());
    CHECK_FALSE(parse_utc_offset("08:00").has_value());
    CHECK_FALSE(parse_utc_offset("").has_value());
}

TEST_CASE("format_rfc3339 writes the instant in the requested offset", "[engine][timestamp]") {
    CHECK(format_rfc3339(kD14Ten_CST, kCst) == "2026-12-14T10:00:00+08:00");
    CHECK(format_rfc3339(kD14Ten_CST, 0) == "2026-12-14T02:00:00+00:00");
    CHECK(format_rfc3339(kD14Ten_CST, -330) == "2026-12-13T20:30:00-05:30");
    CHECK(format_rfc3339(kD14Midnight_CST, kCst) == "2026-12-14T00:00:00+08:00");
    CHECK(format_rfc3339(0, 0) == "1970-01-01T00:00:00+00:00");
    CHECK(format_rfc3339(-1, 0) == "1969-12-31T23:59:59+00:00");
    CHECK(format_rfc3339(kD14Ten_CST + 59 * 60 + 7, kCst) == "2026-12-14T10:59:07+08:00");
}

TEST_CASE("format_rfc3339 then parse_rfc3339 gives back the same instant", "[engine][timestamp]") {
    auto const offset = GENERATE(0, 480, -300, 345, -720, 840);
    auto const t = GENERATE(Instant{-86401}, Instant{0}, kD14Midnight_CST - 1, kD14Midnight_CST, Instant{1709164799},
                            Instant{4102444800} /* 2100-01-01 */);
    auto const text = format_rfc3339(t, offset);
    INFO(text);
    CHECK(parse_rfc3339(text) == std::optional<Instant>{t});
}

TEST_CASE("parse_local_date gives the local midnight of the date", "[engine][timestamp]") {
    CHECK(parse_local_date("2026-12-14", kCst) == std::optional<Instant>{kD14Midnight_CST});
    CHECK(parse_local_date("2026-12-14", 0) == std::optional<Instant>{kD14Midnight_UTC});
    CHECK(parse_local_date("2026-12-15", kCst) == std::optional<Instant>{kD14Midnight_CST + kDay});
    CHECK_FALSE(parse_local_date("2026-02-29", kCst).has_value());
    CHECK_FALSE(parse_local_date("2026-02-30", kCst).has_value());
    CHECK_FALSE(parse_local_date("2026-12-14T00:00:00+08:00", kCst).has_value());
    CHECK_FALSE(parse_local_date("2026-12-1", kCst).has_value());
}

TEST_CASE("format_local_date switches day exactly at local midnight in +08:00", "[engine][timestamp]") {
    Instant const d15_midnight = kD14Midnight_CST + kDay;  // 2026-12-14T16:00:00Z
    CHECK(format_local_date(d15_midnight - 1, kCst) == "2026-12-14");
    CHECK(format_local_date(d15_midnight, kCst) == "2026-12-15");
    // The same instants are still 14 Dec in UTC.
    CHECK(format_local_date(d15_midnight, 0) == "2026-12-14");
    // 00:30 local on 14 Dec is 13 Dec in UTC.
    CHECK(format_local_date(kD14Midnight_CST + 30 * 60, 0) == "2026-12-13");
    CHECK(format_local_date(kD14Midnight_CST + 30 * 60, kCst) == "2026-12-14");
}

TEST_CASE("format_local_date_cn writes month and day without leading zeros", "[engine][timestamp]") {
    CHECK(format_local_date_cn(kD14Midnight_CST + kDay, kCst) == "12月15日");
    CHECK(format_local_date_cn(kD14Midnight_CST + kDay - 1, kCst) == "12月14日");
    auto const jan5 = parse_local_date("2027-01-05", kCst);
    REQUIRE(jan5.has_value());
    CHECK(format_local_date_cn(*jan5, kCst) == "1月5日");
    CHECK(format_local_date_cn(*jan5, 0) == "1月4日");
}

TEST_CASE("local_midnight is the start of the local day, also before 1970", "[engine][timestamp]") {
    auto const t = *parse_rfc3339("2026-12-16T05:00:00+08:00");
    CHECK(local_midnight(t, 480) == *parse_rfc3339("2026-12-16T00:00:00+08:00"));
    CHECK(local_midnight(*parse_rfc3339("2026-12-16T00:00:00+08:00"), 480) == *parse_rfc3339("2026-12-16T00:00:00+08:00"));
    CHECK(local_midnight(*parse_rfc3339("2026-12-15T23:59:59+08:00"), 480) == *parse_rfc3339("2026-12-15T00:00:00+08:00"));
    CHECK(local_midnight(*parse_rfc3339("1969-12-31T12:00:00Z"), 0) == *parse_rfc3339("1969-12-31T00:00:00Z"));
}

TEST_CASE("format_local_time_cn writes a local time as official documents do", "[engine][timestamp]") {
    CHECK(format_local_time_cn(kD14Midnight_CST + kDay, kCst) == "2026年12月15日0时");
    CHECK(format_local_time_cn(kD14Midnight_CST + 10 * 3600 + 30 * 60, kCst) == "2026年12月14日10时30分");
    CHECK(format_local_time_cn(kD14Midnight_CST + 23 * 3600 + 59 * 60 + 59, kCst) == "2026年12月14日23时59分");
    CHECK(format_local_time_cn(kD14Midnight_CST, 0) == "2026年12月13日16时");
}

}  // namespace
}  // namespace hazeguard::engine
