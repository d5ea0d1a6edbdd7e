// 422 /problems/validation: every faulty field is reported at once, each with its JSON pointer.
#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

using Pointers = std::vector<std::string>;

/// @brief POSTs `body` and returns the pointers of the 422 problem (empty if it was not a 422).
Pointers invalid(Api& api, std::string const& path, json const& body, std::string const& token) {
    auto const r = api.post(path, body, token);
    INFO(path << " " << body.dump() << " -> " << r.raw);
    CHECK(is_problem(r, 422, "/problems/validation"));
    if (r.status != 422) return {};
    CHECK(r.body.at("title") == "Invalid request");
    for (auto const& e : r.body.at("errors")) CHECK_FALSE(e.at("message").get<std::string>().empty());
    return r.pointers();
}

json with(json base, std::string const& key, json value) {
    base[key] = std::move(value);
    return base;
}

json without(json base, std::string const& key) {
    base.erase(key);
    return base;
}

TEST_CASE("POST /v1/forecasts validation", "[api][validation]") {
    Api api;
    auto const bad = [&](json const& body) { return invalid(api, "/v1/forecasts", body, api.duty); };
    auto const c1 = forecast_c1();
    auto const one_day = [&](json d) { return with(c1, "days", json::array({std::move(d)})); };

    CHECK(bad(json::object()) == Pointers{"/issued_at", "/issuer", "/days"});
    CHECK(bad(json::array()).at(0) == "");   // (a "/days is required" may follow)
    CHECK(bad({{"issued_at", 20261214}, {"issuer", 5}, {"days", "D1-D7"}}) == Pointers{"/issued_at", "/issuer", "/days"});
    CHECK(bad(with(c1, "issued_at", "2026-02-30T10:00:00+08:00")) == Pointers{"/issued_at"});
    CHECK(bad(with(c1, "issued_at", "2026-12-14T10:00:00")) == Pointers{"/issued_at"});
    CHECK(bad(with(c1, "issued_at", "2026-12-14T24:00:00+08:00")) == Pointers{"/issued_at"});
    CHECK(bad(with(c1, "consulted_at", "yesterday")) == Pointers{"/consulted_at"});
    CHECK(bad(with(c1, "issuer", "")) == Pointers{"/issuer"});
    CHECK(bad(with(c1, "strat_at", at(1, "10:00"))) == Pointers{"/strat_at"});
    CHECK(bad(with(c1, "rule_set", "national-2030")) == Pointers{"/rule_set"});
    CHECK(bad(with(c1, "days", json::array())) == Pointers{"/days"});
    json sixteen = json::array();
    for (int n = 1; n <= 16; ++n) sixteen.push_back(day(n, 100, 90, 110));
    CHECK(bad(with(c1, "days", sixteen)) == Pointers{"/days"});
    CHECK(bad(without(c1, "days")) == Pointers{"/days"});

    SECTION("days") {
        CHECK(bad(one_day(5)) == Pointers{"/days/0"});
        CHECK(bad(one_day(with(day(1, 128, 110, 145), "date", "2026-02-30"))) == Pointers{"/days/0/date"});
        CHECK(bad(one_day(with(day(1, 128, 110, 145), "date", "14/12/2026"))) == Pointers{"/days/0/date"});
        CHECK(bad(one_day(with(day(1, 128, 110, 145), "aqi_high", 501))) == Pointers{"/days/0/aqi_high"});
        CHECK(bad(one_day(with(day(1, 128, 110, 145), "aqi_low", -1))) == Pointers{"/days/0/aqi_low"});
        CHECK(bad(one_day(with(day(1, 128, 110, 145), "aqi_low", "110"))) == Pointers{"/days/0/aqi_low"});
        CHECK(bad(one_day(with(day(1, 128, 110, 145), "aqi_low", 110.5))) == Pointers{"/days/0/aqi_low"});
        CHECK(bad(one_day(without(day(1, 128, 150, 145), "aqi_central"))) == Pointers{"/days/0/aqi_high"});
        CHECK(bad(one_day(day(1, 160, 110, 145))) == Pointers{"/days/0/aqi_central"});
        CHECK(bad(one_day(day(1, 100, 110, 145))) == Pointers{"/days/0/aqi_central"});
        CHECK(bad(one_day(without(day(1, 128, 110, 145), "primary_pollutant"))) == Pointers{"/days/0/primary_pollutant"});
        CHECK(bad(one_day(with(day(1, 128, 110, 145), "aqi_mean", 128))) == Pointers{"/days/0/aqi_mean"});
        CHECK(bad(one_day(json::object())) ==
              Pointers{"/days/0/date", "/days/0/aqi_low", "/days/0/aqi_high", "/days/0/primary_pollutant"});
        CHECK(bad(with(c1, "days", {day(1, 128, 110, 145), day(3, 178, 160, 195)})) == Pointers{"/days/1/date"});
        CHECK(bad(with(c1, "days", {day(2, 128, 110, 145), day(1, 178, 160, 195)})) == Pointers{"/days/1/date"});
    }
    SECTION("several faults are reported together, in body order") {
        json f = c1;
        f["issued_at"] = "2026-13-01T00:00:00+08:00";
        f["days"][2]["aqi_high"] = 600;
        f["days"][4]["aqi_central"] = 10;
        CHECK(bad(f) == Pointers{"/issued_at", "/days/2/aqi_high", "/days/4/aqi_central"});
        auto const r = api.post("/v1/forecasts", f, api.duty);
        CHECK(r.body.at("detail").get<std::string>().rfind("3 field(s) are invalid", 0) == 0);
    }
    SECTION("category and note are accepted") {
        json f = c1;
        f["note"] = "省市联合会商";
        f["days"][0]["category"] = "轻度污染";
        f["days"][0]["note"] = "区间";
        CHECK(api.post("/v1/forecasts", f, api.duty).status == 201);
    }
}

