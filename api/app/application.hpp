#pragma once
/// @file application.hpp
/// @brief The HTTP application: routes, bearer authentication, Idempotency-Key, problem+json.
/// Beast-free: takes and answers api/http values, so tests drive it without sockets.

#include <memory>
#include <string>

#include "api/http/message.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::api {

class Application {
public:
    explicit Application(service::Service& service);
    ~Application();
    /// @brief Answers one request through `respond`, exactly once; never throws. Reads, dry runs
    /// and writes refused by validation answer before handle() returns; a write answers later from
    /// the group-commit writer thread, once its transaction is on disk — `respond` must then be
    /// quick and must not call the service synchronously. The answer never refers to the
    /// Application, so it may arrive after the Application is destroyed.
    void handle(Request request, Respond respond);

private:
    struct Routes;
    std::unique_ptr<Routes> routes_;   ///< built once: the route table with its handlers
};

/// @brief The OpenAPI 3.1 document compiled in from api/openapi.json.
std::string_view openapi_document();

}  // namespace hazeguard::api
