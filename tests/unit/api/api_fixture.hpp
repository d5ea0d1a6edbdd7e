#pragma once
/// @file api_fixture.hpp
/// @brief Shared set-up for the [api] tests: a real Service on a temporary SQLite file, the
/// Application over it, one bearer token per role, and request helpers that return the status,
/// the parsed body and the headers. No sockets: every request goes through Application::handle.
///
/// The service runs as a drill anchored at D1 10:00 +08:00 (domain.md §14: D1 = 2026-12-14) at
/// real speed, so "now" is D1 10:00 plus the few seconds a test takes.

#include <atomic>
#include <chrono>
#include <future>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <system_error>
#include <unistd.h>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "api/app/application.hpp"
#include "engine/service/service.hpp"
#include "engine/storage/sqlite/sqlite_backend.hpp"
#include "engine/storage/database.hpp"
#include "engine/time/timestamp.hpp"
#include "plans/plan_parser.hpp"

namespace hazeguard::api::test {

using nlohmann::json;

/// @brief Day n of the §14 scenario at local time hh:mm, e.g. at(2, "00:00") = D2 00:00 +08:00.
inline std::string at(int day, std::string const& hhmm) {
    std::string const dd = std::to_string(13 + day);
    return "2026-12-" + dd + "T" + hhmm + ":00+08:00";
}

/// @brief The calendar date of scenario day n, "2026-12-14" for D1.
inline std::string date(int day) { return "2026-12-" + std::to_string(13 + day); }

inline engine::Instant instant(std::string const& rfc3339) {
    auto t = engine::parse_rfc3339(rfc3339);
    REQUIRE(t.has_value());
    return *t;
}

/// @brief A unique SQLite file under the temp directory, removed (with its WAL files) at the end.
class TempDb {
public:
    TempDb() {
        static std::atomic<int> counter{0};
        std::random_device rd;
        path_ = (std::filesystem::temp_directory_path() /
                 ("hg-api-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                  std::to_string(rd()) + ".sqlite"))
                    .string();
    }
    ~TempDb() {
        std::error_code ec;
        for (char const* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path_ + suffix, ec);
    }
    TempDb(TempDb const&) = delete;
    TempDb& operator=(TempDb const&) = delete;
    std::string const& path() const { return path_; }

private:
    std::string path_;
};

/// @brief What a request answered.
struct Reply {
    int status = 0;
    json body;                 ///< parsed body (null when the body is not JSON)
    std::string raw;           ///< the body as sent
    std::string content_type;
    Headers headers;
    std::optional<std::string> header(std::string const& name) const { return headers.get(name); }
    /// @brief The `pointer` of every entry of a problem's `errors[]`, in order.
    std::vector<std::string> pointers() const {
        std::vector<std::string> out;
        if (body.is_object() && body.contains("errors"))
            for (auto const& e : body.at("errors")) out.push_back(e.at("pointer").get<std::string>());
        return out;
    }
};

/// @brief db + service + application + one token per role.
struct Api {
    TempDb db;   // declared first: outlives the service that holds it open
    std::unique_ptr<service::Service> svc;
    std::unique_ptr<Application> app;

    std::string duty;          ///< duty_officer 值班员张伟
    std::string duty2;         ///< duty_officer 值班员刘洋
    std::string deputy_mayor;  ///< approver 副市长李明, authority deputy_mayor (adverse, yellow, orange)
    std::string mayor;         ///< approver 市长王强, authority mayor (all levels)
    std::string office;        ///< approver 应急办赵敏, authority office (adverse only)
    std::string enterprise;    ///< enterprise 晋阳示例焦化
    std::string department;    ///< department 市生态环境局
    std::string auditor;       ///< auditor 评估员陈静
    std::string admin;         ///< admin 系统管理员

    explicit Api(std::string const& drill_start = at(1, "10:00"), double speed = 1.0) {
        auto parsed = plans::parse_plan(plans::embedded_taiyuan_plan());
        REQUIRE(parsed.ok());
        svc = std::make_unique<service::Service>(storage::open_backend(db.path()), parsed.plan,
                                                 std::string(plans::embedded_taiyuan_plan()),
                                                 service::ServiceOptions{true, instant(drill_start), speed});
        app = std::make_unique<Application>(*svc);
        duty = token("值班员张伟", "duty_officer");
        duty2 = token("值班员刘洋", "duty_officer");
        deputy_mayor = token("副市长李明", "approver", "deputy_mayor");
        mayor = token("市长王强", "approver", "mayor");
        office = token("应急办赵敏", "approver", "office");
        enterprise = token("晋阳示例焦化", "enterprise", "", "91140121TEST00001X");
        department = token("市生态环境局", "department");
        auditor = token("评估员陈静", "auditor");
        admin = token("系统管理员", "admin");
    }

    std::string token(std::string const& name, std::string const& role, std::string const& authority = "",
                      std::string const& enterprise_id = "") {
        return svc->identity().create_token({name, role, authority, enterprise_id});
    }

    /// @brief One request; `token` empty sends no Authorization header.
    Reply send(std::string const& method, std::string const& target, std::string const& token,
               std::string const& body = "", std::vector<std::pair<std::string, std::string>> const& headers = {}) {
        Request r;
        r.method = method;
        r.target = target;
        r.body = body;
        if (!token.empty()) r.headers.set("Authorization", "Bearer " + token);
        if (!body.empty()) r.headers.set("Content-Type", "application/json");
        for (auto const& [name, value] : headers) r.headers.set(name, value);
        Response const out = handle(std::move(r));
        Reply reply{out.status, json(), out.body, out.content_type, out.headers};
        reply.body = json::parse(out.body, nullptr, false);
        if (reply.body.is_discarded()) reply.body = nullptr;
        return reply;
    }

    /// @brief Application::handle, waiting for the answer (an acknowledgement answers from the
    /// group-commit writer thread once it is on disk).
    Response handle(Request r) {
        auto answered = std::make_shared<std::promise<Response>>();
        auto answer = answered->get_future();
        app->handle(std::move(r), [answered](Response out) { answered->set_value(std::move(out)); });
        REQUIRE(answer.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        return answer.get();
    }

    Reply get(std::string const& target, std::string const& token) { return send("GET", target, token); }

    Reply post(std::string const& target, json const& body, std::string const& token,
               std::string const& idempotency_key = "") {
        std::vector<std::pair<std::string, std::string>> headers;
        if (!idempotency_key.empty()) headers.emplace_back("Idempotency-Key", idempotency_key);
        return send("POST", target, token, body.dump(), headers);
    }

    // --- scenario helpers (REQUIRE success, return the new id) ----------------------------------

    std::int64_t created(Reply const& r) {
        INFO(r.raw);
        REQUIRE(r.status == 201);
        return r.body.at("id").get<std::int64_t>();
    }

    std::int64_t submit_forecast(json const& f) { return created(post("/v1/forecasts", f, duty)); }

    std::int64_t propose(json const& p, std::string const& who = "") {
        return created(post("/v1/proposals", p, who.empty() ? duty : who));
    }

    Reply approve(std::int64_t id, std::string const& token, json const& body = json::object()) {
        return post("/v1/proposals/" + std::to_string(id) + "/approve", body, token);
    }

    /// @brief Proposes and signs (by the mayor) a warning at `level` that starts at once: active.
    std::int64_t active_warning(std::string const& level) {
        auto const id = propose({{"action", "issue"}, {"level", level}, {"start_at", at(1, "08:00")},
                                 {"consultation_note", "测试：立即启动"}});
        auto const r = approve(id, mayor);
        INFO(r.raw);
        REQUIRE(r.status == 200);
        REQUIRE(get("/v1/status", duty).body.at("state") == "active");
        return id;
    }
};

/// @brief One forecast day (central value and range, primary pollutant PM2.5).
inline json day(int n, int central, int low, int high) {
    return {{"date", date(n)}, {"aqi_low", low}, {"aqi_high", high}, {"aqi_central", central},
            {"primary_pollutant", "PM2.5"}};
}

/// @brief Consultation C1, D1 10:00 (domain.md §14): D2–D3 > 150 for 48 h → yellow.
inline json forecast_c1() {
    return {{"issued_at", at(1, "10:00")},
            {"issuer", "省市联合会商"},
            {"days",
             {day(1, 128, 110, 145), day(2, 162, 145, 180), day(3, 178, 160, 195), day(4, 146, 130, 165),
              day(5, 120, 105, 135), day(6, 95, 80, 110), day(7, 80, 65, 95)}}};
}

/// @brief The yellow issue of §14: effective D2 00:00, planned end D4 00:00.
inline json issue_yellow(std::int64_t forecast_id) {
    return {{"action", "issue"},        {"level", "yellow"},
            {"start_at", at(2, "00:00")}, {"end_at", at(4, "00:00")},
            {"forecast_id", forecast_id}, {"consultation_note", "省市联合会商：12月15日至16日日均AQI＞150，建议发布黄色预警。"}};
}

/// @brief The ten §13 plants (plans/lists/taiyuan-sample.json) as a PUT /v1/enterprises body.
inline std::string sample_list() {
    std::ifstream in(std::filesystem::path(HG_SOURCE_DIR) / "plans" / "lists" / "taiyuan-sample.json");
    std::stringstream s;
    s << in.rdbuf();
    REQUIRE_FALSE(s.str().empty());
    return s.str();
}

/// @brief True when `r` is a problem+json of `type` with `status`, carrying request_id and instance.
inline bool is_problem(Reply const& r, int status, std::string const& type) {
    return r.status == status && r.content_type == "application/problem+json" && r.body.is_object() &&
           r.body.value("type", "") == type && r.body.value("status", 0) == status &&
           r.body.contains("title") && r.body.contains("detail") && r.body.contains("instance") &&
           r.body.contains("request_id");
}

}  // namespace hazeguard::api::test
