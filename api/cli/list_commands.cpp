// hazeguard list import FILE [--dry-run], hazeguard list generate [--count N] [--seed S].
#include <fstream>
#include <iostream>
#include <sstream>

#include "api/cli/commands.hpp"
#include "engine/enterprises/list_import.hpp"
#include "engine/service/error.hpp"
#include "engine/service/service.hpp"
#include "engine/storage/open_service.hpp"

namespace hazeguard::cli {

int list_import(ListImportOptions const& o) {
    try {
        std::ifstream in(o.file, std::ios::binary);
        if (!in) {
            std::cerr << o.file << ": cannot read file\n";
            return 1;
        }
        std::ostringstream text;
        text << in.rdbuf();
        auto [plan_text, plan] = load_plan(o.plan);
        auto const svc = storage::open_service(o.db, plan, plan_text);
        bool const csv = o.file.size() > 4 && o.file.substr(o.file.size() - 4) == ".csv";
        service::Command cmd{{"cli", "admin", "", ""}, std::nullopt, ""};
        auto const reply = service::wait_for([&](service::Completion done) {
            svc->lists().import_list(cmd, text.str(), csv ? "csv" : "json", o.dry_run, o.file, std::move(done));
        });
        std::cout << reply.body.dump(2) << "\n";
        return 0;
    } catch (service::Error const& p) {
        std::cerr << p.detail << "\n";
        for (auto const& e : p.errors) std::cout << e.pointer << ": " << e.message << "\n";
        return 1;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard list import: " << e.what() << "\n";
        return 1;
    }
}

int list_generate(ListGenerateOptions const& o) {
    try {
        auto [plan_text, plan] = load_plan(o.plan);
        std::cout << engine::to_json(engine::generate_list(plan, o.count, o.seed)).dump() << "\n";
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard list generate: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace hazeguard::cli
