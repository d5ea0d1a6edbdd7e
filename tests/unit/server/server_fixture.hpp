#pragma once
/// @file server_fixture.hpp
/// @brief Shared by the [server] tests: a real HttpServer on its own thread, an echo handler,
/// responses held back and answered on demand, and a capture of the server's log lines.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "api/server/http_server.hpp"
#include "tests/support/http_client.hpp"

namespace hazeguard::api::server_test {

using namespace std::chrono_literals;
using hazeguard::api::Handler;
using hazeguard::api::HttpServer;
using hazeguard::api::Request;
using hazeguard::api::Respond;
using hazeguard::api::Response;
using hazeguard::api::ServerOptions;
using hazeguard::test::HttpClient;
using Catch::Matchers::Contains;
using json = nlohmann::json;

inline ServerOptions test_options() {
    ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    options.read_timeout_seconds = 5;
    options.handle_signals = false;
    options.drain_seconds = 1;  // a test that stops with a response pending waits this long
    return options;
}

/// A handler that answers before it returns.
inline Handler sync(std::function<Response(Request const&)> f) {
    return [f = std::move(f)](Request request, Respond respond) { respond(f(request)); };
}

/// HttpServer::run() on its own thread.
class ServerThread {
public:
    explicit ServerThread(std::function<Response(Request const&)> handler, ServerOptions options = test_options())
        : ServerThread(sync(std::move(handler)), std::move(options)) {}
    explicit ServerThread(Handler handler, ServerOptions options = test_options())
        : server_(std::make_unique<HttpServer>(std::move(options), std::move(handler))),
          state_(std::make_shared<State>()) {
        thread_ = std::thread([server = server_.get(), state = state_] {
            try {
                server->run();
            } catch (...) {
                state->error = std::current_exception();
            }
            state->done = true;
        });
        auto const deadline = std::chrono::steady_clock::now() + 5s;
        while (server_->port() == 0 && !state_->done && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(2ms);
    }
    ~ServerThread() { stop(); }
    ServerThread(ServerThread const&) = delete;
    ServerThread& operator=(ServerThread const&) = delete;

    std::uint16_t port() const { return server_ ? server_->port() : 0; }

    /// Stops the server; true if run() returned within 5 s without throwing.
    bool stop() {
        if (!thread_.joinable()) return stopped_ok_;
        server_->stop();
        auto const deadline = std::chrono::steady_clock::now() + 5s;
        while (!state_->done && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(2ms);
        if (!state_->done) {
            // run() is stuck: leak the server so the test can still fail instead of hanging.
            thread_.detach();
            static_cast<void>(server_.release());
            return stopped_ok_ = false;
        }
        thread_.join();
        return stopped_ok_ = state_->error == nullptr;
    }

private:
    struct State {
        std::atomic<bool> done{false};
        std::exception_ptr error;
    };
    std::unique_ptr<HttpServer> server_;
    std::shared_ptr<State> state_;
    std::thread thread_;
    bool stopped_ok_ = false;
};

inline Response echo(Request const& req) {
    Response res;
    res.status = req.method == "POST" ? 201 : 200;
    res.headers.set("X-Trace", "t-1");
    res.body = json{{"method", req.method},
                    {"target", req.target},
                    {"x_test", req.headers.get("X-Test").value_or("")},
                    {"body", req.body}}
                   .dump();
    return res;
}

/// echo(), counting its calls.
inline std::function<Response(Request const&)> counting_echo(std::atomic<int>& calls) {
    return [&calls](Request const& req) {
        ++calls;
        return echo(req);
    };
}

/// Redirects file descriptor 2 into a temporary file, to check the server's log lines.
class StderrCapture {
public:
    StderrCapture() : file_(std::tmpfile()), saved_(::dup(2)) {
        std::fflush(stderr);
        ::dup2(::fileno(file_), 2);
    }
    ~StderrCapture() {
        restore();
        std::fclose(file_);
    }
    StderrCapture(StderrCapture const&) = delete;
    StderrCapture& operator=(StderrCapture const&) = delete;
    std::string text() {
        restore();
        std::string out;
        std::rewind(file_);
        for (int c; (c = std::fgetc(file_)) != EOF;) out += static_cast<char>(c);
        return out;
    }

private:
    void restore() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        ::dup2(saved_, 2);
        ::close(saved_);
        saved_ = -1;
    }
    std::FILE* file_;
    int saved_;
};

/// Handlers that keep their Respond for the test to answer later, from the test's thread.
class HeldResponses {
public:
    Handler handler() {
        return [this](Request request, Respond respond) {
            std::lock_guard lock(mutex_);
            targets_.push_back(request.target);
            held_.push_back(std::move(respond));
            arrived_.notify_all();
        };
    }
    /// Waits until `n` requests have reached the handler; false after 5 s.
    bool wait_for(std::size_t n) {
        std::unique_lock lock(mutex_);
        return arrived_.wait_for(lock, 5s, [&] { return targets_.size() >= n; });
    }
    std::size_t count() {
        std::lock_guard lock(mutex_);
        return targets_.size();
    }
    /// Answers request `i` (0-based) with its target as the body.
    void answer(std::size_t i, int status = 200) {
        Respond respond;
        std::string target;
        {
            std::lock_guard lock(mutex_);
            respond = held_.at(i);
            target = targets_.at(i);
        }
        respond(Response{status, "text/plain", {}, target, {}});
    }
    void drop_all() {
        std::lock_guard lock(mutex_);
        held_.clear();
    }

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<std::string> targets_;
    std::vector<Respond> held_;
};

}  // namespace hazeguard::api::server_test
