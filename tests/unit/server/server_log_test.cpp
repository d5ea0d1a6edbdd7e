// The access log line is written without a JSON tree: it must read exactly as the tree's dump.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "api/server/server_log.hpp"

using namespace hazeguard::api;

namespace {

/// The line as a JSON tree would write it (how log_access wrote it before), with `ts` taken from
/// the line under test.
std::string tree_line(Exchange const& e, std::string const& ts) {
    nlohmann::ordered_json line;
    line["ts"] = ts;
    line["level"] = "info";
    line["component"] = "access";
    line["msg"] = "request";
    line["request_id"] = e.request_id;
    line["method"] = e.method;
    line["route"] = e.labels.route.empty() ? e.target.substr(0, e.target.find('?')) : e.labels.route;
    line["status"] = e.status;
    line["bytes"] = e.bytes;
    line["duration_ms"] = static_cast<double>(static_cast<long long>(e.seconds * 1e6)) / 1000.0;
    line["principal"] = e.labels.principal.empty() ? nullptr : nlohmann::ordered_json(e.labels.principal);
    return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void check_same_as_tree(Exchange const& e) {
    auto const line = access_log_line(e);
    auto const ts = nlohmann::json::parse(line).at("ts").get<std::string>();
    CHECK(line == tree_line(e, ts));
}

}  // namespace

TEST_CASE("the access log line reads as the JSON tree's dump for plain and hostile text", "[server][log]") {
    Exchange e;
    e.method = "POST";
    e.target = "/v1/orders/12/ack";
    e.request_id = "0123456789abcdef";
    e.labels = {"/v1/orders/{id}/ack", "晋阳示例焦化"};
    e.status = 200;
    e.bytes = 187;
    e.seconds = 0.0123456;
    check_same_as_tree(e);

    SECTION("no route matched: the raw path without its query") {
        e.labels = {};
        e.target = "/v1/nowhere?token=secret";
        e.status = 404;
        check_same_as_tree(e);
    }
    SECTION("quotes, backslashes, control characters, DEL and invalid UTF-8 in what a client sent") {
        e.request_id = std::string("a\"b\\c\nd\x01\x7f") + "\xff\xfe" + "中";
        e.method = "P\tOST";
        e.labels.principal = "\xc3";
        check_same_as_tree(e);
    }
    SECTION("durations: none, whole milliseconds, long") {
        for (double const s : {0.0, 0.002, 12.5, 3600.000001}) {
            e.seconds = s;
            check_same_as_tree(e);
        }
    }
}
