// hazeguard list import FILE [--dry-run], hazeguard list generate [--count N] [--seed S].
#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "api/cli/args.hpp"
#include "api/cli/commands.hpp"
#include "engine/enterprises/list_import.hpp"
#include "engine/service/problem.hpp"
#include "engine/service/service.hpp"
#include "engine/storage/database.hpp"

namespace hazeguard::cli {

service::ServiceOptions stored_options(SQLite::Database& db) {
    service::ServiceOptions o;
    SQLite::Statement q(db, "SELECT value FROM settings WHERE key = 'mode'");
    o.drill = q.executeStep() && q.getColumn(0).getString() == "drill";
    return o;
}

int list_import(int argc, char** argv) {
    try {
        Args args(argc, argv, 3, {"--db", "--plan"}, {"--dry-run"});
        if (args.positional().size() != 1) {
            std::cerr << "usage: hazeguard list import FILE [--dry-run] [--db var/hazeguard.sqlite] [--plan FILE]\n";
            return 2;
        }
        std::string const file = args.positional().front();
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::cerr << file << ": cannot read file\n";
            return 2;
        }
        std::ostringstream text;
        text << in.rdbuf();
        auto [plan_text, plan] = load_plan(args.get_or("--plan", ""));
        auto db = storage::open_database(args.get_or("--db", "var/hazeguard.sqlite"));
        auto const options = stored_options(*db);
        service::Service svc(std::move(db), plan, plan_text, options);
        bool const csv = file.size() > 4 && file.substr(file.size() - 4) == ".csv";
        service::Command cmd{{"cli", "admin", "", ""}, std::nullopt, ""};
        auto const reply = service::wait_for([&](service::Completion done) {
            svc.import_list(cmd, text.str(), csv ? "csv" : "json", args.flag("--dry-run"), file, std::move(done));
        });
        std::cout << reply.body.dump(2) << "\n";
        return 0;
    } catch (service::Problem const& p) {
        std::cerr << p.detail << "\n";
        for (auto const& e : p.errors) std::cout << e.pointer << ": " << e.message << "\n";
        return 1;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard list import: " << e.what() << "\n";
        return 1;
    }
}

int list_generate(int argc, char** argv) {
    try {
        Args args(argc, argv, 3, {"--count", "--seed", "--plan"});
        auto [plan_text, plan] = load_plan(args.get_or("--plan", ""));
        auto const count = std::stoull(args.get_or("--count", "1555"));
        auto const seed = std::stoull(args.get_or("--seed", "2026"));
        std::cout << engine::to_json(engine::generate_list(plan, count, seed)).dump() << "\n";
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard list generate: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace hazeguard::cli
