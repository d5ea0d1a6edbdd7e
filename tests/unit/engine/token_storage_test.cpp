// Tokens in storage: default lifetimes (docs/operations.md, "Tokens and access") and migration
// 0004, which gives the tokens of an older database an id and an expiry.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <unistd.h>

#include "engine/service/clock.hpp"
#include "engine/service/identity/tokens.hpp"
#include "engine/storage/database.hpp"
#include "engine/storage/migrations.hpp"
#include "engine/storage/sqlite/sqlite_token_repository.hpp"
#include "engine/util/sha256.hpp"

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

TEST_CASE("migration 0004 keeps older tokens, numbers them and gives them 90 days", "[tokens]") {
    auto const path = (std::filesystem::temp_directory_path() / ("hg-tokens-" + std::to_string(::getpid()) + ".sqlite")).string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (int v = 0; v < 3; ++v) db.exec(std::string(storage::migrations()[static_cast<std::size_t>(v)]));
        db.exec("PRAGMA user_version=3");
        db.exec("INSERT INTO tokens(hash, role, name, created_at) VALUES ('" + engine::sha256_hex("hg_old") +
                "', 'duty_officer', '值班员张伟', 1700000000), ('" + engine::sha256_hex("hg_older") +
                "', 'approver', '市长王强', 1600000000)");
        db.exec("UPDATE tokens SET authority = 'mayor' WHERE role = 'approver'");
    }
    auto const before = real_now();
    {
        auto db = storage::open_database(path);
        storage::StatementCache statements(*db);
        storage::SqliteTokenRepository repo(statements);
        auto const tokens = repo.list(true, real_now());
        REQUIRE(tokens.size() == 2);
        CHECK(tokens[0].id == 1);
        CHECK(tokens[0].principal.name == "值班员张伟");
        CHECK(tokens[0].created_at == 1700000000);
        CHECK(tokens[1].principal.authority == "mayor");
        CHECK(tokens[0].hash_prefix == engine::sha256_hex("hg_old").substr(0, 8));
        for (auto const& t : tokens) {
            REQUIRE(t.expires_at);
            CHECK(*t.expires_at >= before + 90 * engine::kDay);
            CHECK(*t.expires_at <= real_now() + 90 * engine::kDay);
            CHECK(t.status(real_now()) == "active");
        }
        CHECK(repo.epoch() == 0);
        REQUIRE(revoke_token(repo, 2, "cli", real_now())->revoked_by == "cli");
        CHECK(repo.epoch() == 1);
        CHECK(repo.list(false, real_now()).size() == 1);
        CHECK_FALSE(revoke_token(repo, 3, "cli", real_now()));
        CHECK(repo.epoch() == 1);
        // Checked through migration 0015's index (INDEXED BY: a missing index would fail here).
        auto const valid = repo.find_unrevoked(engine::sha256_hex("hg_old"));
        REQUIRE(valid);
        CHECK(valid->principal.name == "值班员张伟");
        CHECK(valid->principal.role == "duty_officer");
        CHECK(valid->expires_at == tokens[0].expires_at);
        CHECK_FALSE(repo.find_unrevoked(engine::sha256_hex("hg_older")));  // revoked above
        CHECK_FALSE(repo.find_unrevoked(engine::sha256_hex("hg_never")));
    }
    for (char const* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace hazeguard::service
