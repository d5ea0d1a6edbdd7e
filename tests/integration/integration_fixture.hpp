#pragma once
// A real `hazeguard serve` process on a temporary database, in drill mode so that simulated
// hours pass in real seconds, plus helpers to talk to it.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "engine/time/timestamp.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"

namespace hazeguard::test {

using nlohmann::json;

/// @brief How many times slower than a normal build the server under test answers: the
/// environment variable HG_TEST_SLOWDOWN (scripts/test.sh --sanitize sets it), 1 when unset or
/// not a number ≥ 1. Every drill clock runs that many times slower and every real wait for
/// simulated time lasts that many times longer, so "on time" and "overdue" keep their meaning on a
/// sanitized build.
inline double slowdown() {
    static double const factor = [] {
        char const* v = std::getenv("HG_TEST_SLOWDOWN");
        if (v == nullptr) return 1.0;
        char* end = nullptr;
        double const f = std::strtod(v, &end);
        return end != v && *end == '\0' && f >= 1.0 && f <= 100.0 ? f : 1.0;
    }();
    return factor;
}

/// @brief Sleeps `nominal` times the slowdown: real time for simulated time to pass at a drill speed.
inline void sleep_simulated(std::chrono::milliseconds nominal) {
    std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<std::int64_t>(nominal.count() * slowdown())));
}

struct Reply {
    int status;
    json body;
};

class LiveServer {
public:
    /// @param speed simulated seconds per real second on a normal build (divided by slowdown())
    explicit LiveServer(std::string drill_start = "2026-12-14T10:00:00+08:00", double speed = 3600,
                        std::vector<std::string> extra_args = {})
        : extra_args_(std::move(extra_args)), dir_(std::filesystem::temp_directory_path() / ("hg-it-" + std::to_string(::getpid()) + "-" +
                                                         std::to_string(counter()++))),
          drill_start_(std::move(drill_start)), speed_(speed / slowdown()) {
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        start();
        read_tokens();
    }
    ~LiveServer() {
        process_.reset();
        std::filesystem::remove_all(dir_);
    }

    void start() {
        port_ = free_port();
        std::vector<std::string> args{"serve", "--port", std::to_string(port_), "--db", db(),
                                      "--demo-tokens", (dir_ / "tokens.txt").string(), "--drill-start",
                                      drill_start_, "--drill-speed", std::to_string(speed_)};
        args.insert(args.end(), extra_args_.begin(), extra_args_.end());
        process_ = std::make_unique<ServerProcess>(HG_EXECUTABLE, args);
        // A bound, not a speed check: a sanitized Debug build (scripts/test.sh --sanitize) needs
        // about a minute to generate and import a 20,000-plant sample list before it is ready.
        REQUIRE(process_->wait_ready(port_, std::chrono::seconds(300)));
        client_ = std::make_unique<HttpClient>(port_);
    }
    void kill_hard() {
        client_.reset();
        process_->kill_hard();
    }
    int terminate() {
        client_.reset();
        return process_->terminate();
    }
    std::string db() const { return (dir_ / "drill.sqlite").string(); }
    std::uint16_t port() const { return port_; }
    std::string log() const { return process_ ? process_->log() : ""; }
    pid_t pid() const { return process_->pid(); }

    std::string const& token(std::string const& role_key) { return tokens_.at(role_key); }

