// POST /v1/observations and GET /v1/observations: observed air quality (city hourly and daily
// AQI, PM2.5, primary pollutant) for the post-event evaluation. A value recorded again with other
// numbers replaces the stored one; the replaced values are kept in observation_changes.
#include <SQLiteCpp/SQLiteCpp.h>

#include <set>
#include <utility>

#include "engine/service/input.hpp"
#include "engine/service/service.hpp"
#include "engine/service/service_tx.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {

constexpr std::size_t kMaxBatch = 10000;
constexpr int kMaxAqi = 500;        // HJ 633-2012: the index tops out at 500
constexpr double kMaxPm25 = 2000;   // µg/m³; above any value ever measured in a Chinese city
std::vector<std::string> const kPollutants = {"PM2.5", "PM10", "O3", "NO2", "SO2", "CO"};

struct Observation {
    std::string granularity;   // "hour" or "day"
    Instant at = 0;            // start of the hour, or local midnight
    int aqi = 0;
    std::optional<double> pm25;
    std::string primary;
};

json values(int aqi, std::optional<double> pm25, std::string const& primary) {
    return {{"aqi", aqi}, {"pm25", pm25 ? json(*pm25) : json(nullptr)}, {"primary_pollutant", primary}};
}

}  // namespace

void Service::record_observations(Command const& c, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({"source", "observations"});
    auto const source = in.text("source", false, 200).value_or(c.principal.name);
    std::vector<Observation> batch;
    if (!in.has("observations") || !body.at("observations").is_array() || body.at("observations").empty() ||
        body.at("observations").size() > kMaxBatch) {
        in.error("observations", "must be an array of 1.." + std::to_string(kMaxBatch) + " observations");
    } else {
        std::set<std::pair<std::string, Instant>> seen;
        for (std::size_t i = 0; i < body.at("observations").size(); ++i) {
            Input o = in.child(body.at("observations")[i], "observations/" + std::to_string(i));
            o.reject_unknown({"granularity", "at", "date", "aqi", "pm25", "primary_pollutant"});
            Observation ob;
            ob.granularity = o.one_of("granularity", true, {"hour", "day"}).value_or("");
            if (ob.granularity == "hour") {
                auto const at = o.instant("at", true);
                if (at && (*at + offset_minutes_ * 60) % engine::kHour != 0)
                    o.error("at", "an hourly value must start on the hour");
                if (o.has("date")) o.error("date", "an hourly value has \"at\", not \"date\"");
                ob.at = at.value_or(0);
            } else if (ob.granularity == "day") {
                auto const date = o.text("date", true, 10);
                auto const start = date ? engine::parse_local_date(*date, offset_minutes_) : std::nullopt;
                if (date && !start) o.error("date", "must be a local date YYYY-MM-DD");
                if (o.has("at")) o.error("at", "a daily value has \"date\", not \"at\"");
                ob.at = start.value_or(0);
            }
            ob.aqi = o.integer("aqi", true, 0, kMaxAqi).value_or(0);
            if (o.has("pm25") && !o.is_null("pm25")) {
                auto const& v = body.at("observations")[i].at("pm25");
                if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > kMaxPm25)
                    o.error("pm25", "must be a number 0.." + std::to_string(static_cast<int>(kMaxPm25)) + " (µg/m³)");
                else
                    ob.pm25 = v.get<double>();
            }
            if (o.has("primary_pollutant"))
                ob.primary = o.one_of("primary_pollutant", false, kPollutants).value_or("");
            if (!ob.granularity.empty() && !seen.emplace(ob.granularity, ob.at).second)
                o.error(ob.granularity == "hour" ? "at" : "date", "appears twice in this batch");
            batch.push_back(std::move(ob));
        }
    }
    in.finish();
    run_async(c, [this, source, batch = std::move(batch), who = c.principal](Tx& tx) {
        int created = 0, replaced = 0, unchanged = 0;
        json changes = json::array();
        SQLite::Statement find(tx.db, "SELECT aqi, pm25, primary_pollutant, revision, source FROM observations "
                                      "WHERE granularity = ? AND at = ?");
        SQLite::Statement put(tx.db, "INSERT OR REPLACE INTO observations(granularity, at, aqi, pm25, "
                                     "primary_pollutant, source, revision, recorded_at, recorded_by) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        SQLite::Statement keep(tx.db, "INSERT INTO observation_changes(granularity, at, revision, previous, "
                                      "changed_at, changed_by, source) VALUES (?, ?, ?, ?, ?, ?, ?)");
        for (auto const& ob : batch) {
            find.reset();
            find.bind(1, ob.granularity);
            find.bind(2, ob.at);
            int revision = 1;
            if (find.executeStep()) {
                std::optional<double> const old_pm =
                    find.getColumn(1).isNull() ? std::nullopt : std::optional<double>(find.getColumn(1).getDouble());
                json const previous = values(find.getColumn(0).getInt(), old_pm, find.getColumn(2).getString());
                if (previous == values(ob.aqi, ob.pm25, ob.primary)) {
                    ++unchanged;
                    continue;
                }
                revision = find.getColumn(3).getInt() + 1;
                keep.reset();
                keep.bind(1, ob.granularity);
                keep.bind(2, ob.at);
                keep.bind(3, revision - 1);
                json stored = previous;
                stored["source"] = find.getColumn(4).getString();
                keep.bind(4, stored.dump());
                keep.bind(5, tx.real_now);
                keep.bind(6, who.name);
                keep.bind(7, source);
                keep.exec();
                ++replaced;
                changes.push_back({{"granularity", ob.granularity},
                                   {ob.granularity == "hour" ? "at" : "date",
                                    ob.granularity == "hour" ? local(ob.at)
                                                             : engine::format_local_date(ob.at, offset_minutes_)},
                                   {"revision", revision},
                                   {"previous", previous},
                                   {"current", values(ob.aqi, ob.pm25, ob.primary)}});
            } else {
                ++created;
            }
            put.reset();
            put.bind(1, ob.granularity);
            put.bind(2, ob.at);
            put.bind(3, ob.aqi);
            if (ob.pm25) put.bind(4, *ob.pm25);
            else put.bind(4);
            put.bind(5, ob.primary);
            put.bind(6, source);
            put.bind(7, revision);
            put.bind(8, tx.real_now);
            put.bind(9, who.name);
            put.exec();
        }
        return Reply{200,
                     {{"received", batch.size()}, {"created", created}, {"replaced", replaced},
                      {"unchanged", unchanged}, {"changes", changes}},
                     ""};
    }, std::move(done));
}

