// The token lifecycle through the admin API: issue (once in clear), list (never in clear), revoke;
// a revoked or expired token is refused at once, also when it was cached, also when another
// process revoked it on the same database file.
#include <SQLiteCpp/SQLiteCpp.h>

#include <thread>

#include "engine/service/identity/tokens.hpp"
#include "engine/storage/sqlite/sqlite_token_repository.hpp"
#include "engine/util/sha256.hpp"
#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

json const kDuty{{"role", "duty_officer"}, {"name", "值班员孙丽"}};

std::int64_t id_of(Api& api, std::string const& name) {
    auto const listed = api.get("/v1/tokens?all=true", api.admin);
    for (auto const& t : listed.body.at("items"))
        if (t.at("name") == name) return t.at("id").get<std::int64_t>();
    FAIL("no token named " << name);
    return 0;
}

std::string revoke_path(std::int64_t id) { return "/v1/tokens/" + std::to_string(id) + "/revoke"; }

// Writes to the database as another process would (the CLI): its own connection.
void on_file(Api& api, std::string const& sql) {
    SQLite::Database db(api.db.path(), SQLite::OPEN_READWRITE, 5000);
    db.exec(sql);
}

TEST_CASE("an admin lists the tokens without ever seeing one in clear", "[api][tokens]") {
    Api api;
    auto const r = api.get("/v1/tokens", api.admin);
    REQUIRE(r.status == 200);
    REQUIRE(r.body.at("items").size() == 9);
    auto const& first = r.body.at("items").at(0);
    CHECK(first.at("id") == 1);
    CHECK(first.at("role") == "duty_officer");
    CHECK(first.at("name") == "值班员张伟");
    CHECK(first.at("authority").is_null());
    CHECK(first.at("status") == "active");
    CHECK(first.at("revoked_at").is_null());
    CHECK(first.at("hash_prefix").get<std::string>().size() == 8);
    CHECK(engine::sha256_hex(api.duty).rfind(first.at("hash_prefix").get<std::string>(), 0) == 0);
    CHECK(r.body.at("items").at(2).at("authority") == "deputy_mayor");
    CHECK(r.body.at("items").at(5).at("enterprise_id") == "91140121TEST00001X");
    for (auto const* token : {&api.duty, &api.mayor, &api.enterprise, &api.admin}) {
        CHECK(r.raw.find(*token) == std::string::npos);
        CHECK(r.raw.find(engine::sha256_hex(*token)) == std::string::npos);
    }
    auto const one = api.get("/v1/tokens/4", api.admin);
    CHECK(one.status == 200);
    CHECK(one.body == r.body.at("items").at(3));
    CHECK(is_problem(api.get("/v1/tokens/999", api.admin), 404, "/problems/not-found"));
    CHECK(is_problem(api.get("/v1/tokens?all=maybe", api.admin), 400, "/problems/invalid-query"));
}

TEST_CASE("only admins may see, issue or revoke tokens (403), without a token 401", "[api][tokens]") {
    Api api;
    for (auto const* token : {&api.duty, &api.mayor, &api.enterprise, &api.department, &api.auditor}) {
        CHECK(is_problem(api.get("/v1/tokens", *token), 403, "/problems/forbidden-role"));
        CHECK(is_problem(api.get("/v1/tokens/1", *token), 403, "/problems/forbidden-role"));
        CHECK(is_problem(api.post("/v1/tokens", kDuty, *token), 403, "/problems/forbidden-role"));
        CHECK(is_problem(api.post(revoke_path(9), json::object(), *token), 403, "/problems/forbidden-role"));
    }
    CHECK(is_problem(api.get("/v1/tokens", ""), 401, "/problems/unauthenticated"));
    CHECK(is_problem(api.post("/v1/tokens", kDuty, ""), 401, "/problems/unauthenticated"));
    CHECK(api.get("/v1/tokens", api.admin).body.at("items").size() == 9);   // nothing issued or revoked
    CHECK(api.get("/v1/status", api.admin).status == 200);
}

