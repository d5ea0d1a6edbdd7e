// The console's staff sign-in (docs/console.md): passwords as argon2id, session cookies with their
// attributes, lockout, CSRF on every form, idle expiry, sign-out; sessions and bearer tokens each
// open only their own side.
#include <chrono>

#include "api/app/auth_throttle.hpp"
#include "tests/unit/api/console_fixture.hpp"

namespace hazeguard::api::test {

TEST_CASE("a console page without a session sends the browser to the sign-in page", "[api][console]") {
    Api api;
    ConsoleBrowser browser{api, ""};
    auto const board = browser.get("/");
    CHECK(board.status == 303);
    CHECK(board.header("Location") == "/sign-in");
    auto const wall = browser.get("/wall");
    CHECK(wall.header("Location") == "/sign-in");
    auto const page = browser.get("/sign-in");
    REQUIRE(page.status == 200);
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK(contains(page.raw, "<label for=\"password\">口令</label>"));
    // A bearer token does not open a page: the console signs in by session only.
    auto r = api.send("GET", "/", api.duty);
    CHECK(r.status == 303);
}

TEST_CASE("a staff account signs in with its password and gets a strict session cookie", "[api][console]") {
    Api api;
    create_account(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""});
    ConsoleBrowser browser{api, ""};
    auto const signed_in = browser.sign_in("zhangwei", kConsolePassword);
    REQUIRE(signed_in.status == 303);
    CHECK(signed_in.header("Location") == "/");
    auto const cookie = signed_in.header("Set-Cookie").value_or("");
    CHECK(contains(cookie, "; HttpOnly"));
    CHECK(contains(cookie, "; SameSite=Strict"));
    CHECK(contains(cookie, "; Path=/"));
    CHECK_FALSE(contains(cookie, "Secure"));  // served over plain http
    REQUIRE(browser.cookie.size() >= 40);

    auto const board = browser.get("/");
    REQUIRE(board.status == 200);
    CHECK(contains(board.raw, "值班员 值班员张伟"));
    CHECK(contains(board.raw, "无预警"));
    CHECK(browser.get("/sign-in").header("Location") == "/");  // already signed in

    // Stored: the password as an argon2id string, the session id only as its SHA-256.
    SQLite::Database db(api.db.path(), SQLite::OPEN_READONLY);
    auto const stored = db.execAndGet("SELECT password_hash FROM accounts WHERE login = 'zhangwei'").getString();
    CHECK(stored.rfind("$argon2id$", 0) == 0);
    CHECK_FALSE(contains(stored, kConsolePassword));
    CHECK(db.execAndGet("SELECT count(*) FROM sessions WHERE hash = '" + engine::sha256_hex(browser.cookie) + "'").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM sessions WHERE hash = '" + browser.cookie + "'").getInt() == 0);
}

TEST_CASE("the session cookie is Secure when the console is published over https", "[api][console]") {
    Api api;
    api.app->publish_at("https://hbj.example.gov.cn/hazeguard");
    create_account(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""});
    ConsoleBrowser browser{api, ""};
    CHECK(contains(browser.sign_in("zhangwei", kConsolePassword).header("Set-Cookie").value_or(""), "; Secure"));
}

TEST_CASE("a wrong password and an unknown login are refused alike, and five failures lock the account", "[api][console]") {
    Api api;
    create_account(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""});
    ConsoleBrowser browser{api, ""};
    auto const unknown = browser.sign_in("nobody", kConsolePassword);
    auto const wrong = browser.sign_in("zhangwei", "not-the-password");
    CHECK(unknown.status == 401);
    CHECK(wrong.status == 401);
    CHECK(contains(wrong.raw, "账号或口令错误"));
    CHECK(contains(unknown.raw, "账号或口令错误"));
    CHECK_FALSE(wrong.header("Set-Cookie"));
    CHECK(contains(wrong.raw, "value=\"zhangwei\""));  // the login stays typed, the password does not
    for (int i = 0; i < 3; ++i) CHECK(browser.sign_in("zhangwei", "still-not-it").status == 401);
    auto const locked = browser.sign_in("zhangwei", "fifth-failure");
    CHECK(locked.status == 423);
    CHECK(contains(locked.raw, "账号已锁定至"));
    auto const right_but_locked = browser.sign_in("zhangwei", kConsolePassword);
    CHECK(right_but_locked.status == 423);
    CHECK(browser.cookie.empty());
    // The lock ends by itself; a success then starts the count afresh.
    sql(api, "UPDATE accounts SET locked_until = 0");
    CHECK(browser.sign_in("zhangwei", kConsolePassword).status == 303);
    CHECK(SQLite::Database(api.db.path()).execAndGet("SELECT failures FROM accounts").getInt() == 0);
}

TEST_CASE("a client address that keeps failing is told to wait, like one with bad tokens", "[api][console]") {
    Api api;
    create_account(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""});
    // Ten failures at once, and no refill while the test runs: each failed sign-in costs an
    // argon2id check, which on a busy machine takes long enough to refill the default bucket.
    api.app->throttle_failures(std::make_shared<AuthThrottle>(10, std::chrono::hours(1)));
    ConsoleBrowser browser{api, ""};
    int refused = 0;
    for (int i = 0; i < 12; ++i) {
        auto const r = browser.sign_in("guess" + std::to_string(i), "password-" + std::to_string(i), "203.0.113.9");
        if (r.status == 429) {
            ++refused;
            CHECK(r.header("Retry-After"));
        }
    }
    CHECK(refused >= 1);
    CHECK(browser.sign_in("zhangwei", kConsolePassword, "198.51.100.7").status == 303);  // another address goes on
}

