// hazeguard serve: open the database, restore the machine, fire overdue timers, serve HTTP.
#include <fcntl.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>
#include <thread>

#include <nlohmann/json.hpp>

#include "api/app/application.hpp"
#include "api/cli/commands.hpp"
#include "api/resources/lists/list_json.hpp"
#include "api/server/http_server.hpp"
#include "api/server/server_log.hpp"
#include "api/delivery/sms_gateway.hpp"
#include "api/delivery/webhook_client.hpp"
#include "engine/enterprises/list_import.hpp"
#include "engine/service/identity/passwords.hpp"
#include "engine/service/service.hpp"
#include "engine/storage/sqlite/sqlite_backend.hpp"
#include "templates/renderer.hpp"

namespace hazeguard::cli {
namespace {

void log(std::string const& level, std::string const& msg, nlohmann::json extra = nlohmann::json::object()) {
    extra["ts"] = engine::format_rfc3339(service::real_now(), 0);
    extra["level"] = level;
    extra["component"] = "serve";
    extra["msg"] = msg;
    std::cerr << extra.dump() << std::endl;
}

// The SMS gateway of --sms-gateway: its signature, a template for every kind of message, and the
// AccessKey from the environment (never on the command line, where `ps` shows it).
std::optional<api::SmsGatewayOptions> sms_gateway_options(ServeOptions const& o) {
    if (o.sms_gateway.empty()) return std::nullopt;
    api::SmsGatewayOptions out;
    out.url = o.sms_gateway;
    out.sign_name = o.sms_sign_name;
    if (out.sign_name.empty()) throw std::runtime_error("--sms-gateway needs --sms-sign-name (the approved signature)");
    static constexpr std::array<char const*, 6> kKinds{"order", "termination", "cancellation", "reminder", "notice",
                                                       "escalation"};
    for (auto const& t : o.sms_templates) {
        auto const eq = t.find('=');
        std::string const kind = t.substr(0, eq);
        if (eq == std::string::npos || eq + 1 == t.size() ||
            std::none_of(kKinds.begin(), kKinds.end(), [&](char const* k) { return kind == k; }))
            throw std::runtime_error("--sms-template " + t + ": write KIND=CODE, KIND one of order, termination, "
                                     "cancellation, reminder, notice, escalation");
        out.templates[kind] = t.substr(eq + 1);
    }
    for (char const* kind : kKinds)
        if (!out.templates.count(kind))
            throw std::runtime_error(std::string("--sms-gateway needs --sms-template ") + kind + "=CODE");
    char const* id = std::getenv("HG_SMS_ACCESS_KEY_ID");
    char const* secret = std::getenv("HG_SMS_ACCESS_KEY_SECRET");
    if (!id || !*id || !secret || !*secret)
        throw std::runtime_error("--sms-gateway needs HG_SMS_ACCESS_KEY_ID and HG_SMS_ACCESS_KEY_SECRET in the environment");
    out.credentials = {id, secret};
    return out;
}

// "hg_3f2a…": enough to tell tokens apart in a log, useless to an attacker.
std::string masked(std::string const& token) { return token.substr(0, 7) + "…"; }

// A file only its owner may read: created 0600 (never world-readable, not even for a moment). A
// leftover file (say, of a deleted database) may have another mode: replaced, never reused.
int create_private_file(std::string const& path) {
    auto const dir = std::filesystem::path(path).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) throw std::system_error(errno, std::generic_category(), path);
    int const fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create " + path);
    return fd;
}

void write_and_close(int fd, std::string const& text, std::string const& path) {
    bool const written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    int const error = errno;
    ::close(fd);
    if (!written) throw std::system_error(error, std::generic_category(), "cannot write " + path);
}

// First start only: one token per role, so the README's tour works out of the box. The file is
// the only place the tokens appear in full: neither stdout nor the log gets more than a masked
// prefix.
void write_demo_tokens(service::Service& s, std::string const& path) {
    struct Demo {
        char const* role;
        char const* name;
        char const* authority;
        char const* enterprise;
    };
    static constexpr Demo kDemo[] = {
        {"duty_officer", "值班员张伟", "", ""},       {"duty_officer", "值班员刘洋", "", ""},
        {"approver", "副市长李明", "deputy_mayor", ""}, {"approver", "市长王强", "mayor", ""},
        {"approver", "应急办赵敏", "office", ""},       {"enterprise", "晋阳示例焦化", "", "91140121MA0TE00013"},
        {"department", "市生态环境局", "", ""},         {"auditor", "评估员陈静", "", ""},
        {"admin", "系统管理员", "", ""}};
    int const fd = create_private_file(path);
    std::string text = "# hazeguard demo tokens (role name token); created on first start\n";
    std::string shown;
    for (auto const& d : kDemo) {
        auto const token = s.identity().create_token({d.name, d.role, d.authority, d.enterprise});
        std::string const role = d.role + (d.authority[0] ? std::string(":") + d.authority : "");
        text += role + " " + d.name + " " + token + "\n";
        shown += "  " + role + " " + d.name + " " + masked(token) + "\n";
    }
    write_and_close(fd, text, path);
    std::cout << "demo tokens written to " << path << " (mode 0600; read one with: awk '$1==\"duty_officer\"{print $3; exit}' "
              << path << "):\n" << shown << std::flush;
}

// serve --demo-accounts, first start only (no account yet): console accounts with random
// passwords, which appear only in the file.
void write_demo_accounts(service::Service& s, std::string const& path) {
    struct Demo {
        char const* login;
        char const* role;
        char const* name;
        char const* authority;
    };
    static constexpr Demo kDemo[] = {{"zhangwei", "duty_officer", "值班员张伟", ""},
                                      {"liming", "approver", "副市长李明", "deputy_mayor"},
                                      {"wangqiang", "approver", "市长王强", "mayor"},
                                      {"chenjing", "auditor", "评估员陈静", ""},
                                      {"admin", "admin", "系统管理员", ""}};
    int const fd = create_private_file(path);
    std::string text = "# hazeguard demo console accounts (login role name password); created on first start\n";
    std::string shown;
    for (auto const& d : kDemo) {
        auto const password = service::random_secret(12);
        s.sessions().create_account_now(s.plan(), d.login, {d.name, d.role, d.authority, ""}, password);
        text += std::string(d.login) + " " + d.role + " " + d.name + " " + password + "\n";
        shown += std::string(shown.empty() ? "" : ", ") + d.login + " (" + d.name + ")";
    }
    write_and_close(fd, text, path);
    std::cout << "demo console accounts written to " << path << " (mode 0600; login and password on each line): " << shown
              << std::endl;
}

// The embedded default: when the database has no list yet, load FILE or the generated sample
// (the ten plants of domain §13 plus generated plants, 1,555 in all by default).
void load_first_list(service::Service& s, std::string const& file, std::uint64_t count) {
    std::string const size = std::to_string(count);
    if (s.lists().has_list()) return;
    service::Command cmd{{"serve", "admin", "", ""}, std::nullopt, ""};
    auto const present = [&s](service::ListImport const& r) { return api::list_import_reply(s.views(), r); };
    if (!file.empty()) {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read list file " + file);
        bool const csv = file.size() > 4 && file.substr(file.size() - 4) == ".csv";
        service::wait_for([&](service::Completion done) {
            s.lists().import_list(cmd, {csv ? "csv" : "json", {}, &in, 0}, false, file, {}, {present, std::move(done)});
        });
    } else {
        std::string text;
        engine::CanonicalListWriter writer([&](std::string_view piece) { text += piece; });
        engine::generate_list(s.plan(), count, 2026, [&](engine::Enterprise const& e) { writer.add(e); });
        writer.finish();
        service::wait_for([&](service::Completion done) {
            s.lists().import_list(cmd, text, "json", false, "sample:" + size, {present, std::move(done)});
        });
    }
    ::malloc_trim(0);  // an import's rows are gone: hand their memory back before serving
    log("info", "emission-reduction list loaded", {{"source", file.empty() ? "sample:" + size : file}});
}

/// Connections the process can really hold: the open-file limit is raised to its hard maximum,
/// and the server keeps a margin below it for the database, the log and accept() itself, so the
/// connection cap answers 503 before accept() starts failing with EMFILE.
std::size_t connection_limit(std::size_t wanted) {
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0) return wanted;
    if (files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
        ::getrlimit(RLIMIT_NOFILE, &files);
    }
    constexpr rlim_t kMargin = 64;
    if (files.rlim_cur == RLIM_INFINITY || files.rlim_cur > wanted + kMargin) return wanted;
    std::size_t const possible = files.rlim_cur > kMargin ? files.rlim_cur - kMargin : 1;
    log("warn", "connection limit lowered to what the open-file limit allows",
        {{"wanted", wanted}, {"max_connections", possible}, {"nofile", files.rlim_cur}});
    return possible;
}

}  // namespace

