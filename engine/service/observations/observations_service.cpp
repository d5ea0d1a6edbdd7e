// An observation batch's path: ObservationsService::record_observations (validation at once) →
// CommandRunner (one transaction) → ports::ObservationRepository, one row and change per value.
#include "engine/service/observations/observations_service.hpp"

#include <set>
#include <utility>
#include <vector>

#include "engine/service/input.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {

constexpr std::size_t kMaxBatch = 10000;
constexpr int kMaxAqi = 500;        // HJ 633-2012: the index tops out at 500
constexpr double kMaxPm25 = 2000;   // µg/m³; above any value ever measured in a Chinese city
std::vector<std::string> const kObservedPollutants = {"PM2.5", "PM10", "O3", "NO2", "SO2", "CO"};

/// One value of a batch, as validated.
struct Observation {
    std::string granularity;   // "hour" or "day"
    Instant at = 0;            // start of the hour, or local midnight
    ports::ObservedValues values;
};

json values_json(ports::ObservedValues const& v) {
    return {{"aqi", v.aqi}, {"pm25", v.pm25 ? json(*v.pm25) : json(nullptr)}, {"primary_pollutant", v.primary}};
}

Observation read_observation(Input& o, json const& item, int offset_minutes) {
    o.reject_unknown({"granularity", "at", "date", "aqi", "pm25", "primary_pollutant"});
    Observation ob;
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

std::vector<Observation> read_batch(Input& in, json const& body, int offset_minutes) {
    std::vector<Observation> batch;
    if (!in.has("observations") || !body.at("observations").is_array() || body.at("observations").empty() ||
        body.at("observations").size() > kMaxBatch) {
        in.error("observations", "must be an array of 1.." + std::to_string(kMaxBatch) + " observations");
        return batch;
    }
    std::set<std::pair<std::string, Instant>> seen;
    for (std::size_t i = 0; i < body.at("observations").size(); ++i) {
        auto const& item = body.at("observations")[i];
        Input o = in.child(item, "observations/" + std::to_string(i));
        auto ob = read_observation(o, item, offset_minutes);
        if (!ob.granularity.empty() && !seen.emplace(ob.granularity, ob.at).second)
            o.error(ob.granularity == "hour" ? "at" : "date", "appears twice in this batch");
        batch.push_back(std::move(ob));
    }
    return batch;
}

}  // namespace

void ObservationsService::record_observations(Command const& c, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({"source", "observations"});
    auto const source = in.text("source", false, 200).value_or(c.principal.name);
    auto batch = read_batch(in, body, views_.offset_minutes);
    in.finish();
    runner_.run(c, [this, source, batch = std::move(batch), who = c.principal](Tx& tx) {
        auto& stored = tx.store.observations();
        int created = 0, replaced = 0, unchanged = 0;
        json changes = json::array();
        for (auto const& ob : batch) {
            int revision = 1;
            if (auto const old = stored.find(ob.granularity, ob.at)) {
                if (old->values == ob.values) {
                    ++unchanged;
                    continue;
                }
                revision = old->revision + 1;
                json previous = values_json(old->values);
                previous["source"] = old->source;
                stored.add_change({ob.granularity, ob.at, old->revision, previous.dump(), tx.real_now, who.name, source});
                ++replaced;
                bool const hourly = ob.granularity == "hour";
                changes.push_back({{"granularity", ob.granularity},
                                   {hourly ? "at" : "date", hourly ? views_.local(ob.at)
                                                                   : engine::format_local_date(ob.at, views_.offset_minutes)},
                                   {"revision", revision},
                                   {"previous", values_json(old->values)},
                                   {"current", values_json(ob.values)}});
            } else {
                ++created;
            }
            stored.put({ob.granularity, ob.at, ob.values, source, revision, tx.real_now, who.name});
        }
        return Reply{200,
                     {{"received", batch.size()}, {"created", created}, {"replaced", replaced},
                      {"unchanged", unchanged}, {"changes", changes}},
                     ""};
    }, std::move(done));
}

json ObservationsService::observations(Instant from, Instant to) {
    json out{{"from", views_.local(from)}, {"to", views_.local(to)}, {"hourly", json::array()},
             {"daily", json::array()}};
    transactions_.read([&](ports::Store& store) {
        for (auto const& r : store.observations().between(from, to)) {
            bool const hourly = r.granularity == "hour";
            json row = values_json(r.values);
            if (hourly) row["at"] = views_.local(r.at);
            else row["date"] = engine::format_local_date(r.at, views_.offset_minutes);
            row["source"] = r.source;
            row["revision"] = r.revision;
            row["recorded_at"] = views_.local(r.recorded_at);
            row["recorded_by"] = r.recorded_by;
            row["history"] = json::array();
            if (r.revision > 1)
                for (auto const& h : store.observations().changes(r.granularity, r.at))
                    row["history"].push_back({{"revision", h.revision},
                                              {"values", json::parse(h.previous)},
                                              {"replaced_at", views_.local(h.changed_at)},
                                              {"replaced_by", h.changed_by},
                                              {"replaced_by_source", h.source}});
            out[hourly ? "hourly" : "daily"].push_back(std::move(row));
        }
    });
    return out;
}

}  // namespace hazeguard::service
