#include "tests/fuzz/support/fuzz_service.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "api/resources/warnings/warning_requests.hpp"
#include "engine/enterprises/list_import.hpp"
#include "engine/storage/database.hpp"
#include "engine/storage/sqlite/sqlite_backend.hpp"
#include "engine/time/timestamp.hpp"
#include "plans/plan_parser.hpp"
#include "tests/fuzz/support/fuzz_checks.hpp"

namespace hazeguard::fuzz {
namespace fs = std::filesystem;

namespace {

fs::path base_dir() {
    if (char const* d = std::getenv("HG_FUZZ_DB_DIR"); d && *d) return d;
    std::error_code ec;
    if (fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0) return "/dev/shm";
    return fs::temp_directory_path();
}

/// The template's commands answer nothing anyone reads.
template <class Result>
service::Answer<Result> unpresented(service::Completion done) {
    return {[](Result const&) { return service::Reply{}; }, std::move(done)};
}

void remove_db(std::string const& path) {
    std::error_code ec;
    for (char const* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

// libFuzzer's -timeout arms SIGALRM, which can interrupt the copy's system calls (EINTR): retry
// those, and report anything else as a harness failure rather than a finding in hazeguard.
void copy_retrying_interrupts(fs::path const& from, fs::path const& to) {
    for (int attempt = 0;; ++attempt) {
        std::error_code ec;
        fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
        if (!ec) return;
        if (ec != std::errc::interrupted || attempt == 100) throw fs::filesystem_error("fuzz harness: copy", from, to, ec);
    }
}

}  // namespace

Instance::~Instance() {
    app.reset();
    service.reset();
}

FuzzService& FuzzService::get() {
    static FuzzService fixture;
    return fixture;
}

std::unique_ptr<service::Service> FuzzService::open(std::string const& path) const {
    auto const start = engine::parse_rfc3339("2026-12-14T10:00:00+08:00");
    // Speed 0: the drill clock stands still, so an input answers the same on every run.
    return std::make_unique<service::Service>(storage::open_backend(path), taiyuan_plan(),
                                              std::string(plans::embedded_taiyuan_plan()),
                                              service::ServiceOptions{true, *start, 0.0});
}

FuzzService::FuzzService() {
    dir_ = (base_dir() / ("hg-fuzz-" + std::to_string(::getpid()))).string();
    fs::create_directories(dir_);
    template_path_ = dir_ + "/template.sqlite";
    work_path_ = dir_ + "/work.sqlite";
    remove_db(template_path_);
    auto svc = open(template_path_);
    struct Who {
        char const* placeholder;
        service::Principal principal;
    };
    Who const who[] = {
        {"@duty", {"值班员张伟", "duty_officer", "", ""}},
        {"@duty2", {"值班员刘洋", "duty_officer", "", ""}},
        {"@deputy", {"副市长李明", "approver", "deputy_mayor", ""}},
        {"@mayor", {"市长王强", "approver", "mayor", ""}},
        {"@office", {"应急办赵敏", "approver", "office", ""}},
        // the first plant of plans/lists/taiyuan-sample.json, so its orders are its own
        {"@enterprise", {"晋阳示例焦化", "enterprise", "", "91140121MA0TE00013"}},
        {"@department", {"市生态环境局", "department", "", ""}},
        {"@auditor", {"评估员陈静", "auditor", "", ""}},
        {"@admin", {"系统管理员", "admin", "", ""}},
    };
    for (auto const& w : who) tokens_[w.placeholder] = {svc->identity().create_token(w.principal), w.principal};
    auto const as = [&](char const* placeholder) { return service::Command{principal(placeholder), std::nullopt, ""}; };
    auto const list = std::string(engine::embedded_sample_list());
    service::wait_for([&](service::Completion done) {
        svc->lists().import_list(as("@admin"), list, "json", false, "fuzz template",
                                 {[](service::ListImport const&) { return service::Reply{}; }, std::move(done)});
    });
    // An active yellow warning with its ten orders (ids 1..10, order 1 is @enterprise's) and a
    // pending upgrade (proposal 2), so acknowledgements, execution reports, approvals, progress and
    // the report have something to work on.
    using nlohmann::json;
    json const forecast = json::parse(R"({"issued_at":"2026-12-14T10:00:00+08:00","issuer":"joint","days":[
        {"date":"2026-12-14","aqi_low":110,"aqi_high":145,"aqi_central":128,"primary_pollutant":"PM2.5"},
        {"date":"2026-12-15","aqi_low":145,"aqi_high":180,"aqi_central":162,"primary_pollutant":"PM2.5"},
        {"date":"2026-12-16","aqi_low":160,"aqi_high":195,"aqi_central":178,"primary_pollutant":"PM2.5"},
        {"date":"2026-12-17","aqi_low":130,"aqi_high":165,"aqi_central":146,"primary_pollutant":"PM2.5"}]})");
    auto const& plan = svc->plan();
    service::wait_for([&](service::Completion done) {
        svc->forecasts().submit(as("@duty"), api::read_forecast_submission(forecast, plan, svc->views().offset_minutes),
                                unpresented<service::ForecastSheet>(std::move(done)));
    });
    json const issue = {{"action", "issue"}, {"level", "yellow"}, {"start_at", "2026-12-14T10:00:00+08:00"},
                        {"forecast_id", 1}, {"consultation_note", "会商：建议发布黄色预警"}};
    service::wait_for([&](service::Completion done) {
        svc->proposals().create(as("@duty"), api::read_proposal_request(issue, plan),
                                unpresented<service::ProposalSheet>(std::move(done)));
    });
    service::wait_for([&](service::Completion done) {
        svc->proposals().approve(as("@deputy"), 1, {}, unpresented<service::ProposalSheet>(std::move(done)));
    });
    svc->fire_due_timers();
    json const upgrade = {{"action", "upgrade"}, {"level", "orange"}, {"start_at", "2026-12-15T00:00:00+08:00"},
                          {"consultation_note", "会商：建议升级为橙色预警"}};
    service::wait_for([&](service::Completion done) {
        svc->proposals().create(as("@duty"), api::read_proposal_request(upgrade, plan),
                                unpresented<service::ProposalSheet>(std::move(done)));
    });
    if (engine::phase_name(svc->episodes().status().state.phase) != std::string_view("active"))
        finding("the template's warning is not active");
    svc.reset();   // closes the connections: the WAL is checkpointed into the file
}

FuzzService::~FuzzService() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

std::unique_ptr<Instance> FuzzService::fresh() {
    remove_db(work_path_);
    copy_retrying_interrupts(template_path_, work_path_);
    auto out = std::make_unique<Instance>();
    out->service = open(work_path_);
    out->app = std::make_unique<api::Application>(*out->service);
    return out;
}

std::optional<std::string> FuzzService::token(std::string const& placeholder) const {
    auto const it = tokens_.find(placeholder);
    if (it == tokens_.end()) return std::nullopt;
    return it->second.first;
}

service::Principal const& FuzzService::principal(std::string const& placeholder) const {
    return tokens_.at(placeholder).second;
}

}  // namespace hazeguard::fuzz
