// hazeguard token create | list | revoke: bearer tokens, straight on the database file (a running
// server notices a revocation through the settings row 'tokens_epoch' within its 200 ms loop).
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "api/cli/commands.hpp"
#include "engine/service/identity/tokens.hpp"
#include "engine/storage/sqlite/sqlite_file.hpp"

namespace hazeguard::cli {
namespace {

std::string option_of(std::string const& pointer) {
    return pointer == "/enterprise_id" ? "--enterprise" : "--" + pointer.substr(1);
}

// Listing and revoking read an existing database; they never create one.
bool database_exists(std::string const& path, char const* command) {
    if (std::filesystem::exists(path)) return true;
    std::cerr << "hazeguard token " << command << ": no database at " << path << " (use --db)\n";
    return false;
}

// A name is the operator's text: keep one row per token whatever it holds.
std::string cell(std::string s) {
    for (auto& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    return s.empty() ? "-" : s;
}

}  // namespace

int token_create(TokenCreateOptions const& o) {
    try {
        auto [text, plan] = load_plan(o.plan);
        service::Principal const who{o.name, o.role, o.authority, o.enterprise};
        auto const problems = service::principal_problems(plan, who);
        for (auto const& p : problems)
            std::cerr << "hazeguard token create: " << option_of(p.pointer) << ": " << p.message << "\n";
        if (!problems.empty()) return 1;
        storage::SqliteFile file(o.db);
        auto const days = o.expires_in_days > 0 ? std::optional<int>(o.expires_in_days) : std::nullopt;
        std::string token;
        file.write([&](ports::Store& store) {
            token = service::create_token(store.tokens(), plan, who, days, service::real_now());
        });
        std::cout << token << "\n";
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard token create: " << e.what() << "\n";
        return 1;
    }
}

int token_list(TokenListOptions const& o) {
    try {
        if (!database_exists(o.db, "list")) return 1;
        auto [text, plan] = load_plan(o.plan);
        int const offset = engine::parse_utc_offset(plan.utc_offset).value_or(480);
        storage::SqliteFile file(o.db);
        auto const now = service::real_now();
        std::vector<service::TokenRecord> tokens;
        file.read([&](ports::Store& store) { tokens = store.tokens().list(o.all, now); });
        std::cout << "id\tstatus\trole\tname\tauthority/enterprise\tcreated\texpires\trevoked\thash\n";
        for (auto const& t : tokens) {
            auto const& p = t.principal;
            std::cout << t.id << "\t" << t.status(now) << "\t" << p.role << "\t" << cell(p.name) << "\t"
                      << cell(p.authority.empty() ? p.enterprise_id : p.authority) << "\t"
                      << engine::format_rfc3339(t.created_at, offset) << "\t"
                      << (t.expires_at ? engine::format_rfc3339(*t.expires_at, offset) : "never") << "\t"
                      << (t.revoked_at ? engine::format_rfc3339(*t.revoked_at, offset) + " by " + cell(t.revoked_by) : "-")
                      << "\t" << t.hash_prefix << "\n";
        }
        if (tokens.empty()) std::cerr << (o.all ? "no tokens\n" : "no active tokens (--all lists every token)\n");
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard token list: " << e.what() << "\n";
        return 1;
    }
}

int token_revoke(TokenRevokeOptions const& o) {
    try {
        if (!database_exists(o.db, "revoke")) return 1;
        storage::SqliteFile file(o.db);
        char const* user = std::getenv("USER");
        std::string const by = user && *user ? std::string("cli (") + user + ")" : "cli";
        auto const now = service::real_now();
        std::optional<service::TokenRecord> t;   // as found before the revocation, in its transaction
        file.write([&](ports::Store& store) {
            t = store.tokens().find(o.id);
            if (t && !t->revoked_at) store.tokens().revoke(o.id, by, now);
        });
        if (!t) {
            std::cerr << "hazeguard token revoke: there is no token " << o.id << " (hazeguard token list --all)\n";
            return 1;
        }
        std::string const who = t->principal.role + " " + cell(t->principal.name);
        if (t->revoked_at) {
            std::cout << "token " << o.id << " (" << who << ") was already revoked by " << cell(t->revoked_by) << "\n";
            return 0;
        }
        std::cout << "revoked token " << o.id << " (" << who << "); a running server refuses it within a second\n";
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard token revoke: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace hazeguard::cli
