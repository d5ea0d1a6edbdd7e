#include "engine/report/detail/report_context.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>

namespace hazeguard::engine::report::detail {
namespace {

template <class T, class Less>
std::vector<T const*> sorted(std::vector<T> const& items, Less less) {
    std::vector<T const*> out;
    out.reserve(items.size());
    for (auto const& item : items) out.push_back(&item);
    std::stable_sort(out.begin(), out.end(), [&](T const* a, T const* b) { return less(*a, *b); });
    return out;
}

plans::RuleSet const* effective_rules(plans::Plan const& plan, std::string const& episode_rule_set) {
    if (auto const* r = plan.rule_set(episode_rule_set)) return r;
    return plan.rule_set(plan.default_rule_set);
}

}  // namespace

ReportContext::ReportContext(plans::Plan const& p, EvaluationInput const& in)
    : plan(p),
      input(in),
      offset_minutes(parse_utc_offset(p.utc_offset).value_or(0)),
      rules(effective_rules(p, in.rule_set)),
      daily(sorted(in.daily, [](auto const& a, auto const& b) { return a.day_start < b.day_start; })),
      hourly(sorted(in.hourly, [](auto const& a, auto const& b) { return a.hour_start < b.hour_start; })),
      levels(sorted(in.levels, [](auto const& a,
                                  auto const& b) { return std::tie(a.from, a.cause) < std::tie(b.from, b.cause); })),
      batches(sorted(
          in.batches,
          [](auto const& a, auto const& b) { return std::tie(a.issued_at, a.id) < std::tie(b.issued_at, b.id); })),
      orders(sorted(in.orders, [](auto const& a, auto const& b) { return a.order_id < b.order_id; })) {
    batch_positions_.reserve(batches.size());
    for (std::size_t i = 0; i < batches.size(); ++i) batch_positions_.emplace(batches[i]->id, i);
}

std::optional<std::size_t> ReportContext::batch_index(std::int64_t batch_id) const {
    auto it = batch_positions_.find(batch_id);
    if (it == batch_positions_.end()) return std::nullopt;
    return it->second;
}

std::string ReportContext::time(Instant t) const { return format_rfc3339(t, offset_minutes); }

json ReportContext::time_or_null(std::optional<Instant> t) const { return t ? json(time(*t)) : json(nullptr); }

std::string ReportContext::date(Instant t) const { return format_local_date(t, offset_minutes); }

std::string ReportContext::time_cn(Instant t) const {
    // "12月14日15时30分", "12月14日14时": as official documents write times, never "15:30".
    auto const clock = time(t).substr(11, 5);
    int const minute = std::stoi(clock.substr(3, 2));
    return format_local_date_cn(t, offset_minutes) + std::to_string(std::stoi(clock.substr(0, 2))) + "时" +
           (minute ? std::to_string(minute) + "分" : "");
}

Instant ReportContext::local_midnight(Instant t) const { return engine::local_midnight(t, offset_minutes); }

std::string ReportContext::level_name_cn(std::string const& level_id) const {
    auto r = plan.rank(level_id);
    return r ? plan.level_at(*r).name_cn : level_id;
}

std::optional<std::size_t> ReportContext::category_index(int aqi) const {
    auto const& categories = plan.evaluation.aqi_categories;
    if (categories.empty()) return std::nullopt;
    for (std::size_t i = 0; i < categories.size(); ++i)
        if (categories[i].max && *categories[i].max >= aqi) return i;
    return categories.size() - 1;
}

json ReportContext::category_name(int aqi) const {
    auto i = category_index(aqi);
    return i ? json(plan.evaluation.aqi_categories[*i].name_cn) : json(nullptr);
}

double round3(double value) {
    double const r = std::round(value * 1000.0) / 1000.0;
    return r == 0.0 ? 0.0 : r;
}

json rounded(double value) { return round3(value); }

std::string decimal(double value) {
    double const r = round3(value);
    // Below 100,000 the shortest form of a value rounded to thousandths is its fixed form without
    // trailing zeros (never the exponent form), written here from the whole number of
    // thousandths: 4 to 6 of them per CSV row made to_chars a tenth of the CSV's cost.
    if (std::isfinite(r) && std::fabs(r) < 1e5) {
        auto const thousandths = static_cast<std::int64_t>(std::llround(r * 1000.0));
        std::uint64_t const n = thousandths < 0 ? static_cast<std::uint64_t>(-thousandths) : static_cast<std::uint64_t>(thousandths);
        char buffer[24];
        char* end = std::to_chars(buffer + (thousandths < 0), buffer + 16, n / 1000).ptr;
        if (thousandths < 0) buffer[0] = '-';
        if (auto fraction = static_cast<unsigned>(n % 1000)) {
            *end++ = '.';
            for (unsigned unit = 100; fraction; unit /= 10) {
                *end++ = static_cast<char>('0' + fraction / unit);
                fraction %= unit;
            }
        }
        return {buffer, end};
    }
    char buffer[32];
    auto const result = std::to_chars(buffer, buffer + sizeof buffer, r);
    return {buffer, result.ptr};
}

json hours_between(Instant from, Instant to) { return rounded(static_cast<double>(to - from) / kHour); }

json text_or_null(std::string const& text) { return text.empty() ? json(nullptr) : json(text); }

std::string ref(char const* kind, std::int64_t id) { return std::string(kind) + ":" + std::to_string(id); }

}  // namespace hazeguard::engine::report::detail
