// hazeguard user create: a staff account for the console, straight on the database file. The
// password comes from standard input (never the command line, where `ps` and the shell's history
// would show it): typed twice without echo at a terminal, else the first line of a pipe.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include "api/cli/commands.hpp"
#include "engine/service/identity/sessions_service.hpp"
#include "engine/storage/sqlite/sqlite_file.hpp"

namespace hazeguard::cli {
namespace {

std::string read_line_without_echo(char const* prompt) {
    std::cerr << prompt << std::flush;
    termios saved{};
    bool const hidden = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hidden) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (hidden) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
    return line;
}

std::optional<std::string> read_password() {
    if (!::isatty(STDIN_FILENO)) {
        std::string line;
        if (!std::getline(std::cin, line)) return std::nullopt;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    auto const first = read_line_without_echo("口令 (password): ");
    if (read_line_without_echo("再输入一次 (again): ") != first) {
        std::cerr << "hazeguard user create: the two passwords differ\n";
        return std::nullopt;
    }
    return first;
}

}  // namespace

int user_create(UserCreateOptions const& o) {
    try {
        auto [text, plan] = load_plan(o.plan);
        auto const password = read_password();
        if (!password) {
            std::cerr << "hazeguard user create: give the password on standard input\n";
            return 1;
        }
        storage::SqliteFile file(o.db);
        std::int64_t id = 0;
        file.write([&](ports::Store& store) {
            id = service::create_account(store.accounts(), plan, o.login, {o.name, o.role, o.authority, ""}, *password,
                                         service::real_now());
        });
        std::cout << "account " << id << " created: " << o.login << " (" << o.role << " " << o.name
                  << "); it signs in at the console's /sign-in\n";
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard user create: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace hazeguard::cli