TEST_CASE("one faulty forecast day does not fault the days after it", "[api][validation]") {
    // Only the day at fault is reported: D3 follows D2 even though D2 was not the day after D1.
    Api api;
    auto const c1 = forecast_c1();
    CHECK(invalid(api, "/v1/forecasts", with(c1, "days", {day(1, 128, 110, 145), day(3, 178, 160, 195), day(4, 146, 130, 165)}),
                  api.duty) == Pointers{"/days/1/date"});
    CHECK(invalid(api, "/v1/forecasts",
                  with(c1, "days", {with(day(1, 128, 110, 145), "date", "2026-02-30"), day(2, 162, 145, 180)}),
                  api.duty) == Pointers{"/days/0/date"});
}

TEST_CASE("POST /v1/proposals validation", "[api][validation]") {
    Api api;
    auto const f = api.submit_forecast(forecast_c1());
    auto const bad = [&](json const& body) { return invalid(api, "/v1/proposals", body, api.duty); };
    auto const issue = issue_yellow(f);
    json const lift{{"action", "lift"}, {"start_at", at(6, "00:00")}, {"consultation_note", "预计AQI≤150持续36小时以上"}};
    json const extend{{"action", "extend"}, {"end_at", at(5, "00:00")}, {"consultation_note", "延长至12月18日"}};

    CHECK(bad(json::object()) == Pointers{"/action", "/start_at", "/consultation_note"});
    CHECK(bad(json::array({issue})) == Pointers{""});
    CHECK(bad(with(issue, "action", "cancel")) == Pointers{"/action"});
    CHECK(bad(with(issue, "action", 1)) == Pointers{"/action"});
    CHECK(bad(without(issue, "level")) == Pointers{"/level"});
    CHECK(bad(with(issue, "level", "purple")) == Pointers{"/level"});
    CHECK(bad(with(issue, "level", 2)) == Pointers{"/level"});
    CHECK(bad(with(issue, "start_at", "2026-02-30T00:00:00+08:00")) == Pointers{"/start_at"});
    CHECK(bad(with(issue, "start_at", 1765728000)) == Pointers{"/start_at"});
    CHECK(bad(with(issue, "end_at", at(1, "23:00"))) == Pointers{"/end_at"});
    CHECK(bad(with(issue, "end_at", at(2, "00:00"))) == Pointers{"/end_at"});
    CHECK(bad(with(issue, "consultation_note", "")) == Pointers{"/consultation_note"});
    CHECK(bad(without(issue, "consultation_note")) == Pointers{"/consultation_note"});
    CHECK(bad(with(issue, "consulted_at", "D1 10:00")) == Pointers{"/consulted_at"});
    CHECK(bad(with(issue, "forecast_id", "1")) == Pointers{"/forecast_id"});
    CHECK(bad(with(issue, "forecast_id", 0)) == Pointers{"/forecast_id"});
    CHECK(bad(with(issue, "forecast_id", 999)) == Pointers{"/forecast_id"});
    CHECK(bad(with(issue, "directive_id", 999)) == Pointers{"/directive_id"});
    CHECK(bad(with(issue, "rule_set", "national-2030")) == Pointers{"/rule_set"});
    CHECK(bad(with(issue, "strat_at", at(2, "00:00"))) == Pointers{"/strat_at"});
    CHECK(bad(with(lift, "level", "yellow")) == Pointers{"/level"});
    CHECK(bad(with(lift, "end_at", at(7, "00:00"))) == Pointers{"/end_at"});
    CHECK(bad(without(extend, "end_at")) == Pointers{"/end_at"});
    CHECK(bad(with(extend, "start_at", at(2, "00:00"))) == Pointers{"/start_at"});
    CHECK(bad(with(extend, "level", "orange")) == Pointers{"/level"});
    CHECK(bad(with(without(issue, "start_at"), "strat_at", at(2, "00:00"))) == Pointers{"/strat_at", "/start_at"});
    // Nothing was stored by the refused requests.
    CHECK(api.get("/v1/proposals", api.duty).body.at("items").empty());
}