TEST_CASE("POST /v1/tokens answers the new token once, it works at once", "[api][tokens]") {
    Api api;
    auto const r = api.post("/v1/tokens", kDuty, api.admin);
    INFO(r.raw);
    REQUIRE(r.status == 201);
    auto const token = r.body.at("token").get<std::string>();
    CHECK(token.rfind("hg_", 0) == 0);
    CHECK(token.size() == 43);
    CHECK(r.body.at("id") == 10);
    CHECK(r.header("Location") == "/v1/tokens/10");
    CHECK(r.body.at("status") == "active");
    auto const created = instant(r.body.at("created_at").get<std::string>());
    CHECK(instant(r.body.at("expires_at").get<std::string>()) == created + 90 * engine::kDay);
    CHECK(api.get("/v1/status", token).status == 200);
    auto const listed = api.get("/v1/tokens/10", api.admin);
    CHECK_FALSE(listed.body.contains("token"));
    CHECK(listed.raw.find(token) == std::string::npos);

    SECTION("expires_in_days overrides the role's default") {
        auto const week = api.post("/v1/tokens", {{"role", "auditor"}, {"name", "外审"}, {"expires_in_days", 7}}, api.admin);
        REQUIRE(week.status == 201);
        CHECK(instant(week.body.at("expires_at").get<std::string>()) ==
              instant(week.body.at("created_at").get<std::string>()) + 7 * engine::kDay);
    }
    SECTION("an enterprise token lasts until the end of the list year, local time") {
        auto const e = api.post("/v1/tokens", {{"role", "enterprise"}, {"name", "示例厂"}, {"enterprise_id", "91140121MA0TE00013"}},
                                api.admin);
        REQUIRE(e.status == 201);
        auto const year = e.body.at("created_at").get<std::string>().substr(0, 4);
        CHECK(e.body.at("expires_at") == year + "-12-31T23:59:59+08:00");
        CHECK(e.body.at("enterprise_id") == "91140121MA0TE00013");
    }
    SECTION("an approver needs an authority of the plan") {
        auto const a = api.post("/v1/tokens", {{"role", "approver"}, {"name", "副市长周"}, {"authority", "deputy_mayor"}},
                                api.admin);
        REQUIRE(a.status == 201);
        CHECK(a.body.at("authority") == "deputy_mayor");
    }
}

