// Writes answer after their group commit and never block the thread that calls Application::handle
// (a server's I/O thread): with the group-commit writer held, handle() returns for a list import and
// other writes without answering them, and reads are still served. Deterministic: the writer is held
// inside the completion of an earlier write until the test lets it go, so no later job can run
// meanwhile; the waits below only keep a regression from hanging the test.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

Request request(std::string const& method, std::string const& target, std::string const& token, std::string body) {
    Request r;
    r.method = method;
    r.target = target;
    r.body = std::move(body);
    r.headers.set("Authorization", "Bearer " + token);
    r.headers.set("Content-Type", "application/json");
    return r;
}

/// A request handed to Application::handle (on a thread of its own, so that a handle() that blocks
/// fails the test instead of hanging it) without waiting for its answer.
struct Pending {
    std::shared_ptr<std::promise<Response>> answered = std::make_shared<std::promise<Response>>();
    std::future<Response> answer = answered->get_future();
    std::future<void> handled;

    Pending(Application& app, Request r)
        : handled(std::async(std::launch::async, [&app, r = std::move(r), answered = answered]() mutable {
              app.handle(std::move(r), [answered](Response out) { answered->set_value(std::move(out)); });
          })) {}
    /// handle() has returned, the answer has not come yet.
    bool in_flight() const {
        return handled.wait_for(std::chrono::seconds(10)) == std::future_status::ready &&
               answer.wait_for(std::chrono::seconds(0)) == std::future_status::timeout;
    }
    Response get() {
        REQUIRE(answer.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        return answer.get();
    }
};

/// Holds the group-commit writer inside the completion of a first write until release() (or the
/// end of the scope, so a failed test cannot leave the writer stuck).
class WriterHold {
public:
    explicit WriterHold(Api& api) {
        auto held = std::make_shared<std::promise<Response>>();
        auto first = held->get_future();
        handled_ = std::async(std::launch::async, [&app = *api.app, r = request("POST", "/v1/forecasts", api.duty,
                                                                                forecast_c1().dump()),
                                                   held, go = go_]() mutable {
            app.handle(std::move(r), [held, go](Response out) {
                held->set_value(std::move(out));
                go.wait();  // on the writer thread: no later group can start
            });
        });
        REQUIRE(first.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        first_ = first.get();
    }
    ~WriterHold() { release(); }
    WriterHold(WriterHold const&) = delete;
    WriterHold& operator=(WriterHold const&) = delete;

    Response const& first() const { return first_; }
    void release() {
        if (!released_) release_.set_value();
        released_ = true;
    }

private:
    std::future<void> handled_;  // first: joined after release_ is gone (a broken promise releases too)
    std::promise<void> release_;
    std::shared_future<void> go_ = release_.get_future().share();
    bool released_ = false;
    Response first_;
};

TEST_CASE("writes in flight leave the calling thread free for reads", "[api][async]") {
    Api api;
    WriterHold hold(api);
    CHECK(hold.first().status == 201);

    Pending import(*api.app, request("PUT", "/v1/enterprises", api.admin, sample_list()));
    Pending observations(*api.app, request("POST", "/v1/observations", api.duty,
                                           json{{"observations", {{{"granularity", "day"}, {"date", date(3)}, {"aqi", 207}}}}}.dump()));
    Pending directive(*api.app, request("POST", "/v1/directives", api.duty,
                                        json{{"issuer", "shanxi"}, {"level", "orange"}, {"start_at", at(3, "00:00")},
                                             {"reference", "晋气指〔2026〕12号"}}.dump()));
    // Every handle() returned without an answer: the writes wait for the writer, not the caller.
    CHECK(import.in_flight());
    CHECK(observations.in_flight());
    CHECK(directive.in_flight());

    // Meanwhile the caller serves reads (the import is not committed yet), and a write refused by
    // validation is answered at once with problem+json: it never reaches the writer.
    auto const status = api.get("/v1/status", api.duty);
    CHECK(status.status == 200);
    CHECK(is_problem(api.get("/v1/enterprises", api.duty), 404, "/problems/not-found"));
    CHECK(is_problem(api.post("/v1/forecasts", json::object(), api.duty), 422, "/problems/validation"));
    CHECK(import.in_flight());

    hold.release();
    auto const imported = import.get();
    INFO(imported.body);
    CHECK(imported.status == 201);
    CHECK(imported.headers.get("Location") == std::optional<std::string>("/v1/enterprises"));
    CHECK(observations.get().status == 200);
    auto const recorded = directive.get();
    CHECK(recorded.status == 201);
    CHECK(recorded.headers.get("Location") == std::optional<std::string>("/v1/directives/1"));
    CHECK(api.get("/v1/enterprises", api.duty).status == 200);
}

}  // namespace
}  // namespace hazeguard::api::test
