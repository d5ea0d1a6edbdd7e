// The hazeguard executable's subcommands, run as a user would.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

struct Run {
    int exit_code;
    std::string output;
};

Run run(std::string const& args) {
    std::string const cmd = std::string(HG_EXECUTABLE) + " " + args + " 2>&1";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    int const status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string temp_path(std::string const& name) {
    return (std::filesystem::temp_directory_path() / ("hg-cli-" + std::to_string(::getpid()) + "-" + name)).string();
}

}  // namespace

TEST_CASE("plan check accepts the Taiyuan plan and names it", "[integration][cli]") {
    auto const r = run("plan check " HG_SOURCE_DIR "/plans/taiyuan.json");
    CHECK(r.exit_code == 0);
    CHECK(r.output == "ok: taiyuan 2024.1\n");
}

TEST_CASE("plan check prints every problem with its JSON pointer and fails", "[integration][cli]") {
    auto const path = temp_path("bad-plan.json");
    std::ifstream in(HG_SOURCE_DIR "/plans/taiyuan.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Break two things: the default rule set's name and the first level's id.
    text.replace(text.find("\"default_rule_set\": \"national-2024\""), 35, "\"default_rule_set\": \"national-2099\"");
    text.replace(text.find("\"id\": \"adverse\""), 15, "\"id\": \"Adverse!\"");
    std::ofstream(path) << text;
    auto const r = run("plan check " + path);
    std::filesystem::remove(path);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("/assessment/default_rule_set: ") != std::string::npos);
    CHECK(r.output.find("/levels/0/id: ") != std::string::npos);
}

TEST_CASE("plan check on malformed JSON or a missing file fails", "[integration][cli]") {
    auto const path = temp_path("malformed.json");
    std::ofstream(path) << "{\"format\": ";
    auto const bad = run("plan check " + path);
    std::filesystem::remove(path);
    CHECK(bad.exit_code == 1);
    CHECK(bad.output.rfind("/: ", 0) == 0);
    CHECK(run("plan check /nonexistent/plan.json").exit_code == 2);
}

TEST_CASE("token create issues a token for a known role and refuses bad ones", "[integration][cli]") {
    auto const db = temp_path("tokens.sqlite");
    auto const ok = run("token create --role approver --name 市长王强 --authority mayor --db " + db);
    CHECK(ok.exit_code == 0);
    CHECK(ok.output.rfind("hg_", 0) == 0);
    CHECK(ok.output.size() == 3 + 40 + 1);
    CHECK(run("token create --role emperor --name x --db " + db).exit_code == 1);
    CHECK(run("token create --role approver --name x --authority emperor --db " + db).exit_code == 1);
    CHECK(run("token create --role enterprise --name x --db " + db).exit_code == 1);
    CHECK(run("token create --role duty_officer --db " + db).exit_code == 1);
    for (auto const* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

TEST_CASE("unknown subcommands print the usage and exit 2", "[integration][cli]") {
    auto const r = run("frobnicate");
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("usage:") != std::string::npos);
}
