// Default token lifetimes (docs/operations.md, "Tokens and access").
#include <catch2/catch.hpp>

#include "engine/service/tokens.hpp"

namespace hazeguard::service {
namespace {

engine::Instant t(char const* rfc3339) { return *engine::parse_rfc3339(rfc3339); }

TEST_CASE("staff tokens live 90 days unless told otherwise", "[tokens]") {
    auto const now = t("2026-03-01T09:00:00+08:00");
    for (auto const* role : {"duty_officer", "approver", "department", "auditor", "admin"})
        CHECK(token_expiry(role, now, 480, std::nullopt) == now + 90 * engine::kDay);
    CHECK(token_expiry("duty_officer", now, 480, 1) == now + engine::kDay);
    CHECK(token_expiry("enterprise", now, 480, 30) == now + 30 * engine::kDay);
}

TEST_CASE("enterprise tokens last until the end of the local year", "[tokens]") {
    CHECK(token_expiry("enterprise", t("2026-03-01T09:00:00+08:00"), 480, std::nullopt) == t("2026-12-31T23:59:59+08:00"));
    CHECK(token_expiry("enterprise", t("2026-12-31T23:30:00+08:00"), 480, std::nullopt) == t("2026-12-31T23:59:59+08:00"));
    // 2026-12-31 16:30 UTC is already 2027 in Taiyuan.
    CHECK(token_expiry("enterprise", t("2026-12-31T16:30:00Z"), 480, std::nullopt) == t("2027-12-31T23:59:59+08:00"));
}

TEST_CASE("a token is valid through its expiry second", "[tokens]") {
    CHECK_FALSE(token_expired(std::nullopt, 0));
    CHECK_FALSE(token_expired(100, 100));
    CHECK(token_expired(100, 101));
}

}  // namespace
}  // namespace hazeguard::service
