#include "engine/report/detail/sections.hpp"

#include <cstdlib>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

namespace hazeguard::engine::report::detail {
namespace {

struct Used {
    ForecastRecord const* record = nullptr;
    ForecastDay const* day = nullptr;
};

bool later(ForecastRecord const& a, ForecastRecord const& b) {
    return std::tie(a.forecast.issued_at, a.id) > std::tie(b.forecast.issued_at, b.id);
}

// Per date: the latest forecast (issued_at, then id) that covers the date and was issued before
// that day ended.
std::unordered_map<std::string, Used> forecasts_used(ReportContext const& ctx) {
    std::unordered_map<std::string, Used> used;
    for (auto const& record : ctx.input.forecasts)
        for (auto const& day : record.forecast.days) {
            if (record.forecast.issued_at >= day.day_start + kDay) continue;
            auto& u = used[day.date];
            if (!u.record || later(record, *u.record)) u = {&record, &day};
        }
    return used;
}

struct Score {
    std::int64_t count = 0, hits = 0, within_one = 0, error_sum = 0, abs_error_sum = 0;

    void add(int error, bool hit, bool near) {
        ++count;
        hits += hit;
        within_one += near;
        error_sum += error;
        abs_error_sum += std::abs(error);
    }
    json rate(std::int64_t n) const {
        return count ? rounded(static_cast<double>(n) / static_cast<double>(count)) : json(nullptr);
    }
    void write(json& out) const {
        out["hits"] = hits;
        out["hit_rate"] = rate(hits);
        out["within_one"] = within_one;
        out["within_one_rate"] = rate(within_one);
        out["bias"] = rate(error_sum);
        out["mae"] = rate(abs_error_sum);
    }
};

}  // namespace

json forecast_section(ReportContext const& ctx) {
    auto const used = forecasts_used(ctx);
    bool const upper = ctx.plan.forecast_value == "high";
    json days = json::array();
    Score overall;
    std::map<std::int64_t, Score> by_lead;
    for (auto const* d : ctx.daily) {
        json row = {
            {"date", d->date},      {"observed", d->aqi},      {"category_observed_cn", ctx.category_name(d->aqi)},
            {"forecast", nullptr},  {"forecast_ref", nullptr}, {"issued_at", nullptr},
            {"lead_days", nullptr}, {"error", nullptr},        {"category_forecast_cn", nullptr},
            {"hit", nullptr},       {"within_one", nullptr}};
        auto it = used.find(d->date);
        if (it != used.end()) {
            auto const& [record, day] = it->second;
            int const value = upper ? day->aqi_high : day->aqi_central;
            int const error = value - d->aqi;
            auto const lead = (day->day_start - ctx.local_midnight(record->forecast.issued_at)) / kDay;
            row["forecast"] = value;
            row["forecast_ref"] = ref("forecast", record->id);
            row["issued_at"] = ctx.time(record->forecast.issued_at);
            row["lead_days"] = lead;
            row["error"] = error;
            row["category_forecast_cn"] = ctx.category_name(value);
            auto const observed_category = ctx.category_index(d->aqi);
            auto const forecast_category = ctx.category_index(value);
            std::optional<long> apart;
            if (observed_category && forecast_category)
                apart = std::abs(static_cast<long>(*observed_category) - static_cast<long>(*forecast_category));
            bool const hit = apart && *apart == 0, near = apart && *apart <= 1;
            row["hit"] = apart ? json(hit) : json(nullptr);
            row["within_one"] = apart ? json(near) : json(nullptr);
            overall.add(error, hit, near);
            by_lead[lead].add(error, hit, near);
        }
        days.push_back(std::move(row));
    }
    json leads = json::array();
    for (auto const& [lead, score] : by_lead) {
        json row = {{"lead_days", lead}, {"count", score.count}};
        score.write(row);
        leads.push_back(std::move(row));
    }
    json out = {{"forecast_value", ctx.plan.forecast_value},
                {"days", std::move(days)},
                {"by_lead", std::move(leads)},
                {"days_scored", overall.count}};
    overall.write(out);
    return out;
}

}  // namespace hazeguard::engine::report::detail
