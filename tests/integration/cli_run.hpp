#pragma once
// Runs the hazeguard executable as a user would and collects what it printed.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace hazeguard::test {

struct Run {
    int exit_code;
    std::string output;  ///< stdout and stderr together
};

/// @brief A shell command line (quote what needs quoting), e.g. the sqlite3 CLI.
inline Run shell(std::string const& command) {
    std::string const cmd = command + " 2>&1";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    int const status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

/// @brief `hazeguard ARGS` through the shell.
inline Run run(std::string const& args) { return shell(std::string(HG_EXECUTABLE) + " " + args); }

}  // namespace hazeguard::test
