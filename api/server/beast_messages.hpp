#pragma once
/// @file beast_messages.hpp
/// @brief The HTTP server's conversions between Beast messages and the application's Request and
/// Response: headers in, answers out (framing, CR/LF checks, HEAD), and the problem answers the
/// server itself gives. Included by api/server/http_server.cpp only, so Beast still compiles in
/// one translation unit (docs/architecture.md).

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "api/http/message.hpp"

namespace hazeguard::api::wire {

namespace beast = boost::beast;
namespace http = beast::http;
using BeastRequest = http::request<http::string_body>;
using BeastResponse = http::response<http::string_body>;
using Clock = std::chrono::steady_clock;

inline std::string to_string(beast::string_view sv) { return {sv.data(), sv.size()}; }

inline BeastResponse problem(int status, std::string const& type, std::string const& title,
                      std::string const& detail, unsigned version, bool keep_alive) {
    nlohmann::ordered_json body;
    body["type"] = type;
    body["title"] = title;
    body["status"] = status;
    body["detail"] = detail;
    BeastResponse res{static_cast<http::status>(status), version};
    res.set(http::field::server, "hazeguard");
    res.set(http::field::content_type, "application/problem+json");
    res.keep_alive(keep_alive);
    res.body() = body.dump();
    res.prepare_payload();
    return res;
}

inline Headers to_headers(http::fields const& fields) {
    Headers out;
    for (auto const& field : fields) {
        std::string name = to_string(field.name_string());
        std::string value = to_string(field.value());
        // Headers keeps one value per name; a repeated field is the comma-joined list (RFC 9110 §5.3).
        if (auto existing = out.get(name)) value = *existing + ", " + value;
        out.set(std::move(name), std::move(value));
    }
    return out;
}

inline void check_header_text(std::string const& text) {
    // A CR or LF coming from application data would let it inject headers into the response.
    if (text.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos)
        throw std::invalid_argument("response header contains CR, LF or NUL: " + text.substr(0, 64));
}

/// What answering a request needs to know of it once the request itself has been handed over.
struct RequestInfo {
    unsigned version = 11;
    bool keep_alive = true;
    bool head = false;
    std::string method, target;  // for the log
    Clock::time_point started{};
};

inline BeastResponse to_beast(Response&& response, RequestInfo const& req) {
    if (response.status < 100 || response.status > 599)
        throw std::invalid_argument("handler returned invalid status " + std::to_string(response.status));
    BeastResponse res;
    res.version(req.version);
    res.result(static_cast<unsigned>(response.status));
    res.set(http::field::server, "hazeguard");
    if (!response.content_type.empty()) {
        check_header_text(response.content_type);
        res.set(http::field::content_type, response.content_type);
    }
    bool handler_closes = false;
    for (auto const& [name, value] : response.headers.all()) {
        check_header_text(name);
        check_header_text(value);
        // Framing belongs to the server: prepare_payload() computes it from the body.
        if (beast::iequals(name, "Content-Length") || beast::iequals(name, "Transfer-Encoding")) continue;
        if (beast::iequals(name, "Connection")) {
            handler_closes = http::token_list{value}.exists("close");
            continue;
        }
        res.set(name, value);
    }
    bool const bodyless = response.status < 200 || response.status == 204 || response.status == 304;
    if (!bodyless) res.body() = std::move(response.body);
    res.keep_alive(req.keep_alive && !handler_closes);
    res.prepare_payload();
    // A HEAD answer carries the GET's Content-Length but no body.
    if (req.head) res.body().clear();
    return res;
}

/// A response waiting to be written, with what the access log will say of it.
struct Outgoing {
    BeastResponse res;
    RequestInfo info;
    ExchangeLabels labels;
};

}  // namespace hazeguard::api::wire
