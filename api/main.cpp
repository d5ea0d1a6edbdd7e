// hazeguard: heavy-pollution-weather emergency response. The entry point: parses the command line
// with CLI11 (the only translation unit that includes it: it is slow to compile) and runs one
// subcommand. Every option is checked here, so a bad command line creates nothing.
#include <arpa/inet.h>

#include <cctype>
#include <cmath>
#include <string_view>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "api/cli/commands.hpp"
#include "engine/service/identity/tokens.hpp"
#include "engine/time/timestamp.hpp"

namespace cli = hazeguard::cli;

namespace {

// A usage error: 2, as a shell expects.
constexpr int kUsageError = 2;

CLI::Validator const kRfc3339(
    [](std::string const& v) {
        return hazeguard::engine::parse_rfc3339(v) ? std::string()
                                                   : v + " is not an RFC 3339 time with offset, e.g. 2026-12-14T10:00:00+08:00";
    },
    "TIME");

CLI::Validator const kIpAddress(
    [](std::string const& v) {
        unsigned char buf[16];
        return ::inet_pton(AF_INET, v.c_str(), buf) == 1 || ::inet_pton(AF_INET6, v.c_str(), buf) == 1
                   ? std::string()
                   : v + " is not an IPv4 or IPv6 address";
    },
    "IP");

CLI::Validator const kSpeed(
    [](std::string const& v) {
        double x = 0;
        return CLI::detail::lexical_cast(v, x) && std::isfinite(x) && x > 0 && x <= 1e6
                   ? std::string()
                   : v + " is not a speed: more than 0 and at most 1000000 simulated seconds per real second";
    },
    "SPEED");

// The base of the links the server publishes (the CAP feed): http(s)://host[:port][/path], no
// query, fragment or spaces.
CLI::Validator const kPublicUrl(
    [](std::string const& v) {
        auto const scheme = v.rfind("https://", 0) == 0 ? 8u : v.rfind("http://", 0) == 0 ? 7u : 0u;
        bool ok = scheme > 0 && v.size() > scheme && v.size() <= 200 && v[scheme] != '/';
        for (unsigned char ch : v)
            if (!(std::isalnum(ch) || std::string_view("-._~:/%@").find(static_cast<char>(ch)) != std::string_view::npos)) ok = false;
        return ok ? std::string() : v + " is not a base URL such as https://hbj.example.gov.cn/hazeguard";
    },
    "URL");

std::string const kDb = "the SQLite database file";
std::string const kPlan = "a plan file instead of the embedded Taiyuan plan";

void add_serve(CLI::App& app, cli::ServeOptions& o) {
    auto* s = app.add_subcommand("serve", "serve the HTTP API and fire timers");
    s->add_option("--port", o.port, "TCP port")->check(CLI::Range(1, 65535))->capture_default_str();
    s->add_option("--address", o.address, "address to listen on")->check(kIpAddress)->capture_default_str();
    s->add_option("--db", o.db, kDb + " (default var/hazeguard.sqlite, var/drill.sqlite for a drill)");
    s->add_option("--plan", o.plan, kPlan)->check(CLI::ExistingFile);
    auto* start = s->add_option("--drill-start", o.drill_start, "run a drill on a simulated clock from this time")
                      ->check(kRfc3339);
    s->add_option("--drill-speed", o.drill_speed, "simulated seconds per real second (60: a minute is an hour)")
        ->check(kSpeed)
        ->needs(start)
        ->capture_default_str();
    auto* demo = s->add_option("--demo-tokens", o.demo_tokens, "where the first start writes one token per role (0600)")
                     ->capture_default_str();
    s->add_flag("--no-demo-tokens", o.no_demo_tokens, "write no demo tokens")->excludes(demo);
    s->add_option("--demo-accounts", o.demo_accounts,
                  "on a first start (no console account yet), create demo console accounts and write their logins "
                  "and passwords to this file (0600)");
    s->add_option("--threads", o.threads, "I/O threads")->check(CLI::Range(1, 256))->capture_default_str();
    auto* list = s->add_option("--list", o.list, "the emission-reduction list to load when the database has none")
                     ->check(CLI::ExistingFile);
    auto* size = s->add_option("--sample-size", o.sample_size, "plants in the generated sample list")
                     ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000}))
                     ->excludes(list)
                     ->capture_default_str();
    s->add_flag("--no-sample-list", o.no_sample_list, "load no list on first start")->excludes(list)->excludes(size);
    s->add_option("--max-connections", o.max_connections, "connections at once; more get 503 (lowered to the open-file limit)")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    s->add_option("--max-body-mib-in-flight", o.max_body_mib_in_flight,
                  "MiB of request bodies held at once, all connections together; more get 503")
        ->check(CLI::Range(1, 65536))
        ->capture_default_str();
    s->add_option("--public-url", o.public_url,
                  "the address the public reaches this server at, for the links it publishes (default: http://ADDRESS:PORT)")
        ->check(kPublicUrl);
    s->add_option("--webhook-ca", o.webhook_ca, "CA certificates (PEM) to trust for HTTPS webhooks, beside the system's")
        ->check(CLI::ExistingFile);
    auto* sms = s->add_option("--sms-gateway", o.sms_gateway,
                              "send the plants' orders by SMS through this Alibaba Cloud SMS endpoint (e.g. "
                              "https://dysmsapi.aliyuncs.com/); the AccessKey comes from HG_SMS_ACCESS_KEY_ID and "
                              "HG_SMS_ACCESS_KEY_SECRET")
                    ->check(kPublicUrl);
    s->add_option("--dispatchers", o.dispatchers, "webhooks and text messages sent side by side (each dispatcher one at a time)")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    s->add_option("--sms-sign-name", o.sms_sign_name, "the approved SMS signature (签名), e.g. 太原市生态环境局")->needs(sms);
    s->add_option("--sms-template", o.sms_templates,
                  "KIND=CODE: the approved template of order, termination, cancellation, reminder, notice and escalation messages "
                  "(docs/delivery.md gives their wording)")
        ->needs(sms);
    s->add_option("--session-idle-minutes", o.session_idle_minutes, "a console session unused this long is signed out")
        ->check(CLI::Range(1, 24 * 60))
        ->capture_default_str();
    s->add_option("--drain-seconds", o.drain_seconds, "on SIGTERM, how long requests in progress may take")
        ->check(CLI::Range(0, 600))
        ->capture_default_str();
}

