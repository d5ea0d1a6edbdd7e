#include "engine/time/timestamp.hpp"

#include <cstdio>

namespace hazeguard::engine {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
    auto const yoe = static_cast<unsigned>(y - era * 400);
    unsigned const doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t y;
    unsigned m, d;
};

Civil civil_from_days(std::int64_t z) {
    z += 719468;
    std::int64_t const era = (z >= 0 ? z : z - 146096) / 146097;
    auto const doe = static_cast<unsigned>(z - era * 146097);
    unsigned const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned const mp = (5 * doy + 2) / 153;
    unsigned const d = doy - (153 * mp + 2) / 5 + 1;
    unsigned const m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

bool leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at `pos`.
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

std::optional<std::int64_t> parse_date_days(std::string_view s) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
    if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1) return std::nullopt;
    if (static_cast<unsigned>(*d) > days_in_month(*y, static_cast<unsigned>(*m))) return std::nullopt;
    return days_from_civil(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

}  // namespace

std::optional<int> parse_utc_offset(std::string_view s) {
    if (s == "Z" || s == "z") return 0;
    if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return std::nullopt;
    auto h = digits(s, 1, 2), m = digits(s, 4, 2);
    if (!h || !m || *h > 14 || *m > 59) return std::nullopt;
    int const minutes = *h * 60 + *m;
    return s[0] == '-' ? -minutes : minutes;
}

std::optional<Instant> parse_rfc3339(std::string_view s) {
    auto days = parse_date_days(s);
    if (!days || s.size() < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':')
        return std::nullopt;
    auto hh = digits(s, 11, 2), mm = digits(s, 14, 2);
    if (!hh || !mm || *hh > 23 || *mm > 59) return std::nullopt;
    std::size_t pos = 16;
    int ss = 0;
    if (pos < s.size() && s[pos] == ':') {
        auto sec = digits(s, pos + 1, 2);
        if (!sec || *sec > 59) return std::nullopt;
        ss = *sec;
        pos += 3;
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            std::size_t const start = pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
            if (pos == start) return std::nullopt;
        }
    }
    auto offset = parse_utc_offset(s.substr(pos));
    if (!offset) return std::nullopt;
    return *days * kDay + *hh * kHour + *mm * 60 + ss - static_cast<Instant>(*offset) * 60;
}

std::string format_rfc3339(Instant t, int offset_minutes) {
    Instant const local = t + static_cast<Instant>(offset_minutes) * 60;
    std::int64_t days = local / kDay;
    std::int64_t secs = local % kDay;
    if (secs < 0) {
        secs += kDay;
        --days;
    }
    Civil const c = civil_from_days(days);
    int const off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", static_cast<long long>(c.y), c.m,
                  c.d, static_cast<int>(secs / 3600), static_cast<int>(secs % 3600 / 60), static_cast<int>(secs % 60),
                  offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
    return buf;
}

std::optional<Instant> parse_local_date(std::string_view s, int offset_minutes) {
    if (s.size() != 10) return std::nullopt;
    auto days = parse_date_days(s);
    if (!days) return std::nullopt;
    return *days * kDay - static_cast<Instant>(offset_minutes) * 60;
}

std::string format_local_date(Instant t, int offset_minutes) {
    return format_rfc3339(t, offset_minutes).substr(0, 10);
}

std::string format_local_date_cn(Instant t, int offset_minutes) {
    std::string const d = format_local_date(t, offset_minutes);
    return std::to_string(std::stoi(d.substr(5, 2))) + "月" + std::to_string(std::stoi(d.substr(8, 2))) + "日";
}

std::string format_local_time_cn(Instant t, int offset_minutes) {
    std::string const d = format_rfc3339(t, offset_minutes);  // YYYY-MM-DDThh:mm:ss±hh:mm
    int const minute = std::stoi(d.substr(14, 2));
    return d.substr(0, 4) + "年" + std::to_string(std::stoi(d.substr(5, 2))) + "月" + std::to_string(std::stoi(d.substr(8, 2))) +
           "日" + std::to_string(std::stoi(d.substr(11, 2))) + "时" + (minute ? std::to_string(minute) + "分" : "");
}

Instant local_midnight(Instant t, int offset_minutes) {
    Instant const shift = static_cast<Instant>(offset_minutes) * 60;
    Instant const local = t + shift;
    Instant const days = local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
    return days * kDay - shift;
}

}  // namespace hazeguard::engine
