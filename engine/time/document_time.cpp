#include "engine/time/document_time.hpp"

namespace hazeguard::engine {

namespace {
struct LocalTime {
    int year, month, day, hour, minute;
};

LocalTime local_time(Instant t, int offset_minutes) {
    std::string const d = format_rfc3339(t, offset_minutes);  // YYYY-MM-DDThh:mm:ss±hh:mm
    return {std::stoi(d.substr(0, 4)), std::stoi(d.substr(5, 2)), std::stoi(d.substr(8, 2)), std::stoi(d.substr(11, 2)),
            std::stoi(d.substr(14, 2))};
}
}  // namespace

std::string document_date_cn(Instant t, int offset_minutes) {
    auto const l = local_time(t, offset_minutes);
    return std::to_string(l.year) + "年" + std::to_string(l.month) + "月" + std::to_string(l.day) + "日";
}

std::string DocumentTimes::start(Instant t) { return write(t, false, true); }
std::string DocumentTimes::end(Instant t) { return write(t, true, true); }
std::string DocumentTimes::day(Instant t) { return write(t, false, false); }

std::string DocumentTimes::write(Instant t, bool midnight_as_24, bool with_hour) {
    auto l = local_time(t, offset_minutes_);
    bool const at_midnight = l.hour == 0 && l.minute == 0;
    if (midnight_as_24 && at_midnight) {
        l = local_time(t - kDay, offset_minutes_);
        l.hour = 24;
    }
    std::string out;
    if (year_written_ != l.year) out = std::to_string(l.year) + "年";
    year_written_ = l.year;
    out += std::to_string(l.month) + "月" + std::to_string(l.day) + "日";
    if (!with_hour) return out;
    out += std::to_string(l.hour) + "时";
    if (l.minute) out += std::to_string(l.minute) + "分";
    return out;
}

}  // namespace hazeguard::engine