TEST_CASE("sign-ins beyond the password checks that may run at once are told to retry", "[api][console]") {
    Api api;
    create_account(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""});
    service::SessionSettings none_at_once;
    none_at_once.max_verifying = 0;
    api.svc->sessions().configure(none_at_once);
    ConsoleBrowser browser{api, ""};
    auto const busy = browser.sign_in("zhangwei", kConsolePassword);
    CHECK(busy.status == 503);
    CHECK(busy.header("Retry-After") == "2");
    CHECK(contains(busy.raw, "登录请求较多"));
    CHECK(browser.cookie.empty());
    CHECK(SQLite::Database(api.db.path()).execAndGet("SELECT failures FROM accounts").getInt() == 0);  // not counted
    api.svc->sessions().configure(service::SessionSettings{});
    CHECK(browser.sign_in("zhangwei", kConsolePassword).status == 303);
}

TEST_CASE("a form posted without the session's CSRF token is refused, with it the session ends", "[api][console]") {
    Api api;
    create_account(api, "liming", {"副市长李明", "approver", "deputy_mayor", ""});
    ConsoleBrowser browser{api, ""};
    REQUIRE(browser.sign_in("liming", kConsolePassword).status == 303);
    auto const board = browser.get("/");
    auto const csrf = ConsoleBrowser::csrf_of(board);
    CHECK(csrf.size() >= 40);

    auto const without = browser.post("/sign-out", {});
    CHECK(without.status == 403);
    CHECK(contains(without.raw, "表单已过期或来源不明"));
    auto const forged = browser.post("/sign-out", {{"csrf", std::string(csrf.size(), 'A')}});
    CHECK(forged.status == 403);
    CHECK(browser.get("/").status == 200);  // still signed in

    auto const out = browser.post("/sign-out", {{"csrf", csrf}});
    REQUIRE(out.status == 303);
    CHECK(out.header("Location") == "/sign-in");
    CHECK(contains(out.header("Set-Cookie").value_or(""), "Max-Age=0"));
    CHECK(browser.cookie.empty());
}

TEST_CASE("a session ended or idle longer than the setting opens nothing", "[api][console]") {
    Api api;
    create_account(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""});
    ConsoleBrowser first{api, ""}, second{api, ""};
    REQUIRE(first.sign_in("zhangwei", kConsolePassword).status == 303);
    REQUIRE(second.sign_in("zhangwei", kConsolePassword).status == 303);
    auto const old_cookie = first.cookie;
    REQUIRE(first.post("/sign-out", {{"csrf", ConsoleBrowser::csrf_of(first.get("/"))}}).status == 303);
    ConsoleBrowser replay{api, old_cookie};
    CHECK(replay.get("/").status == 303);
    auto const post = replay.post("/sign-out", {{"csrf", "x"}});
    CHECK(post.status == 403);
    CHECK(contains(post.raw, "登录已失效"));

    CHECK(second.get("/").status == 200);  // the other session is untouched
    sql(api, "UPDATE sessions SET last_seen = last_seen - " + std::to_string(30 * 60 + 5));
    CHECK(second.get("/").status == 303);
}

TEST_CASE("a session stands for its account's principal: names are escaped, roles apply", "[api][console]") {
    Api api;
    create_account(api, "auditor", {"<script>alert(1)</script>评估员", "auditor", "", ""});
    ConsoleBrowser browser{api, ""};
    REQUIRE(browser.sign_in("auditor", kConsolePassword).status == 303);
    auto const board = browser.get("/");
    REQUIRE(board.status == 200);
    CHECK_FALSE(contains(board.raw, "<script>alert(1)"));
    CHECK(contains(board.raw, "&lt;script&gt;alert(1)&lt;/script&gt;评估员"));
    // A session cookie is no API credential: the API still asks for a bearer token.
    Request r;
    r.method = "GET";
    r.target = "/v1/status";
    r.headers.set("Cookie", "hg_session=" + browser.cookie);
    CHECK(api.handle(std::move(r)).status == 401);
}

TEST_CASE("accounts are created only for staff, with a free login and a long enough password", "[api][console]") {
    Api api;
    create_account(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""});
    CHECK_THROWS_WITH(create_account(api, "zhangwei", {"另一人", "duty_officer", "", ""}), Catch::Contains("taken"));
    CHECK_THROWS_WITH(create_account(api, "plant", {"晋阳示例焦化", "enterprise", "", "91140121MA0TE00013"}),
                      Catch::Contains("staff accounts only"));
    CHECK_THROWS_WITH(create_account(api, "mayor", {"市长王强", "approver", "", ""}), Catch::Contains("--authority"));
    CHECK_THROWS_WITH(create_account(api, "short", {"值班员刘洋", "duty_officer", "", ""}, "123456789"),
                      Catch::Contains("shorter than 10"));
    CHECK_THROWS_WITH(create_account(api, "bad login", {"值班员刘洋", "duty_officer", "", ""}), Catch::Contains("--login"));
}

}  // namespace hazeguard::api::test
