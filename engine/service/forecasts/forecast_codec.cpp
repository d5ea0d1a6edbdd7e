#include "engine/service/forecasts/forecast_codec.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

json forecast_to_json(engine::Forecast const& f) {
    json j{{"issued_at", f.issued_at}, {"issuer", f.issuer},
           {"consulted_at", f.consulted_at ? json(*f.consulted_at) : json(nullptr)}, {"days", json::array()}};
    for (auto const& d : f.days)
        j["days"].push_back({{"date", d.date}, {"aqi_low", d.aqi_low}, {"aqi_high", d.aqi_high},
                             {"aqi_central", d.aqi_central}, {"primary_pollutant", d.primary_pollutant}});
    return j;
}

engine::Forecast forecast_from_json(json const& j, int offset_minutes) {
    engine::Forecast f;
    f.issued_at = j.at("issued_at").get<Instant>();
    f.issuer = j.at("issuer").get<std::string>();
    if (!j.at("consulted_at").is_null()) f.consulted_at = j.at("consulted_at").get<Instant>();
    for (auto const& d : j.at("days")) {
        auto const date = d.at("date").get<std::string>();
        f.days.push_back({date, engine::parse_local_date(date, offset_minutes).value_or(0), d.at("aqi_low").get<int>(),
                          d.at("aqi_high").get<int>(), d.at("aqi_central").get<int>(),
                          d.at("primary_pollutant").get<std::string>()});
    }
    return f;
}

}  // namespace hazeguard::service
