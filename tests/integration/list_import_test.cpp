// `hazeguard list import` of a file, run as a user would: stored while it is read, still all or
// nothing, the same file again is the current version, and progress only on a terminal.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/integration/cli_run.hpp"

using hazeguard::test::run;
using hazeguard::test::shell;

namespace {

struct ImportFiles {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("hg-list-" + std::to_string(::getpid()));
    std::string list = (dir / "list.json").string();
    std::string db = (dir / "db.sqlite").string();
    ImportFiles() { std::filesystem::create_directories(dir); }
    ~ImportFiles() { std::filesystem::remove_all(dir); }
    std::string count(std::string const& sql) const { return shell("sqlite3 " + db + " '" + sql + "'").output; }
};

}  // namespace

TEST_CASE("list import stores a file all or nothing, and the same file again is the current version",
          "[integration][cli][lists]") {
    ImportFiles f;
    REQUIRE(run("list generate --count 1200 > " + f.list).exit_code == 0);
    auto const first = run("list import " + f.list + " --db " + f.db);
    INFO(first.output);
    REQUIRE(first.exit_code == 0);
    CHECK(first.output.find("\"count\": 1200") != std::string::npos);
    CHECK(f.count("SELECT count(*) FROM enterprises") == "1200\n");

    auto const again = run("list import " + f.list + " --db " + f.db);
    CHECK(again.exit_code == 0);
    CHECK(again.output.find("\"version\": 1") != std::string::npos);
    CHECK(f.count("SELECT count(*) FROM lists") == "1\n");

    // A bad plant near the end: the plants before it were being stored, and are undone.
    std::ifstream in(f.list);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto const last_grade = text.rfind("\"grade\":\"");
    text.replace(last_grade, 9, "\"grade\":\"Z");
    std::ofstream(f.list) << text;
    auto const bad = run("list import " + f.list + " --db " + f.db);
    INFO(bad.output);
    CHECK(bad.exit_code == 1);
    CHECK(bad.output.find("/enterprises/1199/grade: unknown grade") != std::string::npos);
    CHECK(f.count("SELECT count(*) FROM lists") == "1\n");
    CHECK(f.count("SELECT count(*) FROM enterprises") == "1200\n");
}

TEST_CASE("list import shows its progress on a terminal, and nothing more in a pipe", "[integration][cli][lists]") {
    ImportFiles f;
    REQUIRE(run("list generate --count 30000 > " + f.list).exit_code == 0);
    auto const piped = run("list import " + f.list + " --db " + f.db + ".piped");
    CHECK(piped.exit_code == 0);
    CHECK(piped.output.find("rows read") == std::string::npos);
    // script(1) gives the command a terminal; a 30,000-plant import lasts long enough to be shown.
    auto const shown = shell("script -qec '" HG_EXECUTABLE " list import " + f.list + " --db " + f.db + "' /dev/null");
    INFO(shown.output);
    CHECK(shown.exit_code == 0);
    CHECK(shown.output.find(" rows read, ") != std::string::npos);
    CHECK(shown.output.find(": done in ") != std::string::npos);
}
