// `hazeguard list import` of a file, run as a user would: stored while it is read, still all or
// nothing, the same file again is the current version, and progress only on a terminal.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/enterprises/list_import.hpp"
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
    REQUIRE(run("list generate --count 3000 > " + f.list).exit_code == 0);
    auto const piped = run("list import " + f.list + " --db " + f.db + ".piped");
    CHECK(piped.exit_code == 0);
    CHECK(piped.output.find("rows read") == std::string::npos);
    CHECK(piped.output.find('\r') == std::string::npos);
    // script(1) gives the command a terminal; the line is drawn at the first report and at the
    // reading's first (1,000 rows), so any import of more than 1,000 plants shows rows and an estimate.
    auto const reply = (f.dir / "reply.json").string();
    auto const shown = shell("script -qec '" HG_EXECUTABLE " list import " + f.list + " --db " + f.db + " > " + reply + "' /dev/null");
    INFO(shown.output);
    CHECK(shown.exit_code == 0);
    CHECK(shown.output.find("list.json: 1,000 rows read, 1,000 valid, ") != std::string::npos);
    CHECK(shown.output.find(" s left") != std::string::npos);
    CHECK(shown.output.find("list.json: done in ") != std::string::npos);
    // stdout redirected while stderr is the terminal: the reply alone, no line drawing in it.
    auto const stored = shell("cat " + reply);
    CHECK(stored.output.find("\"count\": 3000") != std::string::npos);
    CHECK(stored.output.find('\r') == std::string::npos);
    CHECK(stored.output.find('\033') == std::string::npos);
}

TEST_CASE("a CSV list import shows its progress on a terminal too", "[integration][cli][lists]") {
    ImportFiles f;
    std::string const csv = (f.dir / "list.csv").string();
    {
        std::ofstream out(csv);
        out << "credit_code,name,district,industry,grade,lines,so2_t_per_year,nox_t_per_year,pm_t_per_year,"
               "vocs_t_per_year,contact_name,contact_phone\n";
        for (int i = 0; i < 1500; ++i) {  // 1,500 valid rows, then a bad grade in the last
            std::string first17 = "91140121MA" + std::to_string(1000000 + i);
            out << first17 << hazeguard::engine::credit_code_check_char(first17) << ",示例企业" << i
                << "有限公司,清徐县,焦化," << (i == 1499 ? "Z" : "B") << ",CO-1:焦炉1号,96,420,72,210,王建国,0351-5710001\n";
        }
    }
    auto const shown = shell("script -qec '" HG_EXECUTABLE " list import " + csv + " --db " + f.db + "' /dev/null");
    INFO(shown.output);
    CHECK(shown.exit_code == 1);
    CHECK(shown.output.find("list.csv: 1,000 rows read, 1,000 valid, ") != std::string::npos);
    CHECK(shown.output.find("/rows/1500/grade: unknown grade") != std::string::npos);
    CHECK(f.count("SELECT count(*) FROM enterprises") == "0\n");
}
