#include "engine/report/detail/sections.hpp"

#include <unordered_set>

#include "engine/report/detail/level_in_force.hpp"

namespace hazeguard::engine::report::detail {
namespace {

json pm25(std::optional<double> value) { return value ? rounded(*value) : json(nullptr); }

json daily_rows(ReportContext const& ctx) {
    json out = json::array();
    for (auto const* d : ctx.daily) {
        auto const level = level_in_force(ctx, d->day_start);
        out.push_back({{"date", d->date},
                       {"aqi", d->aqi},
                       {"category_cn", ctx.category_name(d->aqi)},
                       {"pm25", pm25(d->pm25)},
                       {"primary_pollutant", text_or_null(d->primary_pollutant)},
                       {"level_in_force", level ? json(ctx.plan.level_at(*level).id) : json(nullptr)}});
    }
    return out;
}

json hourly_rows(ReportContext const& ctx) {
    json out = json::array();
    for (auto const* h : ctx.hourly)
        out.push_back({{"at", ctx.time(h->hour_start)},
                       {"aqi", h->aqi},
                       {"pm25", pm25(h->pm25)},
                       {"primary_pollutant", text_or_null(h->primary_pollutant)}});
    return out;
}

// Local dates from the first to the last observed day that have no daily observation.
json missing_dates(ReportContext const& ctx) {
    json out = json::array();
    if (ctx.daily.empty()) return out;
    std::unordered_set<Instant> observed;
    for (auto const* d : ctx.daily) observed.insert(d->day_start);
    for (Instant day = ctx.daily.front()->day_start; day < ctx.daily.back()->day_start; day += kDay)
        if (!observed.contains(day)) out.push_back(ctx.date(day));
    return out;
}

}  // namespace

json observations_section(ReportContext const& ctx) {
    json heavy_dates = json::array();
    DailyObservation const* peak_day = nullptr;
    for (auto const* d : ctx.daily) {
        if (d->aqi > ctx.plan.evaluation.heavy_pollution_aqi) heavy_dates.push_back(d->date);
        if (!peak_day || d->aqi > peak_day->aqi) peak_day = d;
    }
    HourlyObservation const* peak_hour = nullptr;
    for (auto const* h : ctx.hourly)
        if (!peak_hour || h->aqi > peak_hour->aqi) peak_hour = h;
    return {{"daily", daily_rows(ctx)},
            {"hourly", hourly_rows(ctx)},
            {"heavy_pollution_aqi", ctx.plan.evaluation.heavy_pollution_aqi},
            {"heavy_pollution_days", heavy_dates.size()},
            {"heavy_pollution_dates", heavy_dates},
            {"peak_daily", peak_day ? json{{"date", peak_day->date}, {"aqi", peak_day->aqi}} : json(nullptr)},
            {"peak_hourly",
             peak_hour ? json{{"at", ctx.time(peak_hour->hour_start)}, {"aqi", peak_hour->aqi}} : json(nullptr)},
            {"missing_dates", missing_dates(ctx)},
            {"corrections", ctx.input.observation_corrections}};
}

}  // namespace hazeguard::engine::report::detail