    Reply post(std::string const& path, json const& body, std::string const& role_key, std::string const& key = "") {
        std::vector<std::pair<std::string, std::string>> headers{{"Authorization", "Bearer " + token(role_key)},
                                                                 {"Content-Type", "application/json"}};
        if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
        auto r = client_->post(path, body.dump(), headers);
        return {r.status, r.body.empty() ? json() : json::parse(r.body)};
    }
    Reply put(std::string const& path, json const& body, std::string const& role_key) {
        auto r = client_->request("PUT", path, body.dump(),
                                  {{"Authorization", "Bearer " + token(role_key)}, {"Content-Type", "application/json"}});
        return {r.status, r.body.empty() ? json() : json::parse(r.body)};
    }
    /// @brief A POST with a token that is not a demo token (e.g. one made by `hazeguard token create`).
    Reply post_as(std::string const& path, json const& body, std::string const& bearer) {
        auto r = client_->post(path, body.dump(), {{"Authorization", "Bearer " + bearer}, {"Content-Type", "application/json"}});
        return {r.status, r.body.empty() ? json() : json::parse(r.body)};
    }
    Reply get(std::string const& path, std::string const& role_key = "duty_officer") {
        auto r = client_->get(path, {{"Authorization", "Bearer " + token(role_key)}});
        return {r.status, r.body.empty() ? json() : json::parse(r.body)};
    }
    /// @brief A GET of a page that is not JSON (a printable document); the body as sent.
    std::pair<int, std::string> get_text(std::string const& path, std::string const& role_key = "duty_officer") {
        auto r = client_->get(path, {{"Authorization", "Bearer " + token(role_key)}});
        return {r.status, r.body};
    }
    /// @brief A GET without a token (the public routes); the body as sent.
    std::pair<int, std::string> get_public(std::string const& path) {
        auto r = client_->get(path, {});
        return {r.status, r.body};
    }
    /// @brief The server's (simulated) clock.
    engine::Instant now() { return *engine::parse_rfc3339(get("/v1/status").body.at("now").get<std::string>()); }

private:
    static int& counter() {
        static int n = 0;
        return n;
    }
    void read_tokens() {
        std::ifstream in(dir_ / "tokens.txt");
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            std::istringstream s(line);
            std::string role, name, token;
            s >> role >> name >> token;
            tokens_.emplace(role, token);  // first token of each role
        }
        REQUIRE(tokens_.count("duty_officer") == 1);
    }

    std::vector<std::string> extra_args_;
    std::filesystem::path dir_;
    std::string drill_start_;
    double speed_;
    std::uint16_t port_ = 0;
    std::unique_ptr<ServerProcess> process_;
    std::unique_ptr<HttpClient> client_;
    std::map<std::string, std::string> tokens_;
};

inline std::string at_local(engine::Instant t) { return engine::format_rfc3339(t, 480); }

inline json read_json(std::string const& path) {
    std::ifstream in(path);
    return json::parse(in);
}

/// @brief A request body from docs/examples/ (the forecasts of the §14 consultations).
inline json example(std::string const& name) { return read_json(HG_SOURCE_DIR "/docs/examples/" + name); }

/// @brief Waits (in real time) until the server's simulated clock reaches `local_time`.
inline void wait_until(LiveServer& s, std::string const& local_time) {
    auto const target = *engine::parse_rfc3339(local_time);
    int const bound = static_cast<int>(1500 * slowdown());
    for (int i = 0; i < bound && s.now() < target; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(s.now() >= target);
}

/// @brief A consultation: the forecast, the proposal, the deputy mayor's signature. Returns the
/// signed proposal.
inline json consult(LiveServer& s, std::string const& forecast, json proposal) {
    auto const f = s.post("/v1/forecasts", example(forecast), "duty_officer");
    REQUIRE(f.status == 201);
    proposal["forecast_id"] = f.body.at("id");
    proposal["consultation_note"] = "省市联合会商";
    auto const p = s.post("/v1/proposals", proposal, "duty_officer");
    REQUIRE(p.status == 201);
    auto const a = s.post("/v1/proposals/" + std::to_string(p.body.at("id").get<int>()) + "/approve", json::object(),
                          "approver:deputy_mayor");
    REQUIRE(a.status == 200);
    return a.body;
}

/// @brief Waits until the level in force is `level` (null: none); returns the status. The start
/// and end timers fire within one loop turn of the server.
inline json status_with_level(LiveServer& s, json const& level) {
    json status;
    for (int i = 0; i < 100 * slowdown(); ++i) {
        status = s.get("/v1/status").body;
        if ((level.is_null() && status.at("level").is_null()) ||
            (!status.at("level").is_null() && status.at("level").at("id") == level))
            return status;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL("the level did not become " << level.dump() << ": " << status.dump());
    return status;
}

/// @brief Waits (5 s at most, times slowdown()) until the first delivery that
/// `GET /v1/deliveries<query>` (admin) lists has been tried at least `min_attempts` times; returns
/// it, or null when none came.
inline json wait_for_delivery(LiveServer& s, std::string const& query, int min_attempts = 0) {
    for (int i = 0; i < 250 * slowdown(); ++i) {
        auto const d = s.get("/v1/deliveries" + query, "admin").body.at("items");
        if (!d.empty() && d[0].at("attempts").get<int>() >= min_attempts) return d[0];
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return nullptr;
}

/// @brief The timeline rows of `kind` in episode `id`.
inline std::vector<json> timeline_rows(LiveServer& s, int episode, std::string const& kind) {
    std::vector<json> out;
    auto const ep = s.get("/v1/episodes/" + std::to_string(episode));
    REQUIRE(ep.status == 200);
    for (auto const& row : ep.body.at("timeline"))
        if (row.at("kind") == kind) out.push_back(row);
    return out;
}

}  // namespace hazeguard::test
