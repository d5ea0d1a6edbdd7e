#include "api/server/server_log.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace hazeguard::api {

namespace {

std::string utc_timestamp() {
    auto const now = std::chrono::system_clock::now();
    auto const secs = std::chrono::system_clock::to_time_t(now);
    auto const millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    std::array<char, 32> date{};
    std::strftime(date.data(), date.size(), "%Y-%m-%dT%H:%M:%S", &tm);
    std::array<char, 48> out{};
    std::snprintf(out.data(), out.size(), "%s.%03dZ", date.data(), static_cast<int>(millis));
    return out.data();
}

void write_line(nlohmann::ordered_json const& line) {
    // Exception texts and targets are not guaranteed UTF-8; replace rather than throw.
    std::string text = line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    text += '\n';
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

nlohmann::ordered_json start_line(char const* level, char const* component, std::string const& msg) {
    nlohmann::ordered_json line;
    line["ts"] = utc_timestamp();
    line["level"] = level;
    line["component"] = component;
    line["msg"] = msg;
    return line;
}

}  // namespace

void log_line(std::string const& level, std::string const& msg, nlohmann::ordered_json extra) {
    auto line = start_line(level.c_str(), "http", msg);
    if (extra.is_object())
        for (auto const& [key, value] : extra.items()) line[key] = value;
    write_line(line);
}

void log_access(Exchange const& e) {
    auto line = start_line("info", "access", "request");
    line["request_id"] = e.request_id;
    line["method"] = e.method;
    line["route"] = e.labels.route.empty() ? e.target.substr(0, e.target.find('?')) : e.labels.route;
    line["status"] = e.status;
    line["bytes"] = e.bytes;
    line["duration_ms"] = static_cast<double>(static_cast<long long>(e.seconds * 1e6)) / 1000.0;
    line["principal"] = e.labels.principal.empty() ? nullptr : nlohmann::ordered_json(e.labels.principal);
    write_line(line);
}

}  // namespace hazeguard::api
