#pragma once
/// @file application.hpp
/// @brief The HTTP application: routes (each with the roles that may call it and its body limit),
/// bearer authentication with a throttle on failures, Idempotency-Key, problem+json, /metrics.
/// Beast-free: takes and answers api/http values, so tests drive it without sockets.

#include <functional>
#include <memory>
#include <string>

#include "api/app/console/console_progress_watch.hpp"
#include "api/app/metrics.hpp"
#include "api/app/route_table.hpp"
#include "api/http/message.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::api {

/// @brief What the server holds now (connections, request bodies), for /metrics.
using LoadSource = std::function<std::pair<std::size_t, std::size_t>()>;

class Application {
public:
    explicit Application(service::Service& service);
    ~Application();
    /// @brief Checks a request head before its body is read: the route (404/405), the bearer
    /// token (401; 429 once a client address has failed too often), the role (403), and the
    /// route's body limit. Never throws.
    Admission admit(RequestHead const& head);
    /// @brief Answers one request through `respond`, exactly once; never throws. Reads, dry runs
    /// and writes refused by validation answer before handle() returns; a write answers later from
    /// the group-commit writer thread, once its transaction is on disk — `respond` must then be
    /// quick and must not call the service synchronously. The answer never refers to the
    /// Application, so it may arrive after the Application is destroyed.
    void handle(Request request, Respond respond);
    /// @brief Where /metrics reads the server's connections and in-flight body bytes.
    void read_load_from(LoadSource source);
    /// @brief The base URL (no trailing slash) of the links the server publishes (the CAP feed).
    void publish_at(std::string base_url);
    /// @brief Replaces the throttle of failed authentications (a test's: one whose refill is
    /// slower than the test, so what it sees does not depend on how fast the machine is).
    void throttle_failures(std::shared_ptr<AuthThrottle> throttle);
    /// @brief What GET /metrics shows; the server and the group committer report into it (shared:
    /// the committer may report a last group after the Application is gone).
    std::shared_ptr<Metrics> metrics();
    /// @brief What the group committer reports to (Service::observe_commits): the metrics, and the
    /// episode pages' held progress polls, which a commit wakes.
    service::CommitObserver commit_observer();
    /// @brief The server is stopping: every held request is answered now and none is held again.
    void release_held_requests();
    /// @brief How many progress polls may be held at once, and for how long (tests shorten them).
    void limit_held_polls(ProgressWatch::Limits limits);

private:
    struct Routes;
    std::unique_ptr<Routes> routes_;   ///< built once: the route table with its handlers
};

/// @brief The OpenAPI 3.1 document compiled in from api/openapi.json.
std::string_view openapi_document();

}  // namespace hazeguard::api
