#include "api/resources/warnings/warning_requests.hpp"

#include <set>
#include <utility>

#include "api/app/input.hpp"

namespace hazeguard::api {
using nlohmann::json;
using engine::Instant;

namespace {
constexpr int kMaxForecastDays = 15;
constexpr std::size_t kMaxObservations = 10000;
constexpr int kMaxAqi = 500;        // HJ 633-2012: the index tops out at 500
constexpr double kMaxPm25 = 2000;   // µg/m³; above any value ever measured in a Chinese city
std::vector<std::string> const kObservedPollutants = {"PM2.5", "PM10", "O3", "NO2", "SO2", "CO"};

void read_forecast_day(Input& d, engine::Forecast& f, std::size_t i, int offset_minutes) {
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
    if (days.empty() || days.size() > kMaxForecastDays)
        in.error("days", "must hold 1 to " + std::to_string(kMaxForecastDays) + " days");
    for (std::size_t i = 0; i < days.size() && i < kMaxForecastDays; ++i) {
        Input d = in.child(days[i], "days/" + std::to_string(i));
        if (days[i].is_object()) read_forecast_day(d, f, i, offset_minutes);
    }
    return f;
}

service::Observation read_observation(Input& o, json const& item, int offset_minutes) {
    o.reject_unknown({"granularity", "at", "date", "aqi", "pm25", "primary_pollutant"});
    service::Observation ob;
    ob.granularity = o.one_of("granularity", true, {"hour", "day"}).value_or("");
    if (ob.granularity == "hour") {
        auto const at = o.instant("at", true);
        if (at && (*at + offset_minutes * 60) % engine::kHour != 0) o.error("at", "an hourly value must start on the hour");
        if (o.has("date")) o.error("date", "an hourly value has \"at\", not \"date\"");
        ob.at = at.value_or(0);
    } else if (ob.granularity == "day") {
        auto const date = o.text("date", true, 10);
        auto const start = date ? engine::parse_local_date(*date, offset_minutes) : std::nullopt;
        if (date && !start) o.error("date", "must be a local date YYYY-MM-DD");
        if (o.has("at")) o.error("at", "a daily value has \"date\", not \"at\"");
        ob.at = start.value_or(0);
    }
    ob.values.aqi = o.integer("aqi", true, 0, kMaxAqi).value_or(0);
    if (o.has("pm25") && !o.is_null("pm25")) {
        auto const& v = item.at("pm25");
        if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > kMaxPm25)
            o.error("pm25", "must be a number 0.." + std::to_string(static_cast<int>(kMaxPm25)) + " (µg/m³)");
        else
            ob.values.pm25 = v.get<double>();
    }
    if (o.has("primary_pollutant")) ob.values.primary = o.one_of("primary_pollutant", false, kObservedPollutants).value_or("");
    return ob;
}
}  // namespace

service::ForecastSubmission read_forecast_submission(json const& body, plans::Plan const& plan, int offset_minutes) {
    Input in(body);
    service::ForecastSubmission out;
    out.forecast = read_forecast(in, offset_minutes);
    out.rule_set = in.text("rule_set", false);
    if (out.rule_set && !plan.rule_set(*out.rule_set)) in.error("rule_set", "is not a rule set of the plan");
    in.finish();
    return out;
}

