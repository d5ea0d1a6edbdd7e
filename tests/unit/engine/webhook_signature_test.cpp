// Webhook signing (Standard Webhooks 1.0) and the retry schedule of the outbox.
#include <catch2/catch.hpp>

#include "engine/delivery/retry_schedule.hpp"
#include "engine/delivery/webhook_signature.hpp"

namespace hazeguard::engine::webhook_test {

TEST_CASE("webhook signatures match the Standard Webhooks test vector and an independent HMAC", "[engine][delivery]") {
    // The specification's example (secret, id, timestamp, body → signature).
    CHECK(webhook_signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                            R"({"test": 2432232314})") == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    // A 25-byte key (Base64 with one '=') and a UTF-8 body, computed with Python's hmac module.
    CHECK(webhook_signature("whsec_aGF6ZWd1YXJkLXRlc3Qtc2VjcmV0LTI0Yg==", "msg_0001", 1765000000,
                            R"({"type":"notice","text":"太原市"})") == "v1,rmBnlIC3SMMpRwEKPq9fSFCPWua9WHT82Hg6soNzhIM=");
}

TEST_CASE("a secret that is not whsec_ and Base64 signs nothing", "[engine][delivery]") {
    CHECK_FALSE(webhook_signature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "m", 1, "{}"));
    CHECK_FALSE(webhook_signature("whsec_", "m", 1, "{}"));
    CHECK_FALSE(webhook_signature("whsec_not*base64!", "m", 1, "{}"));
    CHECK_FALSE(webhook_signature("whsec_abc", "m", 1, "{}"));  // not a multiple of four
}

TEST_CASE("new secrets and message ids are random and well formed", "[engine][delivery]") {
    auto const a = new_webhook_secret(), b = new_webhook_secret();
    CHECK(a != b);
    CHECK(a.rfind("whsec_", 0) == 0);
    CHECK(a.size() == 6 + 32);  // 24 bytes in Base64
    CHECK(webhook_signature(a, "m", 1, "{}").has_value());
    auto const m = new_message_id();
    CHECK(m.rfind("msg_", 0) == 0);
    CHECK(m.size() == 4 + 24);
    CHECK(m != new_message_id());
}

TEST_CASE("failed deliveries are retried after 5 s, 30 s, 2 min … 24 h, then dead", "[engine][delivery]") {
    CHECK(next_attempt(1, 1000) == 1005);
    CHECK(next_attempt(2, 1000) == 1030);
    CHECK(next_attempt(3, 1000) == 1120);
    CHECK(next_attempt(10, 1000) == 1000 + 86400);
    CHECK_FALSE(next_attempt(11, 1000));
    CHECK_FALSE(next_attempt(0, 1000));
    CHECK(max_attempts() == 11);
}

}  // namespace hazeguard::engine::webhook_test
