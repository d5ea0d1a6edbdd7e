#include "engine/observations/observation_csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include "engine/util/csv_reader.hpp"

namespace hazeguard::engine {

namespace {

using nlohmann::json;

enum class Column { time, date, hour, aqi, pm25, primary };

// Header spellings, compared after dropping spaces and lower-casing ASCII.
std::map<std::string, Column> const& header_names() {
    static std::map<std::string, Column> const names = {
        {"time", Column::time},        {"时间", Column::time},         {"监测时间", Column::time},
        {"datetime", Column::time},    {"date", Column::date},         {"日期", Column::date},
        {"hour", Column::hour},        {"小时", Column::hour},         {"时段", Column::hour},
        {"aqi", Column::aqi},          {"空气质量指数", Column::aqi},  {"pm25", Column::pm25},
        {"pm2.5", Column::pm25},       {"pm2.5(μg/m³)", Column::pm25}, {"pm2.5(ug/m3)", Column::pm25},
        {"primary_pollutant", Column::primary}, {"首要污染物", Column::primary}};
    return names;
}

std::string normalise(std::string_view header) {
    std::string out;
    for (char c : header) {
        if (c == ' ' || c == '\t') continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::string trim(std::string_view s) {
    auto const b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return "";
    return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

bool digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2026-12-16", "2026/12/16" or "20261216" → "2026-12-16".
std::optional<std::string> iso_date(std::string_view s) {
    if (s.size() == 8 && digits(s))
        return std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2));
    if (s.size() == 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4] && digits(s.substr(0, 4)) &&
        digits(s.substr(5, 2)) && digits(s.substr(8, 2)))
        return std::string(s.substr(0, 4)) + "-" + std::string(s.substr(5, 2)) + "-" + std::string(s.substr(8, 2));
    return std::nullopt;
}

std::optional<int> whole(std::string_view s) {
    int v = 0;
    auto const [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

class Reader {
public:
    Reader(std::string const& offset, ObservationCsv& out) : offset_(offset), out_(out) {}

    void read(std::string_view text) {
        if (auto const bad = invalid_utf8_at(text); bad != std::string_view::npos) {
            error(1, "the file is not UTF-8 (byte " + std::to_string(bad) + ")");
            return;
        }
        auto const doc = read_csv(text);
        for (auto const& e : doc.errors) error(doc.records.empty() ? 1 : doc.records[e.record].line, e.message);
        if (doc.records.empty()) {
            error(1, "the file is empty");
            return;
        }
        if (!header(doc.records.front())) return;
        out_.body = {{"observations", json::array()}};
        for (std::size_t i = 1; i < doc.records.size(); ++i) row(doc.records[i]);
    }

private:
    bool header(CsvRecord const& h) {
        for (std::size_t i = 0; i < h.fields.size(); ++i) {
            auto const it = header_names().find(normalise(h.fields[i]));
            if (it == header_names().end()) continue;
            if (!columns_.emplace(it->second, i).second) error(h.line, "column \"" + h.fields[i] + "\" appears twice");
        }
        if (!columns_.count(Column::aqi)) error(h.line, "missing column aqi (AQI)");
        if (!columns_.count(Column::time) && !columns_.count(Column::date))
            error(h.line, "missing column time (时间) or date (日期)");
        return out_.errors.empty();
    }

    std::string cell(CsvRecord const& r, Column c) const {
        auto const it = columns_.find(c);
        return it == columns_.end() || it->second >= r.fields.size() ? "" : trim(r.fields[it->second]);
    }

    void row(CsvRecord const& r) {
        if (std::all_of(r.fields.begin(), r.fields.end(), [](auto const& f) { return trim(f).empty(); })) return;
        json item = json::object();
        if (!when(r, item)) return;
        auto const aqi = cell(r, Column::aqi);
        if (auto const v = whole(aqi)) item["aqi"] = *v;
        else return error(r.line, "aqi must be a whole number, got \"" + aqi + "\"");
        if (auto const pm = cell(r, Column::pm25); !pm.empty()) {
            double v = 0;
            auto const [end, ec] = std::from_chars(pm.data(), pm.data() + pm.size(), v);
            // from_chars also reads "nan" and "inf", which JSON cannot carry (they would become null).
            if (ec != std::errc{} || end != pm.data() + pm.size() || !std::isfinite(v))
                return error(r.line, "pm25 must be a number, got \"" + pm + "\"");
            item["pm25"] = v;
        }
        if (auto const p = cell(r, Column::primary); !p.empty() && p != "—" && p != "-") item["primary_pollutant"] = p;
        out_.body["observations"].push_back(std::move(item));
        out_.lines.push_back(r.line);
    }

    // Fills granularity and at/date from the time, or the date and hour, columns.
    bool when(CsvRecord const& r, json& item) {
        if (auto const t = cell(r, Column::time); !t.empty()) {
            if (t.size() > 19 && (t[10] == 'T' || t[10] == ' ') && (t.back() == 'Z' || t[t.size() - 6] == '+' ||
                                                                     t[t.size() - 6] == '-')) {
                item["granularity"] = "hour";
                item["at"] = t.substr(0, 10) + "T" + t.substr(11);
                return true;
            }
            if (auto const day = iso_date(t)) {   // a date alone, in any form the date column takes
                item["granularity"] = "day";
                item["date"] = *day;
                return true;
            }
            // "YYYY-MM-DD HH:MM[:SS]" or "YYYY-MM-DD H:MM", local time. (A cell shorter than that,
            // e.g. "20261216", must not be read at t[10].)
            auto const date = t.size() > 11 ? iso_date(std::string_view(t).substr(0, 10)) : std::nullopt;
            auto const clock = t.size() > 11 ? t.substr(11) : "";
            auto const colon = clock.find(':');
            auto const hour = colon == std::string::npos ? std::nullopt : whole(clock.substr(0, colon));
            if (!date || t[10] != ' ' || !hour || *hour < 0 || *hour > 23) {
                error(r.line, "time must be \"YYYY-MM-DD HH:MM\", \"YYYY-MM-DD\" or RFC 3339, got \"" + t + "\"");
                return false;
            }
            auto const rest = clock.substr(colon + 1);
            if (rest != "00" && rest != "00:00") {
                error(r.line, "an hourly value must start on the hour, got \"" + t + "\"");
                return false;
            }
            item["granularity"] = "hour";
            item["at"] = *date + "T" + two(*hour) + ":00:00" + offset_;
            return true;
        }
        auto const d = cell(r, Column::date);
        auto const date = iso_date(d);
        if (!date) {
            error(r.line, "date must be \"YYYY-MM-DD\" or \"YYYYMMDD\", got \"" + d + "\"");
            return false;
        }
        auto const h = cell(r, Column::hour);
        if (h.empty()) {
            item["granularity"] = "day";
            item["date"] = *date;
            return true;
        }
        auto const hour = whole(h);
        if (!hour || *hour < 0 || *hour > 23) {
            error(r.line, "hour must be 0..23, got \"" + h + "\"");
            return false;
        }
        item["granularity"] = "hour";
        item["at"] = *date + "T" + two(*hour) + ":00:00" + offset_;
        return true;
    }

    void error(int line, std::string const& message) {
        out_.errors.push_back("line " + std::to_string(line) + ": " + message);
    }

    std::string offset_;
    ObservationCsv& out_;
    std::map<Column, std::size_t> columns_;
};

}  // namespace

ObservationCsv parse_observation_csv(std::string_view text, std::string const& offset) {
    ObservationCsv out;
    Reader(offset, out).read(text);
    if (!out.errors.empty()) out.body = json();
    return out;
}

}  // namespace hazeguard::engine
