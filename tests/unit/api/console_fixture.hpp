#pragma once
/// @file console_fixture.hpp
/// @brief The [console] tests' browser: form posts and the session cookie kept between requests,
/// through Application::handle like the other [api] tests.

#include <map>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "api/app/route.hpp"
#include "engine/storage/sqlite/sqlite_file.hpp"
#include "engine/service/identity/sessions_service.hpp"
#include "engine/util/sha256.hpp"
#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {

inline constexpr char kConsolePassword[] = "霾天值守-2026-correct";

/// @brief One browser: its cookie, and what the last page said.
struct ConsoleBrowser {
    Api& api;
    std::string cookie;   ///< the hg_session value; empty when none

    Reply request(std::string const& method, std::string const& target, std::map<std::string, std::string> const& form = {},
                  std::string const& peer = "") {
        Request r;
        r.method = method;
        r.target = target;
        r.peer = peer;
        for (auto const& [name, value] : form) r.body += (r.body.empty() ? "" : "&") + name + "=" + percent_encode(value);
        if (method == "POST") r.headers.set("Content-Type", "application/x-www-form-urlencoded");
        if (!cookie.empty()) r.headers.set("Cookie", "theme=dark; hg_session=" + cookie);
        auto const out = api.handle(std::move(r));
        if (auto const set = out.headers.get("Set-Cookie")) {
            auto const value = set->substr(set->find('=') + 1);
            cookie = value.substr(0, value.find(';'));
        }
        return Reply{out.status, nullptr, out.body, out.content_type, out.headers};
    }
    Reply get(std::string const& target) { return request("GET", target); }
    Reply post(std::string const& target, std::map<std::string, std::string> const& form, std::string const& peer = "") {
        return request("POST", target, form, peer);
    }
    Reply sign_in(std::string const& login, std::string const& password, std::string const& peer = "") {
        return post("/sign-in", {{"login", login}, {"password", password}}, peer);
    }
    /// @brief The CSRF token of the page's sign-out form.
    static std::string csrf_of(Reply const& page) {
        auto const at = page.raw.find("name=\"csrf\" value=\"");
        REQUIRE(at != std::string::npos);
        auto const start = at + 19;
        return page.raw.substr(start, page.raw.find('"', start) - start);
    }
};

/// @brief Creates a staff account on the Api's database (as `hazeguard user create` does).
inline void create_account(Api& api, std::string const& login, service::Principal const& who,
                           std::string const& password = kConsolePassword) {
    storage::SqliteFile file(api.db.path());
    file.write([&](ports::Store& store) {
        service::create_account(store.accounts(), api.svc->plan(), login, who, password, service::real_now());
    });
}

/// @brief Runs one SQL statement on the Api's database from another connection.
inline void sql(Api& api, std::string const& statement) {
    SQLite::Database db(api.db.path(), SQLite::OPEN_READWRITE);
    db.setBusyTimeout(5000);
    db.exec(statement);
}

inline bool contains(std::string const& text, std::string const& part) { return text.find(part) != std::string::npos; }

/// @brief A browser signed in to a new staff account.
inline ConsoleBrowser staff_browser(Api& api, std::string const& login, service::Principal const& who) {
    create_account(api, login, who);
    ConsoleBrowser browser{api, ""};
    REQUIRE(browser.sign_in(login, kConsolePassword).status == 303);
    return browser;
}

/// @brief A yellow warning in force over the ten sample plants; the coking plant's page link.
inline std::string warning_with_orders(Api& api) {
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, sample_list(), {{"Content-Type", "application/json"}}).status == 201);
    api.active_warning("yellow");
    auto const coking = api.token("晋阳示例焦化", "enterprise", "", "91140121MA0TE00013");
    auto const mine = api.get("/v1/me/orders", coking).body.at("items");
    REQUIRE_FALSE(mine.empty());
    return "/o/" + mine[0].at("link").get<std::string>().substr(std::string("/v1/links/").size());
}

}  // namespace hazeguard::api::test
