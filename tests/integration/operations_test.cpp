// The real binary as an operator runs it: metrics checked by promtool, the access log, a graceful
// SIGTERM, unauthenticated uploads that cost no memory, a list sent over HTTP, and a full disk.
#include <sys/mount.h>

#include <atomic>
#include <fstream>
#include <thread>
#include <vector>

#include "tests/integration/cli_run.hpp"
#include "tests/integration/integration_fixture.hpp"

namespace hazeguard::test {
namespace {

/// Resident memory of a process in KiB.
long rss_kib(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

HttpResult get_with(std::uint16_t port, std::string const& target, std::string const& token) {
    HttpClient client(port);
    return client.get(target, {{"Authorization", "Bearer " + token}});
}

}  // namespace

TEST_CASE("a live /metrics scrape passes promtool check metrics", "[integration][operations]") {
    LiveServer s;
    REQUIRE(s.post("/v1/forecasts", example("forecast-c1.json"), "duty_officer").status == 201);
    REQUIRE(s.get("/v1/status").status == 200);
    auto const scrape = get_with(s.port(), "/metrics", s.token("auditor"));
    REQUIRE(scrape.status == 200);
    auto const file = std::filesystem::temp_directory_path() / ("hg-metrics-" + std::to_string(::getpid()) + ".txt");
    std::ofstream(file) << scrape.body;
    auto const [code, output] = shell("promtool check metrics < " + file.string());
    std::filesystem::remove(file);
    INFO(output);
    CHECK(code == 0);
    CHECK(scrape.body.find("hazeguard_http_request_duration_seconds_count{method=\"POST\",route=\"/v1/forecasts\",status=\"201\"} 1") !=
          std::string::npos);
    CHECK(scrape.body.find("hazeguard_group_commit_duration_seconds_count") != std::string::npos);
    CHECK(scrape.body.find("hazeguard_http_connections ") != std::string::npos);
}

TEST_CASE("the access log has one line per request with the route template and the principal, never the token",
          "[integration][operations]") {
    LiveServer s;
    REQUIRE(s.get("/v1/orders/12345", "enterprise").status == 404);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto const log = s.log();
    CHECK(log.find(s.token("enterprise")) == std::string::npos);
    CHECK(log.find(s.token("duty_officer")) == std::string::npos);
    bool found = false;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
        auto const j = json::parse(line, nullptr, false);
        if (j.is_discarded() || j.value("component", "") != "access" || j.value("route", "") != "/v1/orders/{id}") continue;
        found = true;
        CHECK(j.at("method") == "GET");
        CHECK(j.at("status") == 404);
        CHECK(j.at("principal") == "晋阳示例焦化");
        CHECK(j.at("request_id").get<std::string>().size() == 16);
        CHECK(j.at("bytes").get<int>() > 0);
        CHECK(j.contains("duration_ms"));
    }
    CHECK(found);
}

TEST_CASE("SIGTERM answers every request already sent before the process exits", "[integration][operations]") {
    LiveServer s;
    constexpr int kRequests = 40;
    auto const body = example("forecast-c1.json").dump();
    std::vector<std::unique_ptr<HttpClient>> clients;
    for (int i = 0; i < kRequests; ++i) {
        clients.push_back(std::make_unique<HttpClient>(s.port()));
        clients.back()->send_raw("POST /v1/forecasts HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + s.token("duty_officer") +
                                 "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                                 "\r\n\r\n" + body);
    }
    ::kill(s.pid(), SIGTERM);
    int answered = 0;
    for (std::size_t i = 0; i < clients.size(); ++i) {
        try {
            answered += clients[i]->read_response().status == 201 ? 1 : 0;
        } catch (std::exception const& e) {
            FAIL_CHECK("request " << i << ": " << e.what());
        }
    }
    INFO(s.log().substr(0, 3000));
    CHECK(answered == kRequests);
    CHECK(s.terminate() == 0);
}

TEST_CASE("uploads without a token are refused from the header: memory stays flat", "[integration][operations]") {
    LiveServer s;
    long const before = rss_kib(s.pid());
    std::vector<std::thread> uploads;
    std::atomic<int> refused{0};
    for (int i = 0; i < 3; ++i)
        uploads.emplace_back([&] {
            HttpClient c(s.port());
            c.send_raw("PUT /v1/enterprises HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n");
            std::string const chunk = "100000\r\n" + std::string(0x100000, 'x') + "\r\n";  // 1 MiB
            try {
                for (int mib = 0; mib < 400; ++mib) c.write_raw(chunk);
            } catch (std::exception const&) {  // the server closed the connection: expected
            }
            try {
                if (c.read_response().status == 401) ++refused;
            } catch (std::exception const&) {  // a reset may destroy the answer after 8 MiB drained
                ++refused;
            }
        });
    for (auto& t : uploads) t.join();
    long const after = rss_kib(s.pid());
    INFO("RSS before " << before << " KiB, after " << after << " KiB");
    CHECK(refused == 3);
    CHECK(after - before < 64 * 1024);
    CHECK(s.get("/v1/status").status == 200);
}

TEST_CASE("a 1,555-plant list of over a megabyte is accepted over HTTP", "[integration][operations]") {
    LiveServer s;
    auto const [code, list] = shell(std::string(HG_EXECUTABLE) + " list generate --count 1555 --seed 7");
    REQUIRE(code == 0);
    REQUIRE(list.size() > 1'000'000);
    HttpClient c(s.port());
    auto const r = c.request("PUT", "/v1/enterprises", list,
                             {{"Authorization", "Bearer " + s.token("duty_officer")}, {"Content-Type", "application/json"}});
    INFO(r.body.substr(0, 500));
    CHECK((r.status == 200 || r.status == 201));
}

TEST_CASE("disk full: 503 storage-unavailable, readiness off, nothing acknowledged lost, recovery", "[integration][operations]") {
    auto const dir = std::filesystem::temp_directory_path() / ("hg-full-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=6m") != 0) {
        WARN("cannot mount a small tmpfs here (needs root): disk-full test not run");
        return;
    }
    struct Unmount {
        std::filesystem::path dir;
        ~Unmount() {
            ::umount2(dir.c_str(), MNT_DETACH);
            std::filesystem::remove_all(dir);
        }
    } const unmount{dir};
    auto const port = std::uint16_t(20000 + ::getpid() % 20000);
    std::vector<std::string> const args{"serve", "--port", std::to_string(port), "--db", (dir / "hg.sqlite").string(),
                                        "--demo-tokens", (dir / "tokens.txt").string(), "--no-sample-list"};
    auto server = std::make_unique<ServerProcess>(HG_EXECUTABLE, args);
    REQUIRE(server->wait_ready(port, std::chrono::seconds(30)));
    std::string token;
    {
        std::ifstream in(dir / "tokens.txt");
        for (std::string role, name; in >> role;) {
            if (role[0] == '#') { std::getline(in, name); continue; }
            in >> name >> token;
            if (role == "duty_officer") break;
        }
    }
    auto post = [&] {
        HttpClient c(port);
        return c.post("/v1/forecasts", example("forecast-c1.json").dump(),
                      {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
    };
    std::vector<int> stored;
    auto const first = post();
    REQUIRE(first.status == 201);
    stored.push_back(json::parse(first.body).at("id").get<int>());
    {  // fill the disk
        std::ofstream filler(dir / "filler", std::ios::binary);
        std::string const block(64 * 1024, 'f');
        while (filler.write(block.data(), static_cast<std::streamsize>(block.size()))) filler.flush();
    }
    HttpResult refused;
    for (int i = 0; i < 200; ++i) {  // the WAL may still have room for a few
        refused = post();
        REQUIRE((refused.status == 201 || refused.status == 503));  // never a 500
        if (refused.status == 503) break;
        stored.push_back(json::parse(refused.body).at("id").get<int>());
    }
    REQUIRE(refused.status == 503);
    CHECK(json::parse(refused.body).at("type") == "/problems/storage-unavailable");
    CHECK(refused.header("Retry-After"));
    HttpClient probe(port);
    CHECK(probe.get("/readyz").status == 503);
    CHECK(probe.get("/healthz").status == 200);  // alive: only not ready

    std::filesystem::remove(dir / "filler");
    auto const again = post();
    REQUIRE(again.status == 201);
    stored.push_back(json::parse(again.body).at("id").get<int>());
    CHECK(probe.get("/readyz").status == 200);

    CHECK(server->terminate() == 0);
    server = std::make_unique<ServerProcess>(HG_EXECUTABLE, args);
    REQUIRE(server->wait_ready(port, std::chrono::seconds(30)));
    for (int id : stored) {
        INFO("forecast " << id);
        CHECK(get_with(port, "/v1/forecasts/" + std::to_string(id), token).status == 200);
    }
}

}  // namespace hazeguard::test
