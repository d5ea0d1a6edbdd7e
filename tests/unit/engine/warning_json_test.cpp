// Unit tests for engine/workflow/warning_json.*: the stored form of WarningState.
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "engine/workflow/warning_json.hpp"
#include "tests/unit/engine/warning_test_support.hpp"

namespace hazeguard::engine {
namespace {
using nlohmann::json;
using namespace test;

WarningState rich_state() {
    WarningState s;
    s.phase = Phase::change_scheduled;
    s.local_level = kYellow;
    s.directives = {{"MEE-2026-03", kOrange}, {"SX-2026-07", kYellow}};
    s.level = kOrange;
    s.level_since = day(2) + 7 * kHour;
    s.planned_end = day(5);
    s.scheduled = ScheduledChange{"downgrade", kAdverse, day(4), true, std::nullopt, "proposal:12"};
    s.episodes_opened = 7;
    s.episode = 7;
    s.last_episode = 6;
    s.last_episode_end = day(1) - 3 * kDay;
    return s;
}

TEST_CASE("a rich warning state survives the JSON round trip field by field", "[engine][warning_json]") {
    WarningState const s = rich_state();
    WarningState const back = warning_state_from_json(json::parse(to_json(s).dump()));
    CHECK(back.phase == Phase::change_scheduled);
    CHECK(back.local_level == std::optional<int>{kYellow});
    REQUIRE(back.directives.size() == 2);
    CHECK(back.directives[0].id == "MEE-2026-03");
    CHECK(back.directives[0].level == kOrange);
    CHECK(back.directives[1].id == "SX-2026-07");
    CHECK(back.directives[1].level == kYellow);
    CHECK(back.level == std::optional<int>{kOrange});
    CHECK(back.level_since == std::optional<Instant>{day(2) + 7 * kHour});
    CHECK(back.planned_end == std::optional<Instant>{day(5)});
    REQUIRE(back.scheduled.has_value());
    CHECK(back.scheduled->action == "downgrade");
    CHECK(back.scheduled->level == std::optional<int>{kAdverse});
    CHECK(back.scheduled->start_at == day(4));
    CHECK(back.scheduled->sets_end);
    CHECK_FALSE(back.scheduled->end_at.has_value());
    CHECK(back.scheduled->cause == "proposal:12");
    CHECK(back.episodes_opened == 7);
    CHECK(back.episode == std::optional<int>{7});
    CHECK(back.last_episode == std::optional<int>{6});
    CHECK(back.last_episode_end == std::optional<Instant>{day(1) - 3 * kDay});
    CHECK(to_json(back) == to_json(s));
}

TEST_CASE("a fresh state round-trips with empty optionals stored as null", "[engine][warning_json]") {
    json const j = to_json(WarningState{});
    CHECK(j.at("phase") == "normal");
    CHECK(j.at("level").is_null());
    CHECK(j.at("planned_end").is_null());
    CHECK(j.at("scheduled").is_null());
    CHECK(j.at("directives") == json::array());
    CHECK(j.at("episodes_opened") == 0);
    WarningState const back = warning_state_from_json(j);
    CHECK(back.phase == Phase::normal);
    CHECK_FALSE(back.level.has_value());
    CHECK_FALSE(back.scheduled.has_value());
    CHECK(back.directives.empty());
}

TEST_CASE("the stored phase is its name, never an MSM state id", "[engine][warning_json]") {
    auto const phase = GENERATE(Phase::normal, Phase::scheduled, Phase::active, Phase::change_scheduled);
    WarningState s;
    s.phase = phase;
    json const j = to_json(s);
    CHECK(j.at("phase") == std::string(phase_name(phase)));
    CHECK(warning_state_from_json(j).phase == phase);
}

TEST_CASE("a scheduled change with a planned end and an issue level keeps both", "[engine][warning_json]") {
    WarningState s;
    s.phase = Phase::scheduled;
    s.scheduled = ScheduledChange{"issue", kRed, day(3), true, day(6), "proposal:2"};
    auto const back = warning_state_from_json(to_json(s));
    REQUIRE(back.scheduled.has_value());
    CHECK(back.scheduled->level == std::optional<int>{kRed});
    CHECK(back.scheduled->end_at == std::optional<Instant>{day(6)});

    s.scheduled = ScheduledChange{"lift", std::nullopt, day(3), false, std::nullopt, "proposal:3"};
    auto const lifted = warning_state_from_json(to_json(s));
    REQUIRE(lifted.scheduled.has_value());
    CHECK_FALSE(lifted.scheduled->level.has_value());
    CHECK_FALSE(lifted.scheduled->sets_end);
}

TEST_CASE("invalid stored documents throw std::runtime_error", "[engine][warning_json]") {
    json const good = to_json(rich_state());
    auto const mutate = GENERATE(as<std::string>{}, "not an object", "unknown phase", "phase missing", "phase number",
                                 "level string", "episodes_opened missing", "directives missing",
                                 "directive without id", "directives not array", "scheduled missing",
                                 "scheduled without start_at", "sets_end string", "planned_end text");
    json j = good;
    if (mutate == "not an object") j = json::array({1, 2});
    else if (mutate == "unknown phase") j["phase"] = "escalated";
    else if (mutate == "phase missing") j.erase("phase");
    else if (mutate == "phase number") j["phase"] = 2;
    else if (mutate == "level string") j["level"] = "orange";
    else if (mutate == "episodes_opened missing") j.erase("episodes_opened");
    else if (mutate == "directives missing") j.erase("directives");
    else if (mutate == "directive without id") j["directives"][0].erase("id");
    else if (mutate == "directives not array") j["directives"] = 3;
    else if (mutate == "scheduled missing") j.erase("scheduled");
    else if (mutate == "scheduled without start_at") j["scheduled"].erase("start_at");
    else if (mutate == "sets_end string") j["scheduled"]["sets_end"] = "yes";
    else if (mutate == "planned_end text") j["planned_end"] = "2026-12-18T00:00:00+08:00";
    INFO(mutate << ": " << j.dump());
    CHECK_THROWS_AS(warning_state_from_json(j), std::runtime_error);
}

TEST_CASE("a valid stored document is accepted, proving the invalid cases fail for their mutation",
          "[engine][warning_json]") {
    CHECK_NOTHROW(warning_state_from_json(to_json(rich_state())));
}

}  // namespace
}  // namespace hazeguard::engine
