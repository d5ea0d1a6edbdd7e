// hg_bench_echo --port P --threads N
//
// The "bare limit" for the acknowledgement benchmark: the project's own HttpServer (Boost.Beast,
// api/server/) with a handler that only parses the JSON body with nlohmann and answers a small
// JSON object. No routing, authentication, SQLite or fsync: whatever the ack benchmark loses
// against this is the application's own cost. Stops on SIGINT/SIGTERM.
#include <cstdint>
#include <cstring>
#include <iostream>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "api/server/http_server.hpp"
#include "bench/server_options.hpp"

int main(int argc, char** argv) {
    auto options = hazeguard::bench::server_options(argc, argv, "usage: hg_bench_echo --port P --threads N");
    hazeguard::api::HttpServer server(options, [](hazeguard::api::Request request, hazeguard::api::Respond respond) {
        hazeguard::api::Response response;
        auto const body = nlohmann::json::parse(request.body, nullptr, false);
        if (body.is_discarded() || !body.is_object()) {
            response.status = 400;
            response.body = R"({"error":"body must be a JSON object"})";
            return respond(std::move(response));
        }
        nlohmann::json answer{{"ok", true}, {"fields", body.size()}, {"target", request.target}};
        if (auto it = body.find("by"); it != body.end()) answer["by"] = *it;
        response.body = answer.dump();
        respond(std::move(response));
    });
    std::cout << "hg_bench_echo: " << options.threads << " thread(s), port " << options.port << std::endl;
    try {
        server.run();
    } catch (std::exception const& e) {
        std::cerr << "hg_bench_echo: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