TEST_CASE("an Idempotency-Key replay answers the same token record without the token", "[api][tokens]") {
    Api api;
    auto const first = api.post("/v1/tokens", kDuty, api.admin, "issue-1");
    auto const again = api.post("/v1/tokens", kDuty, api.admin, "issue-1");
    REQUIRE(first.status == 201);
    CHECK(again.status == 201);
    CHECK(first.body.at("token").is_string());
    CHECK(again.body.at("token").is_null());   // the clear token is stored nowhere
    CHECK(again.body.at("id") == first.body.at("id"));
    CHECK(again.header("Location") == first.header("Location"));
    CHECK(api.get("/v1/tokens", api.admin).body.at("items").size() == 10);
    SQLite::Database db(api.db.path(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT body FROM idempotency");
    while (q.executeStep()) CHECK(q.getColumn(0).getString().find(first.body.at("token").get<std::string>()) == std::string::npos);
}

TEST_CASE("a bad token request is answered 422 with every field at fault", "[api][tokens]") {
    Api api;
    struct Case {
        char const* what;
        json body;
        std::vector<std::string> pointers;
    };
    std::vector<Case> const cases = {
        {"empty", json::object(), {"/role", "/name"}},
        {"unknown role", {{"role", "emperor"}, {"name", "x"}}, {"/role"}},
        {"role not a string", {{"role", 3}, {"name", "x"}}, {"/role"}},
        {"approver without authority", {{"role", "approver"}, {"name", "x"}}, {"/authority"}},
        {"approver with an unknown authority", {{"role", "approver"}, {"name", "x"}, {"authority", "emperor"}}, {"/authority"}},
        {"authority for a duty officer", {{"role", "duty_officer"}, {"name", "x"}, {"authority", "mayor"}}, {"/authority"}},
        {"enterprise without its id", {{"role", "enterprise"}, {"name", "x"}}, {"/enterprise_id"}},
        {"enterprise id for an auditor", {{"role", "auditor"}, {"name", "x"}, {"enterprise_id", "9114"}}, {"/enterprise_id"}},
        {"a control character in the name", {{"role", "auditor"}, {"name", std::string("a\0b", 3)}}, {"/name"}},
        {"a name too long", {{"role", "auditor"}, {"name", std::string(201, 'x')}}, {"/name"}},
        {"0 days", {{"role", "auditor"}, {"name", "x"}, {"expires_in_days", 0}}, {"/expires_in_days"}},
        {"too many days", {{"role", "auditor"}, {"name", "x"}, {"expires_in_days", 3651}}, {"/expires_in_days"}},
        {"days as text", {{"role", "auditor"}, {"name", "x"}, {"expires_in_days", "7"}}, {"/expires_in_days"}},
        {"unknown member", {{"role", "auditor"}, {"name", "x"}, {"expires", 7}}, {"/expires"}},
    };
    for (auto const& c : cases) {
        INFO(c.what);
        auto const r = api.post("/v1/tokens", c.body, api.admin);
        INFO(r.raw);
        CHECK(is_problem(r, 422, "/problems/validation"));
        CHECK(r.pointers() == c.pointers);
    }
    CHECK(api.get("/v1/tokens", api.admin).body.at("items").size() == 9);
}

TEST_CASE("a revoked token is refused at once, although it was cached", "[api][tokens]") {
    Api api;
    REQUIRE(api.get("/v1/status", api.duty2).status == 200);   // cached now
    auto const id = id_of(api, "值班员刘洋");
    auto const r = api.post(revoke_path(id), json::object(), api.admin);
    INFO(r.raw);
    REQUIRE(r.status == 200);
    CHECK(r.body.at("status") == "revoked");
    CHECK(r.body.at("revoked_by") == "系统管理员");
    auto const refused = api.get("/v1/status", api.duty2);
    CHECK(is_problem(refused, 401, "/problems/unauthenticated"));
    CHECK(api.get("/v1/status", api.duty).status == 200);   // the others still work

    // Revoking again changes nothing; the listing keeps it only with ?all=true.
    auto const again = api.post(revoke_path(id), json::object(), api.admin);
    CHECK(again.status == 200);
    CHECK(again.body.at("revoked_at") == r.body.at("revoked_at"));
    CHECK(api.get("/v1/tokens", api.admin).body.at("items").size() == 8);
    CHECK(api.get("/v1/tokens?all=true", api.admin).body.at("items").size() == 9);

    CHECK(is_problem(api.post(revoke_path(999), json::object(), api.admin), 404, "/problems/not-found"));
    auto const bad = api.post(revoke_path(1), {{"reason", "x"}}, api.admin);
    CHECK(is_problem(bad, 422, "/problems/validation"));
    CHECK(bad.pointers() == std::vector<std::string>{"/reason"});
    CHECK(api.get("/v1/status", api.duty).status == 200);
}

TEST_CASE("a token revoked by another process is refused once the server checks the epoch", "[api][tokens]") {
    Api api;
    REQUIRE(api.get("/v1/status", api.auditor).status == 200);   // cached now
    auto const id = id_of(api, "评估员陈静");
    {
        SQLite::Database db(api.db.path(), SQLite::OPEN_READWRITE, 5000);
        storage::StatementCache statements(db);
        storage::SqliteTokenRepository tokens(statements);
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        REQUIRE(service::revoke_token(tokens, id, "cli", service::real_now()));
        tx.commit();
    }
    api.svc->identity().refresh_token_cache();   // what the serve loop does every 200 ms
    CHECK(is_problem(api.get("/v1/status", api.auditor), 401, "/problems/unauthenticated"));
    CHECK(api.get("/v1/status", api.department).status == 200);
    auto const listed = api.get("/v1/tokens/" + std::to_string(id), api.admin);
    CHECK(listed.body.at("revoked_by") == "cli");
}

TEST_CASE("an expired token is refused, also when it was cached before it expired", "[api][tokens]") {
    Api api;
    SECTION("expired before its first use") {
        on_file(api, "UPDATE tokens SET expires_at = " + std::to_string(service::real_now() - 1) +
                         " WHERE name = '市生态环境局'");
        CHECK(is_problem(api.get("/v1/status", api.department), 401, "/problems/unauthenticated"));
        auto const listed = api.get("/v1/tokens?all=true", api.admin).body.at("items").at(6);
        CHECK(listed.at("status") == "expired");
        CHECK(api.get("/v1/tokens", api.admin).body.at("items").size() == 8);
    }
    SECTION("expired while cached: the cache keeps the expiry and compares it with the clock") {
        // Valid for two more seconds: used (and cached) in that time, retried if this machine is slow.
        engine::Instant expires = 0;
        for (int attempt = 0; attempt < 5; ++attempt) {
            auto const t = api.token("值班员临时", "duty_officer");
            expires = service::real_now() + 2;
            on_file(api, "UPDATE tokens SET expires_at = " + std::to_string(expires) + " WHERE hash = '" +
                             engine::sha256_hex(t) + "'");
            if (api.get("/v1/status", t).status != 200) continue;
            while (service::real_now() <= expires) std::this_thread::sleep_for(std::chrono::milliseconds(100));
            CHECK(is_problem(api.get("/v1/status", t), 401, "/problems/unauthenticated"));
            return;
        }
        FAIL("the token was never accepted before its expiry");
    }
}

}  // namespace
}  // namespace hazeguard::api::test
