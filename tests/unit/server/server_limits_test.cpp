// Hostile input and limits at the server: trailers, admission before the body, the body and
// connection budgets, 100-continue, the graceful stop and what the access log is told.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/unit/server/server_fixture.hpp"

using namespace hazeguard::api;
using namespace hazeguard::api::server_test;

namespace {

/// A chunked POST whose last chunk carries `trailer` (already CRLF-terminated field lines).
std::string chunked_with_trailer(std::string const& trailer) {
    return "POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n" + trailer + "\r\n";
}

Admission refuse(int status) {
    Response r;
    r.status = status;
    r.body = "{}";
    r.labels = {"/v1/refused", ""};
    return {r, 0, nullptr};
}

}  // namespace

TEST_CASE("a trailer over 64 KiB gets 431 and the server lives on", "[server][limits]") {
    ServerThread server(echo);
    HttpClient client(server.port());
    // Beast collects a whole trailer before parsing it and throws on a field over 64 KiB: this
    // request aborted the process before the read buffer was bounded.
    auto const res = client.raw(chunked_with_trailer("X-T: " + std::string(65600, 't') + "\r\n"));
    CHECK(res.status == 431);
    CHECK(json::parse(res.body).at("type") == "/problems/header-too-large");
    CHECK(client.raw_closed_by_peer());
    CHECK(client.get("/still-there").status == 200);
}

TEST_CASE("many trailer fields cannot make the server buffer without bound", "[server][limits]") {
    ServerThread server(echo);
    HttpClient client(server.port());
    std::string trailer;
    for (int i = 0; i < 20; ++i) trailer += "X-" + std::to_string(i) + ": " + std::string(6000, 'v') + "\r\n";
    auto const res = client.raw(chunked_with_trailer(trailer));
    CHECK(res.status == 431);
    // A small trailer is still read, and the body with it.
    auto const ok = client.raw(chunked_with_trailer("X-Checksum: abc\r\n"));
    CHECK(ok.status == 201);
    CHECK(json::parse(ok.body).at("body") == "hello");
}

TEST_CASE("a refused head is answered before its body is sent, and the handler never runs", "[server][limits]") {
    std::atomic<int> calls{0};
    auto options = test_options();
    options.admit = [](RequestHead const& head) {
        return head.headers.get("Authorization") ? Admission{std::nullopt, 1024, nullptr} : refuse(401);
    };
    ServerThread server(counting_echo(calls), options);
    HttpClient client(server.port());
    // 400 MB announced, not one byte sent: the answer must come from the header alone.
    client.send_raw("PUT /v1/enterprises HTTP/1.1\r\nHost: x\r\nContent-Length: 400000000\r\n\r\n");
    auto const res = client.read_response();
    CHECK(res.status == 401);
    CHECK(res.header("Connection") == "close");
    CHECK(client.raw_closed_by_peer());
    CHECK(calls == 0);
}

TEST_CASE("the admitted route's limit applies, above and below the server's default", "[server][limits]") {
    auto options = test_options();
    options.body_limit = 1024;  // the default; the route below admits 2 MiB
    options.admit = [](RequestHead const& head) {
        return Admission{std::nullopt, head.target == "/big" ? std::size_t{2} << 20 : 1024, nullptr};
    };
    ServerThread server(echo, options);
    HttpClient client(server.port());
    std::string const body(1'500'000, 'x');  // like the 1.2 MB sample list sent with curl --data-binary
    auto const big = client.post("/big", body);
    CHECK(big.status == 201);
    CHECK(json::parse(big.body).at("body").get<std::string>().size() == body.size());
    // Over the route's limit: 413 from the Content-Length alone.
    client.send_raw("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n");
    auto const small = client.read_response();
    CHECK(small.status == 413);
    CHECK(json::parse(small.body).at("detail") == "The request body exceeds 1024 bytes.");
}

