// hazeguard observations import FILE, hazeguard report EPISODE: the post-event evaluation from
// the command line, on the same database the server uses.
#include <fstream>
#include <iostream>
#include <sstream>

#include "api/app/input.hpp"
#include "api/cli/commands.hpp"
#include "api/resources/warnings/warning_json.hpp"
#include "api/resources/warnings/warning_requests.hpp"
#include "engine/observations/observation_csv.hpp"
#include "engine/service/error.hpp"
#include "engine/service/reports/reports_service.hpp"
#include "engine/storage/open_service.hpp"
#include "engine/storage/sqlite/sqlite_file.hpp"

namespace hazeguard::cli {

namespace {

bool ends_with(std::string const& s, std::string const& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// "/observations/12/aqi" → "line 15: aqi" when the body came from CSV line 15.
std::string where(std::string const& pointer, std::vector<int> const& lines) {
    std::string const prefix = "/observations/";
    if (lines.empty() || pointer.rfind(prefix, 0) != 0) return pointer;
    auto const rest = pointer.substr(prefix.size());
    auto const slash = rest.find('/');
    auto const index = std::stoul(rest.substr(0, slash));
    if (index >= lines.size()) return pointer;
    return "line " + std::to_string(lines[index]) + (slash == std::string::npos ? "" : ": " + rest.substr(slash + 1));
}

}  // namespace

int observations_import(ObservationsImportOptions const& o) {
    std::vector<int> lines;
    try {
        std::string const& file = o.file;
        auto const text = read_file(file);
        if (!text) {
            std::cerr << file << ": cannot read file\n";
            return 1;
        }
        auto [plan_text, plan] = load_plan(o.plan);
        nlohmann::json body;
        if (ends_with(file, ".csv")) {
            auto parsed = engine::parse_observation_csv(*text, plan.utc_offset);
            for (auto const& e : parsed.errors) std::cout << file << ": " << e << "\n";
            if (!parsed.errors.empty()) return 1;
            body = std::move(parsed.body);
            lines = std::move(parsed.lines);
        } else {
            body = api::parse_body(*text);
        }
        if (body.is_object() && !body.contains("source")) body["source"] = o.source.empty() ? file : o.source;
        auto const svc = storage::open_service(o.db, plan, plan_text);
        service::Command cmd{{"cli", "admin", "", ""}, std::nullopt, ""};
        auto const& views = svc->views();
        auto batch = api::read_observation_batch(body, views.offset_minutes);
        auto const reply = service::wait_for([&](service::Completion done) {
            svc->observations().record_observations(
                cmd, std::move(batch),
                {[&views](service::ObservationReceipt const& r) { return service::Reply{200, api::observation_receipt_json(views, r), ""}; },
                 std::move(done)});
        });
        std::cout << reply.body.dump(2) << "\n";
        return 0;
    } catch (service::Error const& p) {
        std::cerr << p.detail << "\n";
        for (auto const& e : p.errors) std::cout << where(e.pointer, lines) << ": " << e.message << "\n";
        return 1;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard observations import: " << e.what() << "\n";
        return 1;
    }
}

int report(ReportOptions const& o) {
    try {
        auto [plan_text, plan] = load_plan(o.plan);
        // Read-only: the report writes nothing, so it needs no service and no group committer.
        storage::SqliteFile file(o.db);
        service::ReportsService reports(
            file, {plan, engine::parse_utc_offset(plan.utc_offset).value_or(480), false});
        std::string const out = o.format == "json"   ? reports.episode_report(o.episode).dump(2) + "\n"
                                : o.format == "html" ? reports.episode_report_html(o.episode)
                                                     : reports.episode_report_csv(o.episode);
        if (!o.output.empty()) {
            std::ofstream f(o.output, std::ios::binary);
            f << out;
            if (!f) throw std::runtime_error(o.output + ": cannot write");
        } else {
            std::cout << out;
        }
        return 0;
    } catch (service::Error const& p) {
        std::cerr << "hazeguard report: " << p.detail << "\n";
        return 1;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard report: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace hazeguard::cli
