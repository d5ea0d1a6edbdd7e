#include "api/server/server_log.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string_view>

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

void write_text(std::string const& text) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

// Exception texts and targets are not guaranteed UTF-8; replace rather than throw.
std::string dump_line(nlohmann::ordered_json const& value) {
    return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void write_line(nlohmann::ordered_json const& line) { write_text(dump_line(line) + '\n'); }

/// `text` as a JSON string, as dump_line writes it: printable ASCII as it is, anything else
/// (escapes, UTF-8, invalid bytes replaced) through nlohmann.
void append_json_string(std::string& out, std::string_view text) {
    bool const plain = std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    });
    if (!plain) {
        out += dump_line(std::string(text));
        return;
    }
    out += '"';
    out += text;
    out += '"';
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

std::string access_log_line(Exchange const& e) {
    // Written straight into one string (no JSON tree: this runs for every request), member for
    // member what log_line's dump would write.
    std::string line;
    line.reserve(256);
    line += "{\"ts\":";
    append_json_string(line, utc_timestamp());
    line += ",\"level\":\"info\",\"component\":\"access\",\"msg\":\"request\",\"request_id\":";
    append_json_string(line, e.request_id);
    line += ",\"method\":";
    append_json_string(line, e.method);
    line += ",\"route\":";
    append_json_string(line, e.labels.route.empty() ? std::string_view(e.target).substr(0, e.target.find('?'))
                                                    : std::string_view(e.labels.route));
    line += ",\"status\":" + std::to_string(e.status);
    line += ",\"bytes\":" + std::to_string(e.bytes);
    line += ",\"duration_ms\":" +
            nlohmann::ordered_json(static_cast<double>(static_cast<long long>(e.seconds * 1e6)) / 1000.0).dump();
    line += ",\"principal\":";
    if (e.labels.principal.empty()) line += "null";
    else append_json_string(line, e.labels.principal);
    line += "}\n";
    return line;
}

void log_access(Exchange const& e) { write_text(access_log_line(e)); }

}  // namespace hazeguard::api
