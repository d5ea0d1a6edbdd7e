#include "api/app/exchange.hpp"

#include <iostream>
#include <random>

#include "api/app/problem_response.hpp"
#include "engine/service/error.hpp"
#include "api/app/input.hpp"
#include "engine/util/sha256.hpp"
#include "engine/util/untrusted_json.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): an sf-string, quotes optional here.
std::optional<std::string> idempotency_key(Request const& r) {
    auto key = r.headers.get("Idempotency-Key");
    if (!key) return std::nullopt;
    std::string k = *key;
    if (k.size() >= 2 && k.front() == '"' && k.back() == '"') k = k.substr(1, k.size() - 2);
    if (k.empty() || k.size() > 255)
        throw Problem(400, "/problems/invalid-idempotency-key", "Invalid Idempotency-Key",
                      "the Idempotency-Key must be 1 to 255 characters");
    return k;
}

Response reply_response(service::Reply const& r) {
    Response out = json_response(r.status, r.body);
    if (!r.location.empty()) out.headers.set("Location", r.location);
    return out;
}

}  // namespace

std::string new_request_id() {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 16; ++i) id.push_back(kHex[rng() % 16]);
    return id;
}

json body_of(Request const& r) {
    if (r.body.empty()) return json::object();
    auto const type = r.headers.get("Content-Type").value_or("");
    if (type.rfind("application/json", 0) != 0)
        throw Problem(415, "/problems/unsupported-media-type", "Unsupported media type",
                      "send the body as application/json");
    return parse_body(r.body);
}

service::Command Context::command() const {
    auto key = idempotency_key(request);
    // Only a replay compares fingerprints: without a key none is needed.
    auto fingerprint = key ? engine::sha256_hex(request.method + " " + match.path + "\n" + request.body) : std::string();
    return {principal, std::move(key), std::move(fingerprint)};
}

Response Responder::decorate(Response r) const {
    if (r.status == 401) r.headers.set("WWW-Authenticate", "Bearer realm=\"hazeguard\"");  // RFC 6750 §3
    if (r.status == 503 && !r.headers.get("Retry-After")) r.headers.set("Retry-After", "5");
    r.headers.set("X-Request-Id", request_id_);
    r.labels = labels_;
    return r;
}

Response Responder::to_response(std::exception_ptr error) const {
    try {
        std::rethrow_exception(error);
    } catch (PageAnswer const& a) {
        return a.response;
    } catch (HeaderedProblem const& p) {
        Response r = problem_response(p, request_id_, target_);
        for (auto const& [name, value] : p.headers) r.headers.set(name, value);
        return r;
    } catch (Problem const& p) {
        return problem_response(p, request_id_, target_);
    } catch (service::Error const& e) {
        return problem_response(problem_of(e), request_id_, target_);
    } catch (std::exception const& e) {
        return internal_error(e.what());
    } catch (...) {
        return internal_error("non-standard exception");
    }
}

service::Completion Responder::completion() const {
    return [self = *this](std::exception_ptr error, service::Reply answer) {
        if (error) return self.fail(error);
        self(reply_response(answer));
    };
}

Response Responder::internal_error(std::string const& what) const {
    std::cerr << engine::dump_for_client({{"level", "error"}, {"component", "api"}, {"request_id", request_id_}, {"msg", what}})
              << std::endl;
    return problem_response(Problem(500, "/problems/internal-error", "Internal server error",
                                    "an unexpected error occurred; quote the request_id when reporting it"),
                            request_id_, target_);
}

}  // namespace hazeguard::api
