// One-time links of orders: a token opens its own order until it expires, and nothing else.
#include <catch2/catch.hpp>

#include "engine/delivery/order_link.hpp"

namespace hazeguard::engine::order_link_test {

TEST_CASE("an order's link opens that order until it expires", "[engine][delivery]") {
    auto const token = order_link_token("key-1", 42, 1000);
    CHECK(token.rfind("42.1000.", 0) == 0);
    auto const ok = verify_order_link("key-1", token, 999);
    REQUIRE(ok);
    CHECK(ok->order == 42);
    CHECK(ok->expires == 1000);
    CHECK_FALSE(ok->expired);
    auto const late = verify_order_link("key-1", token, 1000);
    REQUIRE(late);
    CHECK(late->expired);
}

TEST_CASE("a forged, altered or malformed link opens nothing", "[engine][delivery]") {
    auto const token = order_link_token("key-1", 42, 1000);
    CHECK_FALSE(verify_order_link("key-2", token, 0));                                      // another server's key
    CHECK_FALSE(verify_order_link("key-1", "43" + token.substr(2), 0));                     // another order
    CHECK_FALSE(verify_order_link("key-1", "42.9999" + token.substr(7), 0));                // a later expiry
    CHECK_FALSE(verify_order_link("key-1", token.substr(0, token.size() - 1), 0));          // cut short
    for (auto const* bad : {"", "42", "42.1000", "42.1000.", "x.1000.abc", "-42.1000.abc", "42.1000.abc.def"})
        CHECK_FALSE(verify_order_link("key-1", bad, 0));
    CHECK_FALSE(verify_order_link("key-1", std::string(300, '1'), 0));
}

}  // namespace hazeguard::engine::order_link_test
