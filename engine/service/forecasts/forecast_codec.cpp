#include "engine/service/forecasts/forecast_codec.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
constexpr int kMaxDays = 15;

void read_day(Input& d, engine::Forecast& f, std::size_t i, int offset_minutes) {
    d.reject_unknown({"date", "aqi_low", "aqi_high", "aqi_central", "primary_pollutant", "category", "note"});
    engine::ForecastDay day;
    auto date = d.text("date", true, 10);
    if (date) {
        auto start = engine::parse_local_date(*date, offset_minutes);
        if (!start) {
            d.error("date", "must be a valid calendar date YYYY-MM-DD");
        } else {
            // Compare with the previous day only when that one had a valid date: one fault, one report.
            auto const& prev = f.days.empty() ? engine::ForecastDay{} : f.days.back();
            if (i > 0 && !prev.date.empty() && *start != prev.day_start + engine::kDay)
                d.error("date", "days must be consecutive (expected the day after " + prev.date + ")");
            day = {*date, *start, 0, 0, 0, {}};
        }
    }
    auto low = d.integer("aqi_low", true, 0, 500);
    auto high = d.integer("aqi_high", true, 0, 500);
    auto central = d.integer("aqi_central", false, 0, 500);
    if (low && high && *low > *high) d.error("aqi_high", "must not be below aqi_low");
    if (low && high && central && (*central < *low || *central > *high))
        d.error("aqi_central", "must lie between aqi_low and aqi_high");
    day.primary_pollutant = d.text("primary_pollutant", true, 32).value_or("");
    if (low && high) {
        day.aqi_low = *low;
        day.aqi_high = *high;
        day.aqi_central = central.value_or((*low + *high + 1) / 2);
    }
    f.days.push_back(day);
}
}  // namespace

engine::Forecast read_forecast(Input& in, int offset_minutes) {
    in.reject_unknown({"issued_at", "issuer", "consulted_at", "days", "rule_set", "note"});
    engine::Forecast f;
    f.issued_at = in.instant("issued_at", true).value_or(0);
    f.issuer = in.text("issuer", true, 64).value_or("");
    f.consulted_at = in.instant("consulted_at", false);
    if (!in.has("days") || !in.body().at("days").is_array()) {
        in.error("days", "is required: an array of forecast days");
        return f;
    }
    auto const& days = in.body().at("days");
    if (days.empty() || days.size() > kMaxDays)
        in.error("days", "must hold 1 to " + std::to_string(kMaxDays) + " days");
    for (std::size_t i = 0; i < days.size() && i < kMaxDays; ++i) {
        Input d = in.child(days[i], "days/" + std::to_string(i));
        if (days[i].is_object()) read_day(d, f, i, offset_minutes);
    }
    return f;
}

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

json forecast_to_view(engine::Forecast const& f, int offset_minutes) {
    json j = forecast_to_json(f);
    j["issued_at"] = engine::format_rfc3339(f.issued_at, offset_minutes);
    j["consulted_at"] = engine::format_rfc3339(f.consulted_at.value_or(f.issued_at), offset_minutes);
    return j;
}

}  // namespace hazeguard::service
