// The hazeguard executable's subcommands, run as a user would.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/integration/cli_run.hpp"

using hazeguard::test::run;

namespace {

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

TEST_CASE("observations import reads the monitoring CSV and a second import changes nothing", "[integration][cli]") {
    auto const db = temp_path("observations.sqlite");
    auto const first = run("observations import " HG_SOURCE_DIR "/docs/examples/observations-s14.csv --db " + db);
    INFO(first.output);
    CHECK(first.exit_code == 0);
    CHECK(first.output.find("\"created\": 12") != std::string::npos);
    auto const again = run("observations import " HG_SOURCE_DIR "/docs/examples/observations-s14.csv --db " + db);
    CHECK(again.exit_code == 0);
    CHECK(again.output.find("\"unchanged\": 12") != std::string::npos);
    for (char const* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

TEST_CASE("observations import names the CSV line of every bad value and stores nothing", "[integration][cli]") {
    auto const db = temp_path("bad-observations.sqlite");
    auto const csv = temp_path("bad-observations.csv");
    std::ofstream(csv) << "时间,AQI\n2026-12-16,207\n2026-12-17 05:30,215\n2026-12-18,厉害\n";
    auto const bad = run("observations import " + csv + " --db " + db);
    CHECK(bad.exit_code == 1);
    CHECK(bad.output.find("line 3: an hourly value must start on the hour") != std::string::npos);
    CHECK(bad.output.find("line 4: aqi must be a whole number") != std::string::npos);
    // values the service refuses are named by line too
    std::ofstream(csv) << "时间,AQI\n2026-12-16,207\n2026-12-17,999\n";
    auto const range = run("observations import " + csv + " --db " + db);
    CHECK(range.exit_code == 1);
    CHECK(range.output.find("line 3: aqi") != std::string::npos);
    std::filesystem::remove(csv);
    for (char const* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

TEST_CASE("report refuses an unknown episode and an unknown format", "[integration][cli]") {
    auto const db = temp_path("report.sqlite");
    auto const missing = run("report 9 --db " + db);
    CHECK(missing.exit_code == 1);
    CHECK(missing.output.find("episode 9") != std::string::npos);
    CHECK(run("report 1 --format pdf --db " + db).exit_code == 2);
    CHECK(run("report --db " + db).exit_code == 2);
    for (char const* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}