TEST_CASE("Expect: 100-continue gets 100 Continue once the head is admitted", "[server][limits]") {
    ServerThread server(echo);
    HttpClient client(server.port());
    client.send_raw("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    auto const interim = client.read_response();
    CHECK(interim.status == 100);
    client.write_raw("hello");
    auto const final_answer = client.read_response();
    CHECK(final_answer.status == 201);
    CHECK(json::parse(final_answer.body).at("body") == "hello");
}

TEST_CASE("request bodies of all connections together are capped", "[server][limits]") {
    auto options = test_options();
    options.max_body_bytes_in_flight = 1000;
    HeldResponses held;
    ServerThread server(held.handler(), options);
    HttpClient first(server.port()), second(server.port());
    first.send_raw("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 800\r\n\r\n" + std::string(800, 'a'));
    REQUIRE(held.wait_for(1));  // its 800 bytes are held while the application works
    second.send_raw("POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 800\r\n\r\n");
    auto const busy = second.read_response();
    CHECK(busy.status == 503);
    CHECK(busy.header("Retry-After") == "2");
    CHECK(json::parse(busy.body).at("type") == "/problems/overloaded");
    held.answer(0);
    CHECK(first.read_response().status == 200);
    // Answered: its bytes are free again.
    second.send_raw("POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 800\r\n\r\n" + std::string(800, 'c'));
    REQUIRE(held.wait_for(2));
    held.answer(1);
    CHECK(second.read_response().status == 200);
}

TEST_CASE("connections beyond the limit get 503 at once", "[server][limits]") {
    auto options = test_options();
    options.max_connections = 2;
    ServerThread server(echo, options);
    HttpClient a(server.port()), b(server.port()), c(server.port());
    CHECK(a.get("/1").status == 200);  // keep-alive: two connections stay open
    CHECK(b.get("/2").status == 200);
    auto const turned_away = c.raw("GET /3 HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(turned_away.status == 503);
    CHECK(json::parse(turned_away.body).at("type") == "/problems/overloaded");
}

TEST_CASE("stop() answers every request in progress, closes idle connections and refuses new ones", "[server][limits]") {
    auto options = test_options();
    options.drain_seconds = 5;
    HeldResponses held;
    auto server = std::make_unique<ServerThread>(held.handler(), options);
    auto const port = server->port();
    constexpr int kInFlight = 8;
    std::vector<std::unique_ptr<HttpClient>> clients;
    for (int i = 0; i < kInFlight; ++i) {
        clients.push_back(std::make_unique<HttpClient>(port));
        clients.back()->send_raw("GET /r" + std::to_string(i) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    REQUIRE(held.wait_for(kInFlight));
    HttpClient idle(port);
    idle.send_raw("");  // connected, sends nothing

    auto stopped = std::async(std::launch::async, [&] { return server->stop(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the drain has begun
    CHECK(idle.raw_closed_by_peer());
    for (int i = 0; i < kInFlight; ++i) held.answer(static_cast<std::size_t>(i));
    held.drop_all();  // an answered Respond no longer keeps its session
    for (auto& c : clients) {
        auto const res = c->read_response();
        CHECK(res.status == 200);
        CHECK(res.header("Connection") == "close");
    }
    CHECK(stopped.get());
    HttpClient late(port);
    CHECK_THROWS(late.get("/too-late"));
}

TEST_CASE("the observer sees route, principal, status, bytes and the request id of every answer", "[server][limits]") {
    std::mutex mutex;
    std::vector<Exchange> seen;
    auto options = test_options();
    options.admit = [](RequestHead const& head) {
        return head.target == "/refused" ? refuse(403) : Admission{std::nullopt, 1024, nullptr};
    };
    options.observe = [&](Exchange const& e) {
        std::lock_guard lock(mutex);
        seen.push_back(e);
    };
    ServerThread server(
        [](Request const& req) {
            Response r = echo(req);
            r.headers.set("X-Request-Id", "rid-1");
            r.labels = {"/v1/things/{id}", "值班员张伟"};
            return r;
        },
        options);
    HttpClient client(server.port());
    auto const ok = client.get("/v1/things/7");
    CHECK(client.raw("GET /refused HTTP/1.1\r\nHost: x\r\n\r\n").status == 403);
    // Observed once each write completes, which may be after the client has read it, in any order.
    for (int i = 0; i < 100; ++i) {
        {
            std::lock_guard lock(mutex);
            if (seen.size() >= 2) break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::lock_guard lock(mutex);
    REQUIRE(seen.size() == 2);
    auto const& answered = seen[0].status == 200 ? seen[0] : seen[1];
    auto const& refused = seen[0].status == 200 ? seen[1] : seen[0];
    CHECK(answered.labels.route == "/v1/things/{id}");
    CHECK(answered.labels.principal == "值班员张伟");
    CHECK(answered.request_id == "rid-1");
    CHECK(answered.status == 200);
    CHECK(answered.bytes == ok.body.size());
    CHECK(answered.seconds >= 0);
    CHECK(refused.status == 403);
    CHECK(refused.labels.route == "/v1/refused");
}
