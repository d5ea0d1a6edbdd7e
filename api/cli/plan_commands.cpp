// hazeguard plan check FILE, hazeguard token create, and plan loading shared with serve.
#include <fstream>
#include <iostream>
#include <sstream>

#include "api/cli/args.hpp"
#include "api/cli/commands.hpp"
#include "engine/service/service.hpp"
#include "engine/storage/database.hpp"
#include "plans/plan_parser.hpp"

namespace hazeguard::cli {

namespace {
std::optional<std::string> read_file(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

std::pair<std::string, plans::Plan> load_plan(std::string const& file) {
    std::string text;
    if (file.empty()) {
        text = std::string(plans::embedded_taiyuan_plan());
    } else {
        auto t = read_file(file);
        if (!t) throw std::runtime_error("cannot read plan file " + file);
        text = *t;
    }
    auto result = plans::parse_plan(text);
    if (!result.ok()) {
        for (auto const& p : result.problems) std::cerr << (p.pointer.empty() ? "/" : p.pointer) << ": " << p.message << "\n";
        throw std::runtime_error("the plan " + (file.empty() ? std::string("(embedded)") : file) + " is invalid");
    }
    return {text, std::move(result.plan)};
}

int plan_check(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: hazeguard plan check FILE\n";
        return 2;
    }
    auto text = read_file(argv[3]);
    if (!text) {
        std::cerr << argv[3] << ": cannot read file\n";
        return 2;
    }
    auto result = plans::parse_plan(*text);
    for (auto const& p : result.problems) std::cout << (p.pointer.empty() ? "/" : p.pointer) << ": " << p.message << "\n";
    if (!result.ok()) {
        std::cout << result.problems.size() << " problem(s) in " << argv[3] << "\n";
        return 1;
    }
    std::cout << "ok: " << result.plan.id << " " << result.plan.version << "\n";
    return 0;
}

int token_create(int argc, char** argv) {
    try {
        Args args(argc, argv, 3, {"--role", "--name", "--authority", "--enterprise", "--db", "--plan"});
        auto [text, plan] = load_plan(args.get_or("--plan", ""));
        auto db = storage::open_database(args.get_or("--db", "var/hazeguard.sqlite"));
        service::Principal who{args.get_or("--name", ""), args.get_or("--role", ""), args.get_or("--authority", ""),
                               args.get_or("--enterprise", "")};
        std::cout << service::create_token(*db, plan, who) << "\n";
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard token create: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace hazeguard::cli
