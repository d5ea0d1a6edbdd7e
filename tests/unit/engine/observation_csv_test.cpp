// The monitoring network's CSV export turned into the body of POST /v1/observations.
#include <catch2/catch.hpp>

#include "engine/observations/observation_csv.hpp"

namespace hazeguard::engine {
namespace {

using nlohmann::json;

TEST_CASE("hourly and daily rows with Chinese headers become API observations", "[observations][csv]") {
    auto const r = parse_observation_csv("\xEF\xBB\xBF时间,AQI,PM2.5,首要污染物\n"
                                         "2026-12-16 05:00,215,165.5,PM2.5\n"
                                         "2026-12-16,207,,—\n",
                                         "+08:00");
    INFO(r.errors.size());
    REQUIRE(r.errors.empty());
    CHECK(r.body == json::parse(R"({"observations": [
        {"granularity": "hour", "at": "2026-12-16T05:00:00+08:00", "aqi": 215, "pm25": 165.5, "primary_pollutant": "PM2.5"},
        {"granularity": "day", "date": "2026-12-16", "aqi": 207}]})"));
    CHECK(r.lines == std::vector<int>{2, 3});
}

TEST_CASE("a date and hour in separate columns and RFC 3339 times are read", "[observations][csv]") {
    auto const split = parse_observation_csv("date,hour,aqi\n20261216,5,215\n2026/12/17,,244\n", "+08:00");
    REQUIRE(split.errors.empty());
    CHECK(split.body["observations"][0]["at"] == "2026-12-16T05:00:00+08:00");
    CHECK(split.body["observations"][1] == json({{"granularity", "day"}, {"date", "2026-12-17"}, {"aqi", 244}}));
    auto const rfc = parse_observation_csv("time,aqi\n2026-12-15T16:00:00Z,170\n", "+08:00");
    REQUIRE(rfc.errors.empty());
    CHECK(rfc.body["observations"][0]["at"] == "2026-12-15T16:00:00Z");
}

// Found by observation_csv_fuzz: an 8-character time cell was read at t[10], past its end.
TEST_CASE("a time cell holding only a date in any date form is a daily value", "[observations][csv]") {
    auto const r = parse_observation_csv("time,aqi\n20261216,207\n2026/12/17,244\n", "+08:00");
    INFO((r.errors.empty() ? "" : r.errors.front()));
    REQUIRE(r.errors.empty());
    CHECK(r.body["observations"][0] == json({{"granularity", "day"}, {"date", "2026-12-16"}, {"aqi", 207}}));
    CHECK(r.body["observations"][1] == json({{"granularity", "day"}, {"date", "2026-12-17"}, {"aqi", 244}}));
    auto const short_cells = parse_observation_csv("time,aqi\n2026121,1\n202612161,2\n2026-12-16 9,3\n", "+08:00");
    CHECK(short_cells.errors.size() == 3);
}

// Found by observation_csv_fuzz: from_chars reads "nan" and "inf", and a NaN in the body turned
// into null on its way to the service.
TEST_CASE("a pm25 that is not a finite number is refused", "[observations][csv]") {
    auto const r = parse_observation_csv(
        "time,aqi,pm25\n2026-12-16,207,nan\n2026-12-17,244,inf\n2026-12-18,90,-INFINITY\n", "+08:00");
    CHECK(r.errors == std::vector<std::string>{"line 2: pm25 must be a number, got \"nan\"",
                                               "line 3: pm25 must be a number, got \"inf\"",
                                               "line 4: pm25 must be a number, got \"-INFINITY\""});
}

TEST_CASE("every bad row is reported with its line and nothing is returned", "[observations][csv]") {
    auto const r = parse_observation_csv("time,aqi\n2026-12-16 05:30,215\n2026-12-16 05:00,high\nyesterday,100\n"
                                         "2026-12-16 06:00,120\n",
                                         "+08:00");
    CHECK(r.errors == std::vector<std::string>{
                          "line 2: an hourly value must start on the hour, got \"2026-12-16 05:30\"",
                          "line 3: aqi must be a whole number, got \"high\"",
                          "line 4: time must be \"YYYY-MM-DD HH:MM\", \"YYYY-MM-DD\" or RFC 3339, got \"yesterday\""});
    CHECK(r.body.is_null());
}

TEST_CASE("a header without aqi or time is refused", "[observations][csv]") {
    CHECK(parse_observation_csv("时间,PM2.5\n2026-12-16,100\n", "+08:00").errors ==
          std::vector<std::string>{"line 1: missing column aqi (AQI)"});
    CHECK(parse_observation_csv("站点,AQI\n太原,100\n", "+08:00").errors ==
          std::vector<std::string>{"line 1: missing column time (时间) or date (日期)"});
    CHECK(parse_observation_csv("", "+08:00").errors == std::vector<std::string>{"line 1: the file is empty"});
}

}  // namespace
}  // namespace hazeguard::engine
