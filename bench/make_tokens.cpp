// hg_bench_tokens DB ENTERPRISE_TOKENS_OUT STAFF_TOKENS_OUT
//
// Creates one enterprise bearer token per enterprise of the current list (in ONE SQLite
// transaction: `hazeguard token create` is one process and one fsync per token, far too slow for
// 100,000), plus a duty officer and a deputy-mayor approver for driving the fan-out.
//   ENTERPRISE_TOKENS_OUT: lines "<enterprise_index> <token>" (index = enterprises.id, 1-based)
//   STAFF_TOKENS_OUT:      lines "<role[:authority]> <name> <token>" (the demo-tokens format)
// Run it before `hazeguard serve` starts, so that the tokens exist when the first request arrives
// (the server looks an unknown token up in the table, then caches it).
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "engine/service/clock.hpp"
#include "engine/service/identity/tokens.hpp"
#include "engine/storage/database.hpp"
#include "engine/storage/sqlite/sqlite_token_repository.hpp"
#include "plans/plan_parser.hpp"

namespace service = hazeguard::service;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: hg_bench_tokens DB ENTERPRISE_TOKENS_OUT STAFF_TOKENS_OUT\n";
        return 2;
    }
    try {
        auto const started = std::chrono::steady_clock::now();
        auto parsed = hazeguard::plans::parse_plan(hazeguard::plans::embedded_taiyuan_plan());
        if (!parsed.ok()) throw std::runtime_error("the embedded plan is invalid");
        auto const& plan = parsed.plan;
        auto db = hazeguard::storage::open_database(argv[1]);

        std::vector<std::pair<std::int64_t, std::string>> enterprises;
        {
            SQLite::Statement q(*db, "SELECT id, credit_code FROM enterprises "
                                     "WHERE list_version = (SELECT max(version) FROM lists) ORDER BY id");
            while (q.executeStep()) enterprises.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
        }
        if (enterprises.empty()) throw std::runtime_error("no list imported in " + std::string(argv[1]));

        std::ofstream out(argv[2]), staff(argv[3]);
        if (!out || !staff) throw std::runtime_error("cannot write the token files");
        hazeguard::storage::StatementCache statements(*db);
        hazeguard::storage::SqliteTokenRepository tokens(statements);
        auto const now = service::real_now();
        SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
        struct Staff {
            char const* role;
            char const* name;
            char const* authority;
        };
        for (auto const& s : {Staff{"duty_officer", "bench_duty_officer", ""},
                              Staff{"approver", "bench_deputy_mayor", "deputy_mayor"}}) {
            auto const token = service::create_token(tokens, plan, {s.name, s.role, s.authority, ""}, std::nullopt, now);
            staff << s.role << (s.authority[0] ? std::string(":") + s.authority : "") << " " << s.name << " "
                  << token << "\n";
        }
        for (auto const& [id, code] : enterprises) {
            auto const token =
                service::create_token(tokens, plan, {"bench_enterprise_" + std::to_string(id), "enterprise", "", code},
                                      std::nullopt, now);
            out << id << " " << token << "\n";
        }
        tx.commit();
        out.close();
        staff.close();
        if (!out || !staff) throw std::runtime_error("cannot write the token files");
        auto const ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        std::cerr << "hg_bench_tokens: " << enterprises.size() << " enterprise tokens + 2 staff tokens in "
                  << ms.count() << " ms\n";
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hg_bench_tokens: " << e.what() << "\n";
        return 1;
    }
}