void add_token(CLI::App& app, cli::TokenCreateOptions& c, cli::TokenListOptions& l, cli::TokenRevokeOptions& r) {
    auto* token = app.add_subcommand("token", "bearer tokens: create, list, revoke");
    token->require_subcommand(1);
    auto* create = token->add_subcommand("create", "create a token and print it (the only time it is shown)");
    create->add_option("--role", c.role, "duty_officer, approver, enterprise, department, auditor or admin");
    create->add_option("--name", c.name, "who holds it, as the records show");
    create->add_option("--authority", c.authority, "an approver's signing authority from the plan, e.g. mayor");
    create->add_option("--enterprise", c.enterprise, "an enterprise token's credit code");
    create->add_option("--expires-in", c.expires_in_days,
                       "days until it expires (default: 90, enterprise tokens the end of the year)")
        ->check(CLI::Range(1, hazeguard::service::kMaxTokenDays));
    create->add_option("--db", c.db, kDb)->capture_default_str();
    create->add_option("--plan", c.plan, kPlan)->check(CLI::ExistingFile);
    auto* list = token->add_subcommand("list", "list active tokens (never the tokens themselves)");
    list->add_flag("--all", l.all, "also revoked and expired tokens");
    list->add_option("--db", l.db, kDb)->capture_default_str();
    list->add_option("--plan", l.plan, kPlan + " (its UTC offset formats the times)")->check(CLI::ExistingFile);
    auto* revoke = token->add_subcommand("revoke", "revoke a token by its id (see token list); a running server refuses it at once");
    revoke->add_option("ID", r.id, "the token's id")->required()->check(CLI::PositiveNumber);
    revoke->add_option("--db", r.db, kDb)->capture_default_str();
}

