#pragma once
/// @file exchange.hpp
/// @brief One request's exchange as the route handlers see it: the request, what its route
/// captured and who sent it (Context), and the Responder that answers it exactly once — turning a
/// refusal into problem+json and adding X-Request-Id, the Bearer challenge and the log's labels.

#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/app/problem.hpp"
#include "api/app/route.hpp"
#include "api/http/message.hpp"
#include "engine/service/command.hpp"

namespace hazeguard::api {

/// @brief A problem whose answer needs a header of its own (Allow on a 405, Retry-After on a 429).
struct HeaderedProblem : Problem {
    HeaderedProblem(Problem problem, std::vector<std::pair<std::string, std::string>> headers_)
        : Problem(std::move(problem)), headers(std::move(headers_)) {}
    std::vector<std::pair<std::string, std::string>> headers;
};

/// @brief An answer that is not a problem+json: a console page's redirect to the sign-in or its
/// Chinese error page, thrown from the gate or a handler and sent as it is.
struct PageAnswer {
    Response response;
};

/// @brief Finishes one request. Owns everything it needs, so a copy can answer later from the
/// group-commit writer thread, after the Application is gone.
class Responder {
public:
    Responder(std::string request_id, std::string target, Respond respond)
        : request_id_(std::move(request_id)), target_(std::move(target)), respond_(std::move(respond)) {}

    void operator()(Response r) const { respond_(decorate(std::move(r))); }
    void fail(std::exception_ptr error) const { (*this)(to_response(error)); }
    /// @brief The response as it leaves: the Bearer challenge, Retry-After, the request id, the labels.
    Response decorate(Response r) const;
    /// @brief A refusal (Problem, service::Error) as problem+json; anything else as a logged 500.
    Response to_response(std::exception_ptr error) const;
    /// @brief The completion of an asynchronous service command: its reply, or its problem.
    service::Completion completion() const;

    std::string const& request_id() const { return request_id_; }
    ExchangeLabels& labels() { return labels_; }

private:
    Response internal_error(std::string const& what) const;
    std::string request_id_;
    std::string target_;
    Respond respond_;
    ExchangeLabels labels_;
};

/// @brief A request that passed the gate, as its handler gets it.
struct Context {
    Request const& request;
    RouteMatch const& match;
    service::Principal principal;
    /// @brief A console session's CSRF token, which its forms must carry; empty for bearer tokens.
    std::string csrf;
    /// @brief The service command of this request: who, its Idempotency-Key, its fingerprint.
    service::Command command() const;
};

/// @brief 16 random hex digits: the X-Request-Id of a request that brought none.
std::string new_request_id();

/// @brief The JSON body ({} when empty); 415 unless it is application/json, 400 when malformed.
nlohmann::json body_of(Request const& r);

}  // namespace hazeguard::api
