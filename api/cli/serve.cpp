// hazeguard serve: open the database, restore the machine, fire overdue timers, serve HTTP.
#include <malloc.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "api/app/application.hpp"
#include "api/cli/args.hpp"
#include "api/cli/commands.hpp"
#include "api/server/http_server.hpp"
#include "api/server/server_log.hpp"
#include "engine/enterprises/list_import.hpp"
#include "engine/service/service.hpp"
#include "engine/storage/database.hpp"
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

// First start only: one token per role, so the README's tour works out of the box.
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
    std::filesystem::create_directories(std::filesystem::path(path).parent_path().empty()
                                            ? std::filesystem::path(".")
                                            : std::filesystem::path(path).parent_path());
    std::ofstream out(path);
    out << "# hazeguard demo tokens (role name token); created on first start\n";
    for (auto const& d : kDemo) {
        auto const token = s.create_token({d.name, d.role, d.authority, d.enterprise});
        out << d.role << (d.authority[0] ? std::string(":") + d.authority : "") << " " << d.name << " " << token << "\n";
    }
    out.close();
    std::cout << "demo tokens written to " << path << ":\n" << std::ifstream(path).rdbuf() << std::flush;
}

// The embedded default: when the database has no list yet, load FILE or the generated sample
// (the ten plants of domain §13 plus generated plants, 1,555 in all by default).
void load_first_list(service::Service& s, std::string const& file, std::string const& size) {
    if (s.has_list()) return;
    service::Command cmd{{"serve", "admin", "", ""}, std::nullopt, ""};
    if (!file.empty()) {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read list file " + file);
        std::ostringstream text;
        text << in.rdbuf();
        bool const csv = file.size() > 4 && file.substr(file.size() - 4) == ".csv";
        service::wait_for([&](service::Completion done) {
            s.import_list(cmd, text.str(), csv ? "csv" : "json", false, file, std::move(done));
        });
    } else {
        auto const list = engine::generate_list(s.plan(), std::stoull(size), 2026);
        service::wait_for([&](service::Completion done) {
            s.import_list(cmd, engine::to_json(list).dump(), "json", false, "sample:" + size, std::move(done));
        });
    }
    ::malloc_trim(0);  // an import's parse trees are gone: hand their memory back before serving
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

int serve(int argc, char** argv) {
    try {
        Args args(argc, argv, 2,
                  {"--port", "--address", "--db", "--plan", "--drill-start", "--drill-speed", "--demo-tokens", "--threads",
                   "--list", "--sample-size", "--max-connections", "--max-body-mib-in-flight", "--drain-seconds"},
                  {"--no-demo-tokens", "--no-sample-list"});
        auto [plan_text, plan] = load_plan(args.get_or("--plan", ""));
        templates::check_templates();
        service::ServiceOptions options;
        if (auto start = args.get("--drill-start")) {
            auto t = engine::parse_rfc3339(*start);
            if (!t) throw std::invalid_argument("--drill-start must be an RFC 3339 time with offset");
            options.drill = true;
            options.drill_start = *t;
            options.drill_speed = std::stod(args.get_or("--drill-speed", "1"));
            if (options.drill_speed <= 0) throw std::invalid_argument("--drill-speed must be positive");
        }
        std::string const db_path = args.get_or("--db", options.drill ? "var/drill.sqlite" : "var/hazeguard.sqlite");
        service::Service svc(storage::open_database(db_path), plan, plan_text, options);
        std::string const tokens_path = args.get_or("--demo-tokens", "var/demo-tokens.txt");
        if (!args.flag("--no-demo-tokens") && !svc.has_tokens()) write_demo_tokens(svc, tokens_path);
        if (!args.flag("--no-sample-list")) load_first_list(svc, args.get_or("--list", ""), args.get_or("--sample-size", "1555"));

        // Timers are rows: whatever fell due while we were down fires now, once.
        int const overdue = svc.fire_due_timers();
        api::Application app(svc);
        auto const metrics = app.metrics();
        svc.observe_commits([metrics](std::size_t jobs, double seconds, bool committed) {
            metrics->record_commit(jobs, seconds, committed);
        });
        api::ServerOptions so;
        so.address = args.get_or("--address", "127.0.0.1");
        so.port = static_cast<std::uint16_t>(std::stoi(args.get_or("--port", "8765")));
        // Writes that answer after their group commit leave the I/O thread free meanwhile, so a few
        // threads serve every connection (docs/performance.md: acknowledgements).
        so.threads = std::stoi(args.get_or("--threads", "4"));
        so.max_connections = connection_limit(std::stoul(args.get_or("--max-connections", "4096")));
        so.max_body_bytes_in_flight = std::stoull(args.get_or("--max-body-mib-in-flight", "768")) << 20;
        so.drain_seconds = std::stoi(args.get_or("--drain-seconds", "10"));
        // Route, token, role and body limit are checked from the header, before any body is read.
        so.admit = [&app](api::RequestHead const& head) { return app.admit(head); };
        so.observe = [metrics](api::Exchange const& e) {
            api::log_access(e);
            metrics->record_request(e.method, e.labels.route, e.status, e.seconds);
        };
        api::HttpServer server(so, [&app](api::Request r, api::Respond respond) {
            app.handle(std::move(r), std::move(respond));
        });
        app.read_load_from([&server] {
            auto const load = server.load();
            return std::pair{load.connections, load.body_bytes_in_flight};
        });

        std::atomic<bool> stopping{false};
        std::thread timers([&] {
            while (!stopping) {
                try {
                    svc.fire_due_timers();
                } catch (std::exception const& e) {
                    log("error", std::string("timer loop: ") + e.what());
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        });
        // The timeline's head at start and stop: recorded outside the database, it lets
        // `hazeguard audit verify --expect-head` detect rows deleted from the end (docs/operations.md).
        auto const [rows, head] = svc.timeline_head();
        log("info", "hazeguard serving",
            {{"timeline_rows", rows}, {"timeline_head", head}, {"address", so.address}, {"port", so.port}, {"db", db_path}, {"plan", plan.id + " " + plan.version},
             {"drill", options.drill}, {"now", engine::format_rfc3339(svc.now(), 480)}, {"overdue_timers_fired", overdue}});
        std::cout << "hazeguard listening on http://" << so.address << ":" << so.port << "  (db " << db_path
                  << (options.drill ? ", DRILL" : "") << ")" << std::endl;
        try {
            server.run();
        } catch (...) {  // e.g. the port is taken: stop the timer thread before reporting
            stopping = true;
            timers.join();
            throw;
        }
        stopping = true;
        timers.join();
        auto const [rows_at_stop, head_at_stop] = svc.timeline_head();
        log("info", "hazeguard stopped", {{"timeline_rows", rows_at_stop}, {"timeline_head", head_at_stop}});
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard serve: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace hazeguard::cli
