// The hazeguard executable's subcommands, run as a user would.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "tests/integration/integration_fixture.hpp"

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

// --- the command line (CLI11): help, version, checked numbers, nothing created for bad arguments ---

namespace {

/// @brief A fresh directory under the temp directory for one test's files, removed at the end.
struct TempDir {
    std::filesystem::path path = temp_path("dir-" + std::to_string(counter()++));
    TempDir() {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string operator/(std::string const& name) const { return (path / name).string(); }
    bool empty() const { return std::filesystem::is_empty(path); }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

}  // namespace

TEST_CASE("--help of every command exits 0 and shows its usage, --version the project version", "[integration][cli]") {
    for (auto const* command : {"", "serve", "plan", "plan check", "token", "token create", "token list", "token revoke",
                                "list", "list import", "list generate", "observations", "observations import", "report"}) {
        auto const r = run(std::string(command) + " --help");
        INFO(command << ": " << r.output);
        CHECK(r.exit_code == 0);
        CHECK(r.output.find(std::string("usage: hazeguard ") + command) != std::string::npos);
    }
    CHECK(run("serve --help").output.find("--drill-speed") != std::string::npos);
    CHECK(run("token create --help").output.find("--expires-in") != std::string::npos);
    auto const v = run("--version");
    CHECK(v.exit_code == 0);
    CHECK(v.output == "hazeguard " HG_VERSION "\n");
}

TEST_CASE("a bad command line exits 2 naming the option, in CLI words, and creates nothing", "[integration][cli]") {
    TempDir dir;
    std::string const files = " --db " + (dir / "x.sqlite") + " --demo-tokens " + (dir / "tokens.txt");
    struct Case {
        std::string args;
        std::string says;
    };
    std::vector<Case> const cases = {
        {"serve --port abc" + files, "--port"},
        {"serve --port 99999" + files, "99999 not in range 1 to 65535"},
        {"serve --port 0" + files, "--port"},
        {"serve --port -1" + files, "--port"},
        {"serve --threads 0" + files, "--threads"},
        {"serve --threads 257" + files, "--threads"},
        {"serve --drill-start 2026-12-14T10:00:00+08:00 --drill-speed 0" + files, "--drill-speed"},
        {"serve --drill-start 2026-12-14T10:00:00+08:00 --drill-speed nan" + files, "--drill-speed"},
        {"serve --drill-speed 60" + files, "--drill-start"},
        {"serve --drill-start yesterday" + files, "RFC 3339"},
        {"serve --sample-size 0" + files, "--sample-size"},
        {"serve --list /nonexistent/list.json" + files, "--list"},
        {"serve --address localhost:80" + files, "--address"},
        {"serve --no-demo-tokens" + files, "--demo-tokens"},
        {"serve --frobnicate" + files, "--frobnicate"},
        {"token create --role duty_officer --name x --expires-in 0 --db " + (dir / "x.sqlite"), "--expires-in"},
        {"token create --role duty_officer --name x --expires-in 3651 --db " + (dir / "x.sqlite"), "--expires-in"},
        {"token revoke abc --db " + (dir / "x.sqlite"), "ID"},
        {"token revoke 0 --db " + (dir / "x.sqlite"), "ID"},
        {"token revoke --db " + (dir / "x.sqlite"), "ID"},
        {"token frobnicate", "frobnicate"},
        {"list generate --count 0", "--count"},
        {"list generate --count 1e9", "--count"},
        {"list generate --seed -1", "--seed"},
        {"list import /nonexistent/list.json --db " + (dir / "x.sqlite"), "/nonexistent/list.json"},
        {"observations import /nonexistent/o.csv --db " + (dir / "x.sqlite"), "/nonexistent/o.csv"},
        {"report abc --db " + (dir / "x.sqlite"), "EPISODE"},
        {"report 0 --db " + (dir / "x.sqlite"), "EPISODE"},
        {"", "subcommand"},
    };
    for (auto const& c : cases) {
        auto const r = run(c.args);
        INFO(c.args << "\n" << r.output);
        CHECK(r.exit_code == 2);
        CHECK(r.output.find(c.says) != std::string::npos);
        CHECK(r.output.find("usage: hazeguard") != std::string::npos);
        CHECK(r.output.find("stoi") == std::string::npos);
        CHECK(r.output.find("problem") == std::string::npos);
        CHECK(r.output.find("422") == std::string::npos);
        CHECK(dir.empty());
    }
}

TEST_CASE("token create refuses a bad principal before it creates a database", "[integration][cli]") {
    TempDir dir;
    auto const r = run("token create --role approver --name x --authority emperor --db " + (dir / "x.sqlite"));
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("--authority: ") != std::string::npos);
    CHECK(run("token create --role enterprise --name x --db " + (dir / "x.sqlite")).output.find("--enterprise: ") !=
          std::string::npos);
    CHECK(dir.empty());
}

TEST_CASE("token list shows ids, roles and expiry, never a token, token revoke revokes by id", "[integration][cli]") {
    TempDir dir;
    std::string const db = " --db " + (dir / "t.sqlite");
    CHECK(run("token list" + db).exit_code == 1);   // no database: nothing to list, and none is created
    CHECK(run("token revoke 1" + db).exit_code == 1);
    CHECK(dir.empty());
    auto const duty = run("token create --role duty_officer --name 值班员张伟" + db).output;
    auto const ent = run("token create --role enterprise --name 晋阳示例焦化 --enterprise 91140121MA0TE00013 --expires-in 30" + db).output;
    auto const list = run("token list" + db);
    INFO(list.output);
    CHECK(list.exit_code == 0);
    CHECK(list.output.rfind("id\tstatus\trole\tname\tauthority/enterprise\tcreated\texpires\trevoked\thash\n", 0) == 0);
    CHECK(list.output.find("\n1\tactive\tduty_officer\t值班员张伟\t-\t") != std::string::npos);
    CHECK(list.output.find("\n2\tactive\tenterprise\t晋阳示例焦化\t91140121MA0TE00013\t") != std::string::npos);
    CHECK(list.output.find(duty.substr(0, 43)) == std::string::npos);
    CHECK(list.output.find(ent.substr(0, 43)) == std::string::npos);

    auto const revoked = run("token revoke 1" + db);
    CHECK(revoked.exit_code == 0);
    CHECK(revoked.output.find("revoked token 1 (duty_officer 值班员张伟)") != std::string::npos);
    CHECK(run("token revoke 1" + db).output.find("already revoked") != std::string::npos);
    auto const missing = run("token revoke 99" + db);
    CHECK(missing.exit_code == 1);
    CHECK(missing.output.find("there is no token 99") != std::string::npos);
    CHECK(run("token list" + db).output.find("\n1\t") == std::string::npos);
    auto const all = run("token list --all" + db).output;
    CHECK(all.find("\n1\trevoked\tduty_officer\t") != std::string::npos);
    CHECK(all.find(" by cli") != std::string::npos);
}

// --- tokens against a running server ------------------------------------------------------------

TEST_CASE("demo tokens: a 0600 file, masked on the console, the README's awk reads them", "[integration][cli]") {
    hazeguard::test::LiveServer s;
    auto const file = std::filesystem::path(s.db()).parent_path() / "tokens.txt";
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    auto const awk = ::popen(("awk '$1==\"duty_officer\"{print $3; exit}' " + file.string()).c_str(), "r");
    REQUIRE(awk != nullptr);
    std::array<char, 128> buf{};
    std::string const duty = std::fgets(buf.data(), buf.size(), awk) ? std::string(buf.data()) : "";
    ::pclose(awk);
    CHECK(duty == s.token("duty_officer") + "\n");
    auto const log = s.log();
    INFO(log);
    CHECK(log.find("demo tokens written to " + file.string()) != std::string::npos);
    CHECK(log.find("admin 系统管理员 " + s.token("admin").substr(0, 7) + "…") != std::string::npos);
    for (auto const* role : {"duty_officer", "approver:mayor", "enterprise", "admin"}) {
        CHECK(log.find(s.token(role)) == std::string::npos);
        CHECK(log.find(s.token(role).substr(0, 12)) == std::string::npos);
    }
}

TEST_CASE("token revoke from the command line is noticed by the running server", "[integration][cli]") {
    hazeguard::test::LiveServer s;
    REQUIRE(s.get("/v1/status", "department").status == 200);   // the server has cached it
    std::int64_t id = 0;
    auto const tokens = s.get("/v1/tokens", "admin");
    for (auto const& t : tokens.body.at("items"))
        if (t.at("role") == "department") id = t.at("id").get<std::int64_t>();
    REQUIRE(id > 0);
    auto const r = run("token revoke " + std::to_string(id) + " --db " + s.db());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    // The serve loop checks every 200 ms; the bound is only there so that a broken build fails.
    int status = 0;
    for (int i = 0; i < 300 && (status = s.get("/v1/status", "department").status) != 401; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(status == 401);
    CHECK(s.get("/v1/status", "duty_officer").status == 200);
}
