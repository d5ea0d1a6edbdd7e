// hazeguard plan check FILE, and plan loading shared with the other commands.
#include <fstream>
#include <iostream>
#include <sstream>

#include "api/cli/commands.hpp"
#include "plans/plan_parser.hpp"

namespace hazeguard::cli {

std::optional<std::string> read_file(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

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

int plan_check(std::string const& file) {
    auto text = read_file(file);
    if (!text) {
        std::cerr << file << ": cannot read file\n";
        return 2;
    }
    auto result = plans::parse_plan(*text);
    for (auto const& p : result.problems) std::cout << (p.pointer.empty() ? "/" : p.pointer) << ": " << p.message << "\n";
    if (!result.ok()) {
        std::cout << result.problems.size() << " problem(s) in " << file << "\n";
        return 1;
    }
    std::cout << "ok: " << result.plan.id << " " << result.plan.version << "\n";
    return 0;
}

}  // namespace hazeguard::cli
