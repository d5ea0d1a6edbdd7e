// The printable notice and order (GET /v1/proposals/{id}/notice.html, GET /v1/orders/{id}/order.html)
// from the real server, printed to A4 PDF in headless chromium with a CJK serif or kai face that
// pdffonts lists (scripts/check-document-pdf.sh).
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "tests/integration/integration_fixture.hpp"

using namespace hazeguard::test;

namespace {

int run_check(std::filesystem::path const& html, std::string const& expected, std::string& output) {
    std::string const cmd = "bash " HG_SOURCE_DIR "/scripts/check-document-pdf.sh " + html.string() + " " + expected + " 2>&1";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe)) output += buf.data();
    int const status = ::pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("the printable notice and order print to A4 PDF with a CJK serif or kai face", "[integration][documents]") {
    LiveServer s("2026-12-14T10:00:00+08:00", 1, {"--sample-size", "10"});
    auto const signed_view = consult(s, "forecast-c1.json",
                                     {{"action", "issue"}, {"level", "yellow"}, {"start_at", "2026-12-15T00:00:00+08:00"},
                                      {"end_at", "2026-12-17T00:00:00+08:00"}});
    auto const dir = std::filesystem::path(s.db()).parent_path();

    auto const [notice_status, notice] = s.get_text("/v1/proposals/1/notice.html");
    REQUIRE(notice_status == 200);
    std::ofstream(dir / "notice.html") << notice;
    std::string out;
    int const notice_code = run_check(dir / "notice.html", "关于发布重污染天气黄色预警的通知 " +
                                                               signed_view.at("document").at("number_cn").get<std::string>() +
                                                               " 经市人民政府同意",
                                      out);
    INFO(out);
    CHECK(notice_code == 0);

    auto const [order_status, order] = s.get_text("/v1/orders/1/order.html");
    REQUIRE(order_status == 200);
    std::ofstream(dir / "order.html") << order;
    std::string order_out;
    int const order_code = run_check(dir / "order.html", "重污染天气应急减排指令（一厂一策） 预计日减排量", order_out);
    INFO(order_out);
    CHECK(order_code == 0);
}
