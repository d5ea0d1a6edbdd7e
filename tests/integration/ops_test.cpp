// Operating a running server: an online backup taken while acknowledgements arrive, restored and
// served; the timeline's hash chain checked by `hazeguard audit verify` after edits with sqlite3.
#include <atomic>
#include <filesystem>
#include <set>
#include <thread>
#include <vector>

#include "tests/integration/cli_run.hpp"
#include "tests/integration/integration_fixture.hpp"

using namespace hazeguard::test;
namespace fs = std::filesystem;

namespace {

json yellow_now(LiveServer& s) {
    return consult(s, "forecast-c1.json", {{"action", "issue"}, {"level", "yellow"}, {"start_at", at_local(s.now())}});
}

// `sqlite3 DB SQL`; returns its exit code and output.
Run sqlite3(std::string const& db, std::string const& sql) {
    return shell("sqlite3 '" + db + "' \"" + sql + "\"");
}

std::string line_with(std::string const& text, std::string const& key) {
    auto const at = text.find(key);
    return at == std::string::npos ? "" : text.substr(at, text.find('\n', at) - at);
}

}  // namespace

TEST_CASE("a backup taken while acknowledgements arrive holds every one answered before it started",
          "[integration][ops][backup]") {
    LiveServer s("2026-12-14T10:00:00+08:00", 1);
    yellow_now(s);
    // One enterprise token per plant, made with the CLI while the server runs.
    auto const items = s.get("/v1/episodes/1/orders?limit=60").body.at("items");
    REQUIRE(items.size() == 60);
    std::vector<std::pair<int, std::string>> acks;  // order id, bearer token
    for (auto const& o : items) {
        auto const code = o.at("enterprise").at("credit_code").get<std::string>();
        auto const t = run("token create --role enterprise --name 'plant " + code + "' --enterprise " + code +
                           " --db " + s.db());
        REQUIRE(t.exit_code == 0);
        acks.emplace_back(o.at("id").get<int>(), t.output.substr(0, t.output.find('\n')));
    }

    std::atomic<int> answered{0};
    std::atomic<bool> finished{false};
    std::thread acknowledging([&] {
        HttpClient client(s.port());
        for (auto const& [id, token] : acks) {
            auto const r = client.post("/v1/orders/" + std::to_string(id) + "/ack", R"({"by":"值班人","phone":"0351-5710001"})",
                                       {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
            if (r.status != 200) break;
            ++answered;  // in order: every ack before this one was answered too
        }
        finished = true;
    });
    while (answered < 15 && !finished) std::this_thread::yield();
    int const answered_before = answered;
    auto const backup = s.db() + ".backup";
    auto const b = run("backup " + backup + " --db " + s.db());
    int const answered_after = answered;
    acknowledging.join();
    INFO(b.output);
    INFO("acknowledged before the backup: " << answered_before << ", when it ended: " << answered_after);
    REQUIRE(b.exit_code == 0);
    CHECK(b.output.find("integrity_check ok") != std::string::npos);
    auto const orders_line = line_with(b.output, "orders:");  // "orders:  1555 (17 acknowledged)"
    REQUIRE(orders_line.find('(') != std::string::npos);
    CHECK(std::stoi(orders_line.substr(orders_line.find('(') + 1)) >= answered_before);
    CHECK(sqlite3(backup, "PRAGMA integrity_check").output == "ok\n");
    REQUIRE(answered == 60);

    SECTION("a second backup to the same file is refused and leaves it alone") {
        auto const size = fs::file_size(backup);
        auto const again = run("backup " + backup + " --db " + s.db());
        CHECK(again.exit_code == 1);
        CHECK(again.output.find("already exists") != std::string::npos);
        CHECK(fs::file_size(backup) == size);
    }
    SECTION("restored and served, it has every acknowledgement answered before the backup began") {
        // Restore as docs/operations.md says: the server stopped, the copy in place, no -wal/-shm.
        auto const restored = fs::path(s.db()).parent_path() / "restored" / "drill.sqlite";
        fs::create_directories(restored.parent_path());
        fs::copy_file(backup, restored);
        auto const port = free_port();
        ServerProcess server(HG_EXECUTABLE, {"serve", "--port", std::to_string(port), "--db", restored.string(),
                                             "--no-demo-tokens", "--drill-start", "2026-12-14T10:00:00+08:00"});
        REQUIRE(server.wait_ready(port, std::chrono::seconds(60)));
        HttpClient client(port);
        auto const listed = client.get("/v1/episodes/1/orders?status=acknowledged&limit=100",
                                       {{"Authorization", "Bearer " + s.token("duty_officer")}});
        REQUIRE(listed.status == 200);
        auto const page = json::parse(listed.body);
        std::set<int> found;
        for (auto const& o : page.at("items")) found.insert(o.at("id").get<int>());
        for (int i = 0; i < answered_before; ++i) CHECK(found.count(acks[static_cast<std::size_t>(i)].first) == 1);
        CHECK(found.size() >= static_cast<std::size_t>(answered_before));
        CHECK(run("audit verify --db " + restored.string()).exit_code == 0);
    }
}

TEST_CASE("audit verify finds an edited, a deleted middle and (given the head) a deleted last timeline row",
          "[integration][ops][audit]") {
    LiveServer s;
    yellow_now(s);
    REQUIRE(s.terminate() == 0);
    auto const stop_line = line_with(s.log(), "hazeguard stopped");
    auto const ok = run("audit verify --db " + s.db());
    INFO(ok.output);
    REQUIRE(ok.exit_code == 0);
    REQUIRE(ok.output.rfind("ok: ", 0) == 0);
    auto const head = line_with(ok.output, "head ").substr(5);
    REQUIRE(head.size() == 64);
    CHECK(stop_line.find("\"timeline_head\":\"" + head + "\"") != std::string::npos);  // the server logged it
    int const rows = std::stoi(ok.output.substr(4));
    REQUIRE(rows >= 5);

    auto copy = [&](std::string const& name) {
        auto const path = s.db() + "." + name;
        REQUIRE(run("backup " + path + " --db " + s.db()).exit_code == 0);
        return path;
    };
    SECTION("a summary changed by hand") {
        auto const db = copy("edited");
        REQUIRE(sqlite3(db, "UPDATE timeline SET summary_cn = summary_cn || '（已改）' WHERE id = 3").exit_code == 0);
        auto const r = run("audit verify --db " + db);
        CHECK(r.exit_code == 1);
        CHECK(r.output.find("FAILED at timeline row 3: hash mismatch") != std::string::npos);
    }
    SECTION("a row deleted from the middle") {
        auto const db = copy("middle");
        REQUIRE(sqlite3(db, "DELETE FROM timeline WHERE id = 3").exit_code == 0);
        auto const r = run("audit verify --db " + db);
        CHECK(r.exit_code == 1);
        CHECK(r.output.find("FAILED at timeline row 4: gap in ids") != std::string::npos);
    }
    SECTION("the last row deleted: only the recorded head shows it") {
        auto const db = copy("tail");
        REQUIRE(sqlite3(db, "DELETE FROM timeline WHERE id = (SELECT max(id) FROM timeline)").exit_code == 0);
        auto const alone = run("audit verify --db " + db);
        CHECK(alone.exit_code == 0);  // the limit, documented: a shorter chain is still a chain
        auto const against = run("audit verify --db " + db + " --expect-head " + head);
        CHECK(against.exit_code == 1);
        CHECK(against.output.find("is not in the chain") != std::string::npos);
        auto const original = run("audit verify --db " + s.db() + " --expect-head " + head);
        CHECK(original.exit_code == 0);
        CHECK(original.output.find("the recorded head is row " + std::to_string(rows)) != std::string::npos);
    }
}
