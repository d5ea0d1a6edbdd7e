// hg_bench_sms_gateway --port P --threads N
//
// A stand-in for Alibaba Cloud SMS in the delivery benchmark: the project's own HttpServer
// answering every POST with SendSms's success answer and a fresh BizId. It does not check the
// signature (tests/support/fake_sms_gateway.hpp does, in the tests): it costs the dispatcher only
// what a fast gateway would. Stops on SIGINT/SIGTERM.
#include <atomic>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <string>
#include <utility>

#include "api/server/http_server.hpp"
#include "bench/server_options.hpp"

int main(int argc, char** argv) {
    auto options = hazeguard::bench::server_options(argc, argv, "usage: hg_bench_sms_gateway --port P --threads N");
    std::atomic<std::uint64_t> sent{0};
    hazeguard::api::HttpServer server(options, [&sent](hazeguard::api::Request, hazeguard::api::Respond respond) {
        hazeguard::api::Response response;
        response.body = R"({"Code":"OK","Message":"OK","RequestId":"bench","BizId":"biz-)" + std::to_string(++sent) + "\"}";
        respond(std::move(response));
    });
    std::cout << "hg_bench_sms_gateway: " << options.threads << " thread(s), port " << options.port << std::endl;
    try {
        server.run();
    } catch (std::exception const& e) {
        std::cerr << "hg_bench_sms_gateway: " << e.what() << "\n";
        return 1;
    }
    std::cout << "hg_bench_sms_gateway: " << sent << " messages accepted" << std::endl;
    return 0;
}