TEST_CASE("approve and reject bodies are validated", "[api][validation]") {
    Api api;
    auto const p = api.propose(issue_yellow(api.submit_forecast(forecast_c1())));
    std::string const base = "/v1/proposals/" + std::to_string(p);
    CHECK(invalid(api, base + "/approve", {{"note", 5}}, api.deputy_mayor) == Pointers{"/note"});
    CHECK(invalid(api, base + "/approve", {{"comment", "同意"}}, api.deputy_mayor) == Pointers{"/comment"});
    CHECK(invalid(api, base + "/approve", json::array(), api.deputy_mayor) == Pointers{""});
    CHECK(invalid(api, base + "/reject", json::object(), api.deputy_mayor) == Pointers{"/reason"});
    CHECK(invalid(api, base + "/reject", {{"reason", ""}}, api.deputy_mayor) == Pointers{"/reason"});
    CHECK(invalid(api, base + "/reject", {{"reason", "数据不足"}, {"note", "x"}}, api.deputy_mayor) == Pointers{"/note"});
    CHECK(api.get(base, api.duty).body.at("status") == "pending");
}

TEST_CASE("POST /v1/directives and /lift validation", "[api][validation]") {
    Api api;
    auto const bad = [&](json const& body) { return invalid(api, "/v1/directives", body, api.duty); };
    json const d{{"issuer", "shanxi"}, {"level", "orange"}, {"start_at", at(3, "00:00")}, {"end_at", at(5, "00:00")},
                 {"reference", "晋气指〔2026〕12号"}};
    CHECK(bad(json::object()) == Pointers{"/issuer", "/level", "/start_at", "/reference"});
    CHECK(bad(with(d, "issuer", "beijing")) == Pointers{"/issuer"});
    CHECK(bad(with(d, "level", "purple")) == Pointers{"/level"});
    CHECK(bad(with(d, "start_at", "2026-02-30T00:00:00+08:00")) == Pointers{"/start_at"});
    CHECK(bad(with(d, "end_at", at(2, "00:00"))) == Pointers{"/end_at"});
    CHECK(bad(with(d, "reference", std::string(201, 'r'))) == Pointers{"/reference"});
    CHECK(bad(with(d, "note", 7)) == Pointers{"/note"});
    CHECK(bad(with(d, "issued_by", "MEE")) == Pointers{"/issued_by"});

    auto const id = api.created(api.post("/v1/directives", d, api.duty));
    std::string const lift = "/v1/directives/" + std::to_string(id) + "/lift";
    CHECK(invalid(api, lift, {{"at", "tomorrow"}}, api.duty) == Pointers{"/at"});
    CHECK(invalid(api, lift, {{"level", "orange"}}, api.duty) == Pointers{"/level"});
    CHECK(invalid(api, lift, {{"note", false}}, api.duty) == Pointers{"/note"});
    CHECK(api.get("/v1/directives/" + std::to_string(id), api.duty).body.at("status") == "pending");
}

}  // namespace
}  // namespace hazeguard::api::test