int serve(ServeOptions const& o) {
    try {
        auto [plan_text, plan] = load_plan(o.plan);
        templates::check_templates();
        auto sms = sms_gateway_options(o);  // a misconfigured gateway stops the start, before anything is served
        service::ServiceOptions options;
        if (!o.drill_start.empty()) {
            options.drill = true;
            options.drill_start = *engine::parse_rfc3339(o.drill_start);  // checked by the parser
            options.drill_speed = o.drill_speed;
        }
        std::string const db_path = !o.db.empty() ? o.db : options.drill ? "var/drill.sqlite" : kDefaultDb;
        service::Service svc(storage::open_backend(db_path), plan, plan_text, options);
        service::SessionSettings sessions;
        sessions.idle_seconds = static_cast<engine::Instant>(o.session_idle_minutes) * 60;
        svc.sessions().configure(sessions);
        if (!o.no_demo_tokens && !svc.identity().has_tokens()) write_demo_tokens(svc, o.demo_tokens);
        if (!o.demo_accounts.empty() && !svc.sessions().has_accounts()) write_demo_accounts(svc, o.demo_accounts);
        if (!o.no_sample_list) load_first_list(svc, o.list, o.sample_size);

        // Timers are rows: whatever fell due while we were down fires now, once.
        int const overdue = svc.fire_due_timers();
        api::Application app(svc);
        auto const metrics = app.metrics();
        svc.observe_commits(app.commit_observer());
        api::ServerOptions so;
        so.address = o.address;
        so.port = static_cast<std::uint16_t>(o.port);
        // Writes that answer after their group commit leave the I/O thread free meanwhile, so a few
        // threads serve every connection (docs/performance.md: acknowledgements).
        so.threads = o.threads;
        so.max_connections = connection_limit(o.max_connections);
        so.max_body_bytes_in_flight = o.max_body_mib_in_flight << 20;
        so.drain_seconds = o.drain_seconds;
        so.on_stop = [&app] { app.release_held_requests(); };  // held progress polls answer at once
        // Route, token, role and body limit are checked from the header, before any body is read.
        so.admit = [&app](api::RequestHead const& head) { return app.admit(head); };
        so.observe = [metrics](api::Exchange const& e) {
            api::log_access(e);
            metrics->record_request(e.method, e.labels.route, e.status, e.seconds);
        };
        api::HttpServer server(so, [&app](api::Request r, api::Respond respond) {
            app.handle(std::move(r), std::move(respond));
        });
        std::string public_url = o.public_url;
        while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
        std::string const app_public_url = public_url.empty() ? "http://" + so.address + ":" + std::to_string(so.port) : public_url;
        app.publish_at(app_public_url);
        app.read_load_from([&server] {
            auto const load = server.load();
            return std::pair{load.connections, load.body_bytes_in_flight};
        });

        std::atomic<bool> stopping{false};
        std::thread timers([&] {
            while (!stopping) {
                // Its own try: timers that keep failing must not keep a revoked token alive.
                try {
                    svc.identity().refresh_token_cache();  // a `hazeguard token revoke` from another process
                } catch (std::exception const& e) {
                    log("error", std::string("token cache: ") + e.what());
                }
                try {
                    svc.fire_due_timers();
                } catch (std::exception const& e) {
                    log("error", std::string("timer loop: ") + e.what());
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        });
        // The outbox's dispatchers, --dispatchers of them side by side, each with its shard of the
        // queue, each sending one webhook and one text message at a time and recording every
        // attempt (docs/delivery.md). What was queued before a crash is sent after the restart:
        // the rows are the queue.
        api::WebhookClientOptions webhook_options;
        webhook_options.ca_file = o.webhook_ca;
        if (sms) {
            sms->http = webhook_options;
            svc.sms().enable(app_public_url);
            std::cout << "SMS receipts and replies: " << app_public_url << "/v1/inbound/sms/" << svc.sms().inbound_token()
                      << "/receipts and /replies (enter both in the gateway's console)" << std::endl;
        }
        auto const dispatch = [&](ports::Shard shard) {
            auto const send = [&webhook_options](service::WebhookRequest const& r) {
                return api::send_webhook(r, webhook_options);
            };
            std::optional<api::KeepAliveClient> gateway;  // this dispatcher's connection to the SMS gateway
            if (sms) gateway.emplace(sms->http);
            auto const send_text = [&sms, &gateway](service::SmsMessage const& m) { return api::send_sms(m, *sms, *gateway); };
            while (!stopping) {
                int attempted = 0;
                try {  // one request at a time
                    attempted = svc.delivery().dispatch_due(send, 1, service::real_now(), shard);
                    // Texts in batches of up to 32 (one read, one write each); a gateway that fails
                    // ends the batch, so a stop still waits for one request at most.
                    if (sms) attempted += svc.sms().dispatch_due(send_text, 32, service::real_now(), shard);
                } catch (std::exception const& e) {
                    log("error", std::string("dispatcher: ") + e.what());
                }
                if (attempted == 0) std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        };
        std::vector<std::thread> dispatchers;
        for (int i = 0; i < o.dispatchers; ++i) dispatchers.emplace_back(dispatch, ports::Shard{i, o.dispatchers});
        auto const stop_threads = [&] {
            stopping = true;
            timers.join();
            for (auto& d : dispatchers) d.join();
        };
        // The timeline's head at start and stop: recorded outside the database, it lets
        // `hazeguard audit verify --expect-head` detect rows deleted from the end (docs/operations.md).
        auto const [rows, head] = svc.operations().timeline_head();
        log("info", "hazeguard serving",
            {{"timeline_rows", rows}, {"timeline_head", head}, {"address", so.address}, {"port", so.port}, {"db", db_path}, {"plan", plan.id + " " + plan.version},
             {"drill", options.drill}, {"now", engine::format_rfc3339(svc.now(), 480)}, {"overdue_timers_fired", overdue}});
        std::cout << "hazeguard listening on http://" << so.address << ":" << so.port << "  (db " << db_path
                  << (options.drill ? ", DRILL" : "") << ")\n"
                  << "console: " << app_public_url << "/  (sign in with an account from `hazeguard user create`)"
                  << std::endl;
        try {
            server.run();
        } catch (...) {  // e.g. the port is taken: stop the threads before reporting
            stop_threads();
            throw;
        }
        stop_threads();
        auto const [rows_at_stop, head_at_stop] = svc.operations().timeline_head();
        log("info", "hazeguard stopped", {{"timeline_rows", rows_at_stop}, {"timeline_head", head_at_stop}});
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard serve: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace hazeguard::cli
