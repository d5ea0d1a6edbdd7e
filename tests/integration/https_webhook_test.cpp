// A notice webhook over HTTPS through the real server, to a TLS receiver whose certificate a test
// CA signed (made here by the openssl command line, in a temporary directory; no key is kept):
// with `serve --webhook-ca` naming that CA the notice arrives; without it the server refuses the
// receiver's certificate, sends nothing, and keeps the delivery queued with the reason.
#include <fstream>

#include "tests/integration/cli_run.hpp"
#include "tests/integration/integration_fixture.hpp"
#include "tests/support/tls_receiver.hpp"

using namespace hazeguard::test;

namespace {

/// Runs `openssl <args>` in `dir`; its output when it fails.
void run_openssl(std::filesystem::path const& dir, std::string const& args) {
    auto const r = shell("cd '" + dir.string() + "' && openssl " + args);
    INFO("openssl " << args << "\n" << r.output);
    REQUIRE(r.exit_code == 0);
}

/// A test CA (self-signed, CA:TRUE) and a server key and certificate it signed for 127.0.0.1 and
/// localhost, in a temporary directory removed with the object.
struct TestPki {
    std::filesystem::path dir;
    std::string ca, chain, key;

    TestPki()
        : dir(std::filesystem::temp_directory_path() / ("hg-tls-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++))),
          ca((dir / "ca.pem").string()), chain((dir / "server.pem").string()), key((dir / "server.key").string()) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "pki.cnf") << "[req]\n"
                                          "distinguished_name = dn\n"
                                          "prompt = no\n"
                                          "[dn]\n"
                                          "CN = hazeguard test CA\n"
                                          "[ca]\n"
                                          "basicConstraints = critical, CA:TRUE\n"
                                          "keyUsage = critical, keyCertSign, cRLSign\n"
                                          "subjectKeyIdentifier = hash\n"
                                          "[server]\n"
                                          "basicConstraints = critical, CA:FALSE\n"
                                          "keyUsage = critical, digitalSignature\n"
                                          "extendedKeyUsage = serverAuth\n"
                                          "subjectAltName = IP:127.0.0.1, DNS:localhost\n"
                                          "subjectKeyIdentifier = hash\n"
                                          "authorityKeyIdentifier = keyid\n";
        std::string const ec_key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
        run_openssl(dir, "req -x509 -config pki.cnf -extensions ca " + ec_key + " -keyout ca.key -out ca.pem -days 2");
        run_openssl(dir, "req -new -config pki.cnf -subj /CN=localhost " + ec_key + " -keyout server.key -out server.csr");
        run_openssl(dir, "x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial 2 -days 2 -extfile pki.cnf "
                         "-extensions server -out server.pem");
    }
    ~TestPki() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
    TestPki(TestPki const&) = delete;
    TestPki& operator=(TestPki const&) = delete;

private:
    static int& counter() {
        static int n = 0;
        return n;
    }
};

/// Subscribes an admin "notices" receiver at `url` and signs a yellow: the notice is queued for it.
void sign_yellow_for(LiveServer& s, std::string const& url) {
    REQUIRE(s.post("/v1/subscriptions", {{"name", "小店区人民政府"}, {"topic", "notices"}, {"url", url}}, "admin").status ==
            201);
    consult(s, "forecast-c1.json",
            {{"action", "issue"}, {"level", "yellow"}, {"start_at", "2026-12-15T00:00:00+08:00"},
             {"end_at", "2026-12-17T00:00:00+08:00"}});
}

}  // namespace

TEST_CASE("a notice reaches an HTTPS receiver whose certificate the --webhook-ca signed",
          "[integration][delivery][tls]") {
    TestPki pki;
    TlsReceiver receiver(pki.chain, pki.key);
    LiveServer s("2026-12-14T10:00:00+08:00", 3600, {"--webhook-ca", pki.ca});
    sign_yellow_for(s, "https://127.0.0.1:" + std::to_string(receiver.port()) + "/hooks");

    std::vector<ReceivedWebhook> got;
    for (int i = 0; i < 500 * slowdown() && got.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        got = receiver.received();
    }
    REQUIRE(got.size() == 1);
    CHECK(json::parse(got[0].body).at("type") == "notices");
    CHECK(got[0].headers.count("webhook-signature") == 1);
    CHECK(receiver.failed_handshakes() == 0);

    auto const delivered = wait_for_delivery(s, "?state=delivered");
    REQUIRE_FALSE(delivered.is_null());
    CHECK(delivered.at("attempts") == 1);
    CHECK(delivered.at("last_status") == 204);
}

TEST_CASE("without --webhook-ca the server refuses the test CA's certificate and keeps the notice queued",
          "[integration][delivery][tls]") {
    TestPki pki;
    TlsReceiver receiver(pki.chain, pki.key);
    LiveServer s;
    sign_yellow_for(s, "https://127.0.0.1:" + std::to_string(receiver.port()) + "/hooks");

    auto const tried = wait_for_delivery(s, "", 1);
    REQUIRE_FALSE(tried.is_null());
    CHECK(tried.at("state") == "queued");
    CHECK(tried.at("last_status").is_null());
    INFO("last_error: " << tried.at("last_error").dump());
    REQUIRE(tried.at("last_error").is_string());
    CHECK(tried.at("last_error").get<std::string>().find("certificate") != std::string::npos);
    // The receiver saw the refusal (the client's alert) a moment after the client gave up.
    for (int i = 0; i < 250 * slowdown() && receiver.failed_handshakes() == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(receiver.failed_handshakes() >= 1);
    CHECK(receiver.received().empty());
}
