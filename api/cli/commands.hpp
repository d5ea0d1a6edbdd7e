#pragma once
/// @file commands.hpp
/// @brief The subcommands of the `hazeguard` executable; each returns the process exit code. Their
/// options are parsed and range-checked by api/main.cpp (CLI11) before a command runs, so a command
/// starts only with valid arguments and nothing is created for a bad command line.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/service/service.hpp"
#include "plans/plan.hpp"

namespace hazeguard::cli {

inline constexpr char kDefaultDb[] = "var/hazeguard.sqlite";

struct ServeOptions {
    int port = 8765;
    std::string address = "127.0.0.1";
    std::string db;           ///< empty: var/hazeguard.sqlite, or var/drill.sqlite for a drill
    std::string plan;         ///< empty: the embedded Taiyuan plan
    std::string drill_start;  ///< empty: live; else an RFC 3339 time with offset
    double drill_speed = 1;
    std::string demo_tokens = "var/demo-tokens.txt";
    bool no_demo_tokens = false;
    std::string demo_accounts;  ///< empty: none; else where the first start writes demo console accounts
    int threads = 4;
    std::string list;         ///< empty: the generated sample list
    std::uint64_t sample_size = 1555;
    bool no_sample_list = false;
    std::size_t max_connections = 4096;
    std::size_t max_body_mib_in_flight = 768;
    int drain_seconds = 10;
    std::string public_url;   ///< empty: http://address:port
    std::string webhook_ca;   ///< extra CA certificates (PEM) trusted for HTTPS webhooks
    std::string sms_gateway;  ///< empty: no SMS; else the gateway's SendSms URL (Alibaba Cloud SMS)
    std::string sms_sign_name;
    std::vector<std::string> sms_templates;  ///< KIND=CODE: order, termination, cancellation, reminder, notice, escalation
    int dispatchers = 4;      ///< webhooks and text messages sent side by side
    int session_idle_minutes = 30;  ///< a console session unused this long is signed out
};

struct UserCreateOptions {
    std::string role, name, authority, login;
    std::string db = kDefaultDb, plan;
};

struct TokenCreateOptions {
    std::string role, name, authority, enterprise;
    int expires_in_days = 0;  ///< 0: the role's default
    std::string db = kDefaultDb, plan;
};

struct TokenListOptions {
    bool all = false;
    std::string db = kDefaultDb, plan;
};

struct TokenRevokeOptions {
    std::int64_t id = 0;
    std::string db = kDefaultDb;
};

struct ListImportOptions {
    std::string file;
    bool dry_run = false;
    std::string db = kDefaultDb, plan;
};

struct RosterOptions {
    std::string file;  ///< import only
    std::string db = kDefaultDb, plan;
};

struct ListGenerateOptions {
    std::uint64_t count = 1555;
    std::uint64_t seed = 2026;
    std::string plan;
};

struct ObservationsImportOptions {
    std::string file, source;
    std::string db = kDefaultDb, plan;
};

struct ReportOptions {
    std::int64_t episode = 0;
    std::string format = "json";
    std::string output;
    std::string db = kDefaultDb, plan;
};

struct BackupOptions {
    std::string file;
    std::string db = kDefaultDb;
};

struct AuditVerifyOptions {
    std::string db = kDefaultDb;
    std::string expect_head;  ///< empty: none
};

int serve(ServeOptions const& o);                            ///< hazeguard serve [options]
int plan_check(std::string const& file);                     ///< hazeguard plan check FILE
int token_create(TokenCreateOptions const& o);               ///< hazeguard token create --role R --name N ...
int user_create(UserCreateOptions const& o);                 ///< hazeguard user create --role R --name N --login L < password
int token_list(TokenListOptions const& o);                   ///< hazeguard token list [--all]
int token_revoke(TokenRevokeOptions const& o);               ///< hazeguard token revoke ID
int list_import(ListImportOptions const& o);                 ///< hazeguard list import FILE [--dry-run]
int list_generate(ListGenerateOptions const& o);             ///< hazeguard list generate [--count N] [--seed S]
int roster_import(RosterOptions const& o);                   ///< hazeguard roster import FILE
int roster_show(RosterOptions const& o);                     ///< hazeguard roster show
int observations_import(ObservationsImportOptions const& o); ///< hazeguard observations import FILE
int report(ReportOptions const& o);                          ///< hazeguard report EPISODE [--format json|html|csv]
int backup(BackupOptions const& o);                          ///< hazeguard backup FILE [--db PATH]
int audit_verify(AuditVerifyOptions const& o);               ///< hazeguard audit verify [--db PATH] [--expect-head HASH]

/// @brief The plan to run: FILE when given, else the embedded Taiyuan plan. Returns the JSON text
/// and the plan; prints every problem and throws std::runtime_error when it is invalid.
std::pair<std::string, plans::Plan> load_plan(std::string const& file);
/// @brief The bytes of a file, or nullopt when it cannot be opened.
std::optional<std::string> read_file(std::string const& path);

}  // namespace hazeguard::cli