service::ProposalRequest read_proposal_request(json const& body, plans::Plan const& plan) {
    Input in(body);
    in.reject_unknown({"action", "level", "start_at", "end_at", "consultation_note", "consulted_at", "forecast_id",
                       "directive_id", "rule_set", "justification"});
    service::ProposalRequest r;
    r.action = in.one_of("action", true, {"issue", "upgrade", "downgrade", "extend", "lift"}).value_or("");
    bool const has_level = r.action == "issue" || r.action == "upgrade" || r.action == "downgrade";
    if (has_level) {
        r.level = in.text("level", true, 32);
        if (r.level && !plan.rank(*r.level)) in.error("level", "is not a level of the plan");
    } else if (in.has("level") && !r.action.empty()) {  // with an unknown action, only the action is at fault
        in.error("level", "must not be given for " + r.action);
    }
    if (r.action == "extend") {
        if (in.has("start_at")) in.error("start_at", "must not be given for extend (the new end is end_at)");
        if (!in.has("end_at")) in.error("end_at", "is required for extend: the new end, or null for open-ended");
    } else {
        r.start = in.instant("start_at", true);
    }
    r.end = in.instant("end_at", false);
    r.null_end = in.is_null("end_at");
    if (r.action == "lift" && in.has("end_at")) in.error("end_at", "must not be given for lift");
    if (r.start && r.end && *r.end <= *r.start) in.error("end_at", "must be after start_at");
    r.note = in.text("consultation_note", true).value_or("");
    r.consulted = in.instant("consulted_at", false);
    r.forecast_id = in.id("forecast_id", false);
    r.directive_id = in.id("directive_id", false);
    r.rule_set = in.text("rule_set", false);
    if (r.rule_set && !plan.rule_set(*r.rule_set)) in.error("rule_set", "is not a rule set of the plan");
    r.justification = in.text("justification", false, 2000);
    in.finish();
    return r;
}

service::ApprovalRequest read_approval(json const& body) {
    Input in(body);
    in.reject_unknown({"note"});
    auto note = in.text("note", false).value_or("");
    in.finish();
    return {std::move(note)};
}

service::RejectionRequest read_rejection(json const& body) {
    Input in(body);
    in.reject_unknown({"reason"});
    auto reason = in.text("reason", true);
    in.finish();
    return {std::move(*reason)};
}

service::DirectiveRequest read_directive_request(json const& body, plans::Plan const& plan) {
    Input in(body);
    in.reject_unknown({"issuer", "level", "start_at", "end_at", "reference", "note"});
    auto issuer = in.one_of("issuer", true, {"MEE", "shanxi", "fenwei_office"});
    auto level = in.text("level", true, 32);
    if (level && !plan.rank(*level)) in.error("level", "is not a level of the plan");
    auto const start = in.instant("start_at", true);
    auto const end = in.instant("end_at", false);
    if (start && end && *end <= *start) in.error("end_at", "must be after start_at");
    auto reference = in.text("reference", true, 200);
    auto note = in.text("note", false).value_or("");
    in.finish();
    return {std::move(*issuer), std::move(*level), *start, end, std::move(*reference), std::move(note)};
}

service::DirectiveLift read_directive_lift(json const& body) {
    Input in(body);
    in.reject_unknown({"at", "note"});
    auto const at = in.instant("at", false);
    auto note = in.text("note", false).value_or("");
    in.finish();
    return {at, std::move(note)};
}

service::ObservationBatch read_observation_batch(json const& body, int offset_minutes) {
    Input in(body);
    in.reject_unknown({"source", "observations"});
    service::ObservationBatch batch;
    batch.source = in.text("source", false, 200);
    if (!in.has("observations") || !body.at("observations").is_array() || body.at("observations").empty() ||
        body.at("observations").size() > kMaxObservations) {
        in.error("observations", "must be an array of 1.." + std::to_string(kMaxObservations) + " observations");
        in.finish();
        return batch;
    }
    std::set<std::pair<std::string, Instant>> seen;
    auto const& items = body.at("observations");
    for (std::size_t i = 0; i < items.size(); ++i) {
        Input o = in.child(items[i], "observations/" + std::to_string(i));
        auto ob = read_observation(o, items[i], offset_minutes);
        if (!ob.granularity.empty() && !seen.emplace(ob.granularity, ob.at).second)
            o.error(ob.granularity == "hour" ? "at" : "date", "appears twice in this batch");
        batch.observations.push_back(std::move(ob));
    }
    in.finish();
    return batch;
}

}  // namespace hazeguard::api
