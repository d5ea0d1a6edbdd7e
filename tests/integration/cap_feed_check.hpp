#pragma once
/// @file cap_feed_check.hpp
/// @brief The live server's public CAP feed checked whole: the Atom feed well formed, and every
/// alert in it valid against the OASIS CAP 1.2 schema (xmllint, tests/support/cap_check.hpp).

#include "tests/integration/integration_fixture.hpp"
#include "tests/support/cap_check.hpp"

namespace hazeguard::test {

inline void all_alerts_valid(LiveServer& s) {
    auto const [status, feed] = s.get_public("/v1/public/alerts");
    REQUIRE(status == 200);
    CHECK(xmllint(feed, false) == "");
    for (auto const& id : feed_identifiers(feed)) {
        auto const [code, alert] = s.get_public("/v1/public/alerts/" + id);
        REQUIRE(code == 200);
        INFO(alert);
        CHECK(xmllint(alert, true) == "");
    }
}

}  // namespace hazeguard::test
