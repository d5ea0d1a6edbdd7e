#pragma once
/// @file application.hpp
/// @brief The HTTP application: routes, bearer authentication, Idempotency-Key, problem+json.
/// Beast-free: takes and returns api/http values, so tests drive it without sockets.

#include <memory>
#include <string>

#include "api/http/message.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::api {

class Application {
public:
    explicit Application(service::Service& service);
    ~Application();
    /// @brief Answers one request; never throws.
    Response handle(Request const& request);

private:
    Response dispatch(Request const& request, std::string const& request_id);
    struct Routes;
    service::Service& service_;
    std::unique_ptr<Routes> routes_;   ///< built once: the route table with its handlers
};

/// @brief The OpenAPI 3.1 document compiled in from api/openapi.json.
std::string_view openapi_document();

}  // namespace hazeguard::api