json Service::observations(Instant from, Instant to) {
    auto lock = read_lock();
    json out{{"from", local(from)}, {"to", local(to)}, {"hourly", json::array()}, {"daily", json::array()}};
    SQLite::Statement q(conn(), "SELECT granularity, at, aqi, pm25, primary_pollutant, source, revision, recorded_at, "
                                "recorded_by FROM observations WHERE at >= ? AND at < ? ORDER BY granularity, at");
    q.bind(1, from);
    q.bind(2, to);
    SQLite::Statement h(conn(), "SELECT revision, previous, changed_at, changed_by, source FROM observation_changes "
                                "WHERE granularity = ? AND at = ? ORDER BY revision");
    while (q.executeStep()) {
        auto const granularity = q.getColumn(0).getString();
        Instant const at = q.getColumn(1).getInt64();
        json row = values(q.getColumn(2).getInt(),
                          q.getColumn(3).isNull() ? std::nullopt : std::optional<double>(q.getColumn(3).getDouble()),
                          q.getColumn(4).getString());
        if (granularity == "hour") row["at"] = local(at);
        else row["date"] = engine::format_local_date(at, offset_minutes_);
        row["source"] = q.getColumn(5).getString();
        row["revision"] = q.getColumn(6).getInt();
        row["recorded_at"] = local(q.getColumn(7).getInt64());
        row["recorded_by"] = q.getColumn(8).getString();
        row["history"] = json::array();
        if (row["revision"].get<int>() > 1) {
            h.reset();
            h.bind(1, granularity);
            h.bind(2, at);
            while (h.executeStep()) {
                json const previous = json::parse(h.getColumn(1).getString());
                row["history"].push_back({{"revision", h.getColumn(0).getInt()},
                                          {"values", previous},
                                          {"replaced_at", local(h.getColumn(2).getInt64())},
                                          {"replaced_by", h.getColumn(3).getString()},
                                          {"replaced_by_source", h.getColumn(4).getString()}});
            }
        }
        out[granularity == "hour" ? "hourly" : "daily"].push_back(std::move(row));
    }
    return out;
}

}  // namespace hazeguard::service