void add_user(CLI::App& app, cli::UserCreateOptions& c) {
    auto* user = app.add_subcommand("user", "staff accounts that sign in to the console");
    user->require_subcommand(1);
    auto* create = user->add_subcommand("create", "create an account; the password is read from standard input");
    create->add_option("--role", c.role, "duty_officer, approver, department, auditor or admin")->required();
    create->add_option("--name", c.name, "who holds it, as the records show")->required();
    create->add_option("--authority", c.authority, "an approver's signing authority from the plan, e.g. mayor");
    create->add_option("--login", c.login, "the name typed at sign-in: letters, digits, '.', '_', '-'")->required();
    create->add_option("--db", c.db, kDb)->capture_default_str();
    create->add_option("--plan", c.plan, kPlan)->check(CLI::ExistingFile);
}

void add_lists(CLI::App& app, cli::ListImportOptions& i, cli::ListGenerateOptions& g, cli::ObservationsImportOptions& obs) {
    auto* list = app.add_subcommand("list", "the emission-reduction list (应急减排清单)");
    list->require_subcommand(1);
    auto* import = list->add_subcommand(
        "import", "validate and import a list (JSON or CSV); on a terminal, shows rows read, valid and stored");
    import->add_option("FILE", i.file, "FILE.json or FILE.csv")->required()->check(CLI::ExistingFile);
    import->add_flag("--dry-run", i.dry_run, "validate only, store nothing");
    import->add_option("--db", i.db, kDb)->capture_default_str();
    import->add_option("--plan", i.plan, kPlan)->check(CLI::ExistingFile);
    auto* generate = list->add_subcommand("generate", "print a realistic generated list as JSON");
    generate->add_option("--count", g.count, "plants")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000}))
        ->capture_default_str();
    generate->add_option("--seed", g.seed, "random seed")
        ->check(CLI::Range(std::uint64_t{0}, std::uint64_t{0xFFFFFFFF}))
        ->capture_default_str();
    generate->add_option("--plan", g.plan, kPlan)->check(CLI::ExistingFile);

    auto* observations = app.add_subcommand("observations", "observed air quality");
    observations->require_subcommand(1);
    auto* o = observations->add_subcommand("import", "import observations (the monitoring network's CSV, or JSON)");
    o->add_option("FILE", obs.file, "FILE.csv or FILE.json")->required()->check(CLI::ExistingFile);
    o->add_option("--source", obs.source, "where the values come from (default: the file name)");
    o->add_option("--db", obs.db, kDb)->capture_default_str();
    o->add_option("--plan", obs.plan, kPlan)->check(CLI::ExistingFile);
}

void add_roster(CLI::App& app, cli::RosterOptions& i, cli::RosterOptions& show) {
    auto* roster = app.add_subcommand("roster", "the roster of notice recipients (通知接收单位名单)");
    roster->require_subcommand(1);
    auto* import = roster->add_subcommand("import", "validate and import a roster (JSON, docs/roster-format.md) as a new version");
    import->add_option("FILE", i.file, "FILE.json")->required()->check(CLI::ExistingFile);
    import->add_option("--db", i.db, kDb)->capture_default_str();
    import->add_option("--plan", i.plan, kPlan)->check(CLI::ExistingFile);
    auto* s = roster->add_subcommand("show", "print the roster in force with its version");
    s->add_option("--db", show.db, kDb)->capture_default_str();
    s->add_option("--plan", show.plan, kPlan)->check(CLI::ExistingFile);
}

void add_report(CLI::App& app, cli::ReportOptions& o) {
    auto* r = app.add_subcommand("report", "the post-event evaluation report (后评估) of an episode");
    r->add_option("EPISODE", o.episode, "the episode id")->required()->check(CLI::PositiveNumber);
    r->add_option("--format", o.format, "json, html or csv")->check(CLI::IsMember({"json", "html", "csv"}))->capture_default_str();
    r->add_option("--output", o.output, "write to FILE instead of stdout");
    r->add_option("--db", o.db, kDb)->capture_default_str();
    r->add_option("--plan", o.plan, kPlan)->check(CLI::ExistingFile);
}

