// Orders to enterprises (一厂一策) over HTTP: fan-out on a transition, the enterprise's own orders,
// acknowledgement, execution reports, superseded orders and termination notices, progress and the
// filtered listing with its query problems.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

constexpr char kCoking[] = "91140121MA0TE00013";   // 晋阳示例焦化, lines CO-1 CO-2 CDQ-1 BP-1
constexpr char kCement[] = "91140122MA0TE0003P";   // 太原示例水泥

/// @brief The sample list imported, a yellow warning in force since D1 ~10:00, and two enterprises.
struct OrdersApi : Api {
    std::string coking = token("晋阳示例焦化", "enterprise", "", kCoking);
    std::string cement = token("太原示例水泥", "enterprise", "", kCement);

    OrdersApi() {
        std::ifstream in(std::filesystem::path(HG_SOURCE_DIR) / "plans" / "lists" / "taiyuan-sample.json");
        std::stringstream s;
        s << in.rdbuf();
        auto const r = send("PUT", "/v1/enterprises", admin, s.str(), {{"Content-Type", "application/json"}});
        INFO(r.raw);
        REQUIRE(r.status == 201);
        active_warning("yellow");
    }

    /// @brief The ids of an enterprise's orders, oldest first.
    std::vector<std::int64_t> orders_of(std::string const& token) {
        auto const r = get("/v1/me/orders", token);
        INFO(r.raw);
        REQUIRE(r.status == 200);
        std::vector<std::int64_t> ids;
        for (auto const& o : r.body.at("items")) ids.push_back(o.at("id").get<std::int64_t>());
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    std::string order(std::int64_t id, std::string const& suffix = "") { return "/v1/orders/" + std::to_string(id) + suffix; }
};

json const kAck{{"by", "王建国"}, {"phone", "0351-5710001"}, {"note", "已收到"}};

TEST_CASE("a transition sends each enterprise its own order", "[api][orders]") {
    OrdersApi api;
    auto const mine = api.orders_of(api.coking);
    REQUIRE(mine.size() == 1);
    auto const id = mine.front();

    auto const r = api.get(api.order(id), api.coking);
    REQUIRE(r.status == 200);
    CHECK(r.body.at("kind") == "order");
    CHECK(r.body.at("status") == "sent");
    CHECK(r.body.at("current") == true);
    CHECK(r.body.at("level").at("id") == "yellow");
    CHECK(r.body.at("enterprise").at("credit_code") == kCoking);
    CHECK(r.body.at("drill") == true);
    CHECK_FALSE(r.body.at("content").at("measures").empty());
    CHECK_FALSE(r.body.at("text_cn").get<std::string>().empty());
    CHECK_FALSE(api.get(api.order(id, "?text=false"), api.coking).body.contains("text_cn"));
    CHECK(api.get(api.order(id), api.duty).status == 200);
    CHECK(api.get(api.order(id), api.auditor).status == 200);

    // Another plant's order answers exactly as an id that does not exist (no probing of ids).
    auto const foreign = api.get(api.order(id), api.cement);
    auto const missing = api.get(api.order(99999), api.cement);
    CHECK(is_problem(foreign, 404, "/problems/not-found"));
    CHECK(foreign.body.at("detail") == "order " + std::to_string(id) + " does not exist");
    CHECK(missing.body.at("detail") == "order 99999 does not exist");
    CHECK(foreign.body.at("title") == missing.body.at("title"));
    CHECK(is_problem(api.get("/v1/me/orders", api.duty), 403, "/problems/forbidden-role"));
    CHECK(is_problem(api.get(api.order(99999), api.coking), 404, "/problems/not-found"));
    CHECK(api.get("/v1/me/orders", api.enterprise).body.at("items").empty());   // not on the list
}

TEST_CASE("acknowledgement and execution report", "[api][orders]") {
    OrdersApi api;
    auto const id = api.orders_of(api.coking).front();

    SECTION("1. who may acknowledge") {
        CHECK(is_problem(api.post(api.order(id, "/ack"), kAck, api.duty), 403, "/problems/forbidden-role"));
        CHECK(is_problem(api.post(api.order(id, "/ack"), kAck, api.cement), 404, "/problems/not-found"));
        CHECK(is_problem(api.post(api.order(99999, "/ack"), kAck, api.coking), 404, "/problems/not-found"));
    }
    SECTION("2. the acknowledgement is validated") {
        auto const bad = api.post(api.order(id, "/ack"), {{"by", ""}, {"phone", "call me"}, {"seal", "公章"}}, api.coking);
        CHECK(is_problem(bad, 422, "/problems/validation"));
        CHECK(bad.pointers() == std::vector<std::string>{"/seal", "/by", "/phone"});
    }
    SECTION("3. execution needs the acknowledgement first") {
        auto const r = api.post(api.order(id, "/execution"), json::object(), api.coking);
        CHECK(is_problem(r, 409, "/problems/order-not-acknowledged"));
    }
    SECTION("4. acknowledge once; a repeat answers the first") {
        auto const first = api.post(api.order(id, "/ack"), kAck, api.coking);
        INFO(first.raw);
        REQUIRE(first.status == 200);
        CHECK(first.body.at("status") == "acknowledged");
        CHECK(first.body.at("acknowledgement").at("by") == "王建国");
        CHECK(first.body.at("acknowledgement").at("late") == false);
        auto const again = api.post(api.order(id, "/ack"), {{"by", "李四"}, {"phone", "13800000000"}}, api.coking);
        CHECK(again.status == 200);
        CHECK(again.body.at("acknowledgement") == first.body.at("acknowledgement"));

        auto const unknown_line = api.post(api.order(id, "/execution"),
                                           {{"lines", {{{"line_id", "XX-9"}, {"status", "stopped"}}}}}, api.coking);
        CHECK(is_problem(unknown_line, 422, "/problems/validation"));
        CHECK(unknown_line.pointers() == std::vector<std::string>{"/lines/0/line_id"});
        auto const bad = api.post(api.order(id, "/execution"),
                                  {{"lines", {{{"line_id", "CO-1"}, {"status", "paused"}}}},
                                   {"electricity", {{{"meter", "M-01"}, {"kwh", -5}}}}},
                                  api.coking);
        CHECK(is_problem(bad, 422, "/problems/validation"));
        CHECK(bad.pointers() == std::vector<std::string>{"/lines/0/status", "/electricity/0/kwh"});

        auto const done = api.post(api.order(id, "/execution"),
                                   {{"lines", {{{"line_id", "CO-1"}, {"status", "limited"}, {"note", "结焦28小时"}}}},
                                    {"electricity", {{{"meter", "M-01"}, {"kwh", 18250.5}, {"at", at(1, "09:00")}}}}},
                                   api.coking);
        INFO(done.raw);
        REQUIRE(done.status == 200);
        CHECK(done.body.at("status") == "executed");
        CHECK(done.body.at("execution").at("lines").at(0).at("line_id") == "CO-1");
        CHECK(done.body.at("execution").at("electricity").at(0).at("at") == "2026-12-14T09:00:00+08:00");
        CHECK(done.body.at("execution").at("reported_by") == "晋阳示例焦化");
    }
}

TEST_CASE("an acknowledgement answers only once committed and replays its Idempotency-Key", "[api][orders][async]") {
    OrdersApi api;
    auto const id = api.orders_of(api.coking).front();
    Request r;
    r.method = "POST";
    r.target = api.order(id, "/ack");
    r.body = kAck.dump();
    r.headers.set("Authorization", "Bearer " + api.coking);
    r.headers.set("Content-Type", "application/json");
    r.headers.set("Idempotency-Key", "ack-1");

    struct Seen {
        Response response;
        int stored_status = -1;    // the order's status as another connection sees it
        bool other_thread = false;
    };
    std::promise<Seen> seen;  // Catch2 assertions stay on this thread
    auto const caller = std::this_thread::get_id();
    std::string const path = api.db.path();
    api.app->handle(r, [&](Response out) {
        SQLite::Database other(path, SQLite::OPEN_READONLY);
        int const stored = other.execAndGet("SELECT status FROM orders WHERE id = " + std::to_string(id)).getInt();
        seen.set_value({std::move(out), stored, std::this_thread::get_id() != caller});
    });
    auto answer = seen.get_future();
    REQUIRE(answer.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    auto const first = answer.get();
    INFO(first.response.body);
    CHECK(first.response.status == 200);
    CHECK(first.stored_status == 1);  // committed before the answer
    CHECK(first.other_thread);        // answered by the group-commit writer, not the caller
    CHECK(first.response.headers.get("X-Request-Id").has_value());

    auto const replay = api.send("POST", r.target, api.coking, r.body, {{"Idempotency-Key", "ack-1"}});
    CHECK(replay.status == 200);
    CHECK(replay.raw == first.response.body);
    auto const reused = api.send("POST", r.target, api.coking, json{{"by", "李四"}, {"phone", "13800000000"}}.dump(),
                                 {{"Idempotency-Key", "ack-1"}});
    CHECK(is_problem(reused, 422, "/problems/idempotency-key-reused"));
}

TEST_CASE("a later transition supersedes orders, a lift sends termination notices", "[api][orders]") {
    OrdersApi api;
    auto const yellow = api.orders_of(api.coking).front();
    auto const up = api.propose({{"action", "upgrade"}, {"level", "orange"}, {"start_at", at(1, "09:00")},
                                 {"consultation_note", "升级为橙色"}});
    REQUIRE(api.approve(up, api.mayor).status == 200);
    auto const after_upgrade = api.orders_of(api.coking);
    REQUIRE(after_upgrade.size() == 2);
    auto const orange = after_upgrade.back();

    auto const old = api.post(api.order(yellow, "/ack"), kAck, api.coking);
    CHECK(is_problem(old, 409, "/problems/order-superseded"));
    CHECK(old.body.at("superseded_by") == orange);
    auto const view = api.get(api.order(yellow), api.duty).body;
    CHECK(view.at("current") == false);
    CHECK(view.at("superseded_by") == orange);
    CHECK(api.get(api.order(orange), api.duty).body.at("supersedes") == yellow);

    auto const f = api.submit_forecast({{"issued_at", at(1, "09:00")},
                                        {"issuer", "会商"},
                                        {"days", {day(1, 120, 100, 140), day(2, 100, 85, 115), day(3, 90, 75, 105)}}});
    auto const lift = api.propose({{"action", "lift"}, {"start_at", at(1, "09:30")}, {"forecast_id", f},
                                   {"consultation_note", "空气质量好转，解除预警"}});
    REQUIRE(api.approve(lift, api.mayor).status == 200);
    REQUIRE(api.get("/v1/status", api.duty).body.at("state") == "normal");
    auto const all = api.orders_of(api.coking);
    REQUIRE(all.size() == 3);
    auto const termination = api.get(api.order(all.back()), api.coking).body;
    CHECK(termination.at("kind") == "termination");
    CHECK_FALSE(termination.contains("content"));
    auto const exec = api.post(api.order(all.back(), "/execution"), json::object(), api.coking);
    CHECK(is_problem(exec, 409, "/problems/not-an-order"));
    CHECK(api.post(api.order(all.back(), "/ack"), kAck, api.coking).status == 200);
}

TEST_CASE("officials follow progress and list orders by filter and cursor", "[api][orders]") {
    OrdersApi api;
    auto const progress = api.get("/v1/episodes/1/progress", api.department);
    INFO(progress.raw);
    REQUIRE(progress.status == 200);
    CHECK(progress.body.at("current_batch") == 1);
    auto const total = progress.body.at("counts").at("total").get<int>();
    CHECK(total > 2);
    CHECK(progress.body.at("counts").at("sent") == total);
    CHECK(progress.body.at("batches").at(0).at("level") == "yellow");
    CHECK(progress.body.at("reduction_plan").at("level") == "yellow");
    CHECK(is_problem(api.get("/v1/episodes/1/progress", api.coking), 403, "/problems/forbidden-role"));
    CHECK(is_problem(api.get("/v1/episodes/9/progress", api.duty), 404, "/problems/not-found"));

    std::vector<std::int64_t> seen;
    std::string cursor;
    for (int page = 0; page < 20; ++page) {
        auto const r = api.get("/v1/episodes/1/orders?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor), api.duty);
        REQUIRE(r.status == 200);
        CHECK(r.body.at("items").size() <= 2);
        for (auto const& o : r.body.at("items")) seen.push_back(o.at("id").get<std::int64_t>());
        if (r.body.at("next_cursor").is_null()) break;
        cursor = r.body.at("next_cursor").get<std::string>();
    }
    CHECK(static_cast<int>(seen.size()) == total);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(api.get("/v1/episodes/1/orders?status=acknowledged", api.duty).body.at("items").empty());
    auto const qingxu = api.get("/v1/episodes/1/orders?district=%E6%B8%85%E5%BE%90%E5%8E%BF", api.duty);   // 清徐县
    CHECK_FALSE(qingxu.body.at("items").empty());
    CHECK(static_cast<int>(qingxu.body.at("items").size()) < total);
    for (auto const& o : qingxu.body.at("items")) CHECK(o.at("enterprise").at("district") == "清徐县");

    struct Case {
        char const* query;
        char const* pointer;
    };
    for (auto const& c : {Case{"status=late", "/query/status"}, Case{"overdue=soon", "/query/overdue"}, Case{"reached=yes", "/query/reached"},
                          Case{"limit=0", "/query/limit"}, Case{"limit=1001", "/query/limit"},
                          Case{"limit=ten", "/query/limit"}, Case{"cursor=-1", "/query/cursor"},
                          Case{"batch=0", "/query/batch"}}) {
        INFO(c.query);
        auto const r = api.get(std::string("/v1/episodes/1/orders?") + c.query, api.duty);
        CHECK(is_problem(r, 400, "/problems/invalid-query"));
        CHECK(r.pointers() == std::vector<std::string>{c.pointer});
    }
}

}  // namespace
}  // namespace hazeguard::api::test
