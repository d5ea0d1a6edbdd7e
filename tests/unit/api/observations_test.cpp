// POST/GET /v1/observations: observed air quality for the post-event evaluation — validation with
// pointers, roles, corrections kept as history, idempotent retries.
#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

json day_obs(int day, int aqi) {
    return {{"granularity", "day"}, {"date", date(day)}, {"aqi", aqi}, {"primary_pollutant", "PM2.5"}};
}

json hour_obs(int day, std::string const& hhmm, int aqi) {
    return {{"granularity", "hour"}, {"at", at(day, hhmm)}, {"aqi", aqi}, {"pm25", 120.5}};
}

json batch(json observations) { return {{"source", "市监测站"}, {"observations", std::move(observations)}}; }

TEST_CASE("observations are stored and read back in local time", "[api][observations]") {
    Api api;
    auto const r = api.post("/v1/observations", batch({day_obs(3, 207), hour_obs(3, "05:00", 215)}), api.duty);
    INFO(r.raw);
    REQUIRE(r.status == 200);
    CHECK(r.body.at("created") == 2);
    CHECK(r.body.at("replaced") == 0);
    auto const list = api.get("/v1/observations?from=" + at(3, "00:00") + "&to=" + at(4, "00:00"), api.auditor);
    INFO(list.raw);
    REQUIRE(list.status == 200);
    REQUIRE(list.body.at("daily").size() == 1);
    CHECK(list.body.at("daily")[0].at("date") == date(3));
    CHECK(list.body.at("daily")[0].at("aqi") == 207);
    CHECK(list.body.at("daily")[0].at("source") == "市监测站");
    REQUIRE(list.body.at("hourly").size() == 1);
    CHECK(list.body.at("hourly")[0].at("at") == at(3, "05:00"));
    CHECK(list.body.at("hourly")[0].at("pm25") == 120.5);
    CHECK(list.body.at("hourly")[0].at("revision") == 1);
}

TEST_CASE("a corrected value replaces the stored one and the old value is kept", "[api][observations]") {
    Api api;
    REQUIRE(api.post("/v1/observations", batch({day_obs(4, 236)}), api.duty).status == 200);
    auto const again = api.post("/v1/observations", batch({day_obs(4, 236)}), api.duty);
    CHECK(again.body.at("unchanged") == 1);
    auto const fixed = api.post("/v1/observations", {{"source", "省站复核"}, {"observations", {day_obs(4, 244)}}}, api.duty2);
    INFO(fixed.raw);
    REQUIRE(fixed.status == 200);
    CHECK(fixed.body.at("replaced") == 1);
    REQUIRE(fixed.body.at("changes").size() == 1);
    CHECK(fixed.body.at("changes")[0].at("previous").at("aqi") == 236);
    CHECK(fixed.body.at("changes")[0].at("current").at("aqi") == 244);
    CHECK(fixed.body.at("changes")[0].at("revision") == 2);
    auto const list = api.get("/v1/observations?from=" + at(4, "00:00") + "&to=" + at(5, "00:00"), api.duty);
    auto const& row = list.body.at("daily").at(0);
    CHECK(row.at("aqi") == 244);
    CHECK(row.at("revision") == 2);
    CHECK(row.at("source") == "省站复核");
    REQUIRE(row.at("history").size() == 1);
    CHECK(row.at("history")[0].at("values").at("aqi") == 236);
    CHECK(row.at("history")[0].at("values").at("source") == "市监测站");
    CHECK(row.at("history")[0].at("replaced_by") == "值班员刘洋");
}

TEST_CASE("every bad observation is reported at once with its pointer", "[api][observations]") {
    Api api;
    auto const r = api.post("/v1/observations",
                            batch({{{"granularity", "hour"}, {"at", at(3, "05:30")}, {"aqi", 215}},
                                   {{"granularity", "day"}, {"date", "2026-13-01"}, {"aqi", 501}},
                                   {{"granularity", "minute"}, {"aqi", 100}},
                                   {{"granularity", "day"}, {"date", date(2)}, {"aqi", 158}, {"pm25", -1},
                                    {"primary_pollutant", "dust"}, {"colour", "grey"}},
                                   day_obs(5, 171), day_obs(5, 171)}),
                            api.duty);
    INFO(r.raw);
    REQUIRE(is_problem(r, 422, "/problems/validation"));
    CHECK(r.pointers() == std::vector<std::string>{
                              "/observations/0/at", "/observations/1/date", "/observations/1/aqi",
                              "/observations/2/granularity", "/observations/3/colour", "/observations/3/pm25",
                              "/observations/3/primary_pollutant", "/observations/5/date"});
    // nothing of the batch was stored
    auto const list = api.get("/v1/observations?from=" + at(1, "00:00") + "&to=" + at(7, "00:00"), api.duty);
    CHECK(list.body.at("daily").empty());
    CHECK(is_problem(api.post("/v1/observations", batch(json::array()), api.duty), 422, "/problems/validation"));
    CHECK(is_problem(api.post("/v1/observations", {{"observations", "many"}}, api.duty), 422, "/problems/validation"));
}

TEST_CASE("only duty officers and admins record observations, enterprises cannot read them", "[api][observations]") {
    Api api;
    for (auto const* who : {&api.enterprise, &api.auditor, &api.mayor, &api.department})
        CHECK(is_problem(api.post("/v1/observations", batch({day_obs(1, 121)}), *who), 403, "/problems/forbidden-role"));
    CHECK(api.post("/v1/observations", batch({day_obs(1, 121)}), api.admin).status == 200);
    auto const q = "/v1/observations?from=" + at(1, "00:00") + "&to=" + at(2, "00:00");
    CHECK(is_problem(api.get(q, api.enterprise), 403, "/problems/forbidden-role"));
    CHECK(api.get(q, api.department).status == 200);
}

TEST_CASE("a retried batch with its Idempotency-Key answers the first result", "[api][observations]") {
    Api api;
    auto const first = api.post("/v1/observations", batch({day_obs(2, 158)}), api.duty, "obs-42");
    auto const retry = api.post("/v1/observations", batch({day_obs(2, 158)}), api.duty, "obs-42");
    CHECK(first.status == 200);
    CHECK(retry.status == 200);
    CHECK(retry.body == first.body);
    CHECK(retry.body.at("created") == 1);
}

TEST_CASE("the observation listing needs a valid bounded range", "[api][observations]") {
    Api api;
    CHECK(is_problem(api.get("/v1/observations", api.duty), 400, "/problems/invalid-query"));
    auto const bad = api.get("/v1/observations?from=yesterday&to=" + at(2, "00:00"), api.duty);
    CHECK(is_problem(bad, 400, "/problems/invalid-query"));
    CHECK(bad.pointers() == std::vector<std::string>{"/query/from"});
    auto const reversed = api.get("/v1/observations?from=" + at(3, "00:00") + "&to=" + at(2, "00:00"), api.duty);
    CHECK(is_problem(reversed, 400, "/problems/invalid-query"));
    CHECK(is_problem(api.get("/v1/observations?from=2026-01-01T00:00:00%2B08:00&to=2026-12-31T00:00:00%2B08:00", api.duty),
                     400, "/problems/invalid-query"));
}

}  // namespace
}  // namespace hazeguard::api::test
