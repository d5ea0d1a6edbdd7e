#pragma once
/// @file application.hpp
/// @brief The HTTP application: routes, bearer authentication, Idempotency-Key, problem+json.
/// Beast-free: takes and returns api/http values, so tests drive it without sockets.

#include <string>

#include "api/http/message.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::api {

class Application {
public:
    explicit Application(service::Service& service);
    /// @brief Answers one request; never throws.
    Response handle(Request const& request);

private:
    Response dispatch(Request const& request, std::string const& request_id);
    service::Service& service_;
};

/// @brief The OpenAPI 3.1 document compiled in from api/openapi.json.
std::string_view openapi_document();

}  // namespace hazeguard::api