void add_operations(CLI::App& app, cli::BackupOptions& backup, cli::AuditVerifyOptions& verify) {
    auto* b = app.add_subcommand("backup", "an online, consistent copy of the database, while the server runs");
    b->add_option("FILE", backup.file, "where to write the copy (must not exist)")->required();
    b->add_option("--db", backup.db, kDb)->capture_default_str();
    auto* audit = app.add_subcommand("audit", "the tamper-evident timeline");
    audit->require_subcommand(1);
    auto* v = audit->add_subcommand("verify", "walk the timeline's hash chain; report the first altered or missing row");
    v->add_option("--db", verify.db, kDb)->capture_default_str();
    v->add_option("--expect-head", verify.expect_head, "a head hash recorded earlier: it must still be in the chain")
        ->check(CLI::Validator([](std::string const& h) { return h.empty() ? "must not be empty" : ""; }, "HASH"));
}

// The error, then the usage of the (sub)command it concerns.
std::string failure(CLI::App const* app, CLI::Error const& e) {
    CLI::App const* at = app;
    for (auto subs = at->get_subcommands(); !subs.empty(); subs = at->get_subcommands()) at = subs.back();
    std::string name;
    for (auto const* a = at; a; a = a->get_parent()) name = a->get_name() + (name.empty() ? "" : " " + name);
    std::string what = e.what();
    // "hazeguard frobnicate" is not a missing subcommand: it is an unknown one.
    if (auto const extra = at->remaining(); !extra.empty() && at->get_require_subcommand_min() > 0)
        what = "unknown command '" + extra.front() + "'";
    CLI::Formatter usage;
    usage.label("Usage", "usage");
    return "hazeguard: " + what + "\n" + usage.make_usage(at, name) + "run '" + name + " --help' for more\n";
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app("hazeguard: heavy-pollution-weather emergency response (重污染天气应急响应)", "hazeguard");
    app.get_formatter()->label("Usage", "usage");
    app.set_version_flag("--version", "hazeguard " HG_VERSION);
    app.require_subcommand(1);
    app.failure_message(failure);

    cli::ServeOptions serve;
    std::string plan_file;
    cli::TokenCreateOptions token_create;
    cli::TokenListOptions token_list;
    cli::TokenRevokeOptions token_revoke;
    cli::UserCreateOptions user_create;
    cli::ListImportOptions list_import;
    cli::ListGenerateOptions list_generate;
    cli::RosterOptions roster_import, roster_show;
    cli::ObservationsImportOptions observations_import;
    cli::ReportOptions report;
    cli::BackupOptions backup;
    cli::AuditVerifyOptions audit_verify;
    add_serve(app, serve);
    auto* plan = app.add_subcommand("plan", "emergency plans");
    plan->require_subcommand(1);
    plan->add_subcommand("check", "validate a plan file; print every problem with its JSON pointer")
        ->add_option("FILE", plan_file, "the plan (JSON)")
        ->required()
        ->check(CLI::ExistingFile);
    add_token(app, token_create, token_list, token_revoke);
    add_user(app, user_create);
    add_lists(app, list_import, list_generate, observations_import);
    add_roster(app, roster_import, roster_show);
    add_report(app, report);
    add_operations(app, backup, audit_verify);

    try {
        app.parse(argc, argv);
    } catch (CLI::ParseError const& e) {
        int const rc = app.exit(e);  // prints help, the version, or failure()
        return rc == 0 ? 0 : kUsageError;
    }
    auto chosen = [&](char const* command, char const* sub = nullptr) {
        auto* c = app.get_subcommand(command);
        return c->parsed() && (!sub || c->get_subcommand(sub)->parsed());
    };
    if (chosen("serve")) return cli::serve(serve);
    if (chosen("plan", "check")) return cli::plan_check(plan_file);
    if (chosen("token", "create")) return cli::token_create(token_create);
    if (chosen("user", "create")) return cli::user_create(user_create);
    if (chosen("token", "list")) return cli::token_list(token_list);
    if (chosen("token", "revoke")) return cli::token_revoke(token_revoke);
    if (chosen("list", "import")) return cli::list_import(list_import);
    if (chosen("list", "generate")) return cli::list_generate(list_generate);
    if (chosen("roster", "import")) return cli::roster_import(roster_import);
    if (chosen("roster", "show")) return cli::roster_show(roster_show);
    if (chosen("observations", "import")) return cli::observations_import(observations_import);
    if (chosen("report")) return cli::report(report);
    if (chosen("backup")) return cli::backup(backup);
    if (chosen("audit", "verify")) return cli::audit_verify(audit_verify);
    return kUsageError;  // unreachable: a subcommand is required
}
