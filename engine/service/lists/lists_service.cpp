// A list's path: ListsService::import_list → CommandRunner (one transaction) → ports::ListRepository
// (the version, its plants in batches, their per-level rows) and a timeline row.
#include "engine/service/lists/lists_service.hpp"

#include <vector>

#include "engine/enterprises/list_import.hpp"
#include "engine/service/error.hpp"
#include "engine/service/lists/level_reductions.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::service {
using nlohmann::json;

namespace {
// Plants per repository call: bounds the memory of a 100,000-plant import and of working out its
// levels, while each call still runs one prepared statement in a loop.
constexpr std::size_t kBatch = 1000;

[[noreturn]] void list_problems(std::vector<engine::ListProblem> const& problems) {
    std::vector<FieldError> errors;
    for (auto const& p : problems) errors.push_back({p.pointer, p.message});
    throw Error(Errc::invalid_list, std::to_string(problems.size()) + " problem(s); nothing was imported", errors,
                {{"problem_count", problems.size()}});
}
}  // namespace

void ListsService::import_list(Command const& c, std::string const& text, std::string const& format, bool dry_run,
                               std::string const& source, Completion done) {
    auto parsed = format == "csv" ? engine::parse_list_csv(text, views_.plan) : engine::parse_list_json(text, views_.plan);
    if (parsed.malformed) throw Error(Errc::malformed_json, parsed.problems.front().message, {{"", "not valid JSON"}});
    if (!parsed.ok()) list_problems(parsed.problems);
    std::string const digest = engine::sha256_hex(engine::to_json(parsed.list).dump());
    json warnings = json::array();
    for (auto const& w : engine::list_warnings(parsed.list, views_.plan))
        warnings.push_back({{"pointer", w.pointer}, {"message", w.message}});
    if (dry_run)
        return done(nullptr, Reply{200,
                                   {{"dry_run", true}, {"count", parsed.list.enterprises.size()}, {"sha256", digest},
                                    {"problems", json::array()}, {"warnings", warnings}},
                                   ""});
    runner_.run(c, [this, list = std::move(parsed.list), digest, source, warnings, who = c.principal](Tx& tx) {
        auto const latest = tx.store.lists().latest_version();
        if (latest) {
            auto const current = tx.store.lists().version(*latest);
            if (current && current->sha256 == digest)
                return Reply{200, list_view(tx.store, *latest, false), "/v1/enterprises"};
        }
        auto const count = static_cast<std::int64_t>(list.enterprises.size());
        std::int64_t const version = latest.value_or(0) + 1;
        store_list(tx.store, list, {version, tx.now, who.name, source, count, digest});
        auto const episode = tx.store.warning().state().episode;
        tx.store.warning().append_timeline(
            {0, episode ? std::optional<std::int64_t>(*episode) : std::nullopt, "list:" + std::to_string(version),
             tx.now, "list_import", who.name,
             "导入应急减排清单第" + std::to_string(version) + "版，共" + std::to_string(count) + "家企业",
             json{{"list_version", version}, {"count", count}, {"sha256", digest}}.dump(), views_.plan.version});
        auto view = list_view(tx.store, version, false);
        view["warnings"] = warnings;
        return Reply{201, view, "/v1/enterprises"};
    }, std::move(done));
}

void ListsService::store_list(ports::Store& store, engine::EnterpriseList const& list,
                              ports::ListVersion const& version) const {
    auto& lists = store.lists();
    lists.add_version(version);
    std::vector<ports::EnterpriseRow> rows;
    rows.reserve(std::min(kBatch, list.enterprises.size()));
    std::int64_t id = 0;
    for (auto const& e : list.enterprises) {
        rows.push_back({++id, e.credit_code, e.name, e.district, e.industry, e.grade, engine::to_json(e).dump()});
        if (rows.size() == kBatch) {
            lists.add_enterprises(version.version, rows);
            rows.clear();
        }
    }
    lists.add_enterprises(version.version, rows);
    ensure_levels(store, version.version);
}

std::optional<std::int64_t> ListsService::current_list_version(ports::Store& store) const {
    return store.lists().latest_version();
}

void ListsService::ensure_levels(ports::Store& store, std::int64_t list_version) const {
    auto& lists = store.lists();
    if (lists.has_levels(list_version, views_.plan.version)) return;
    std::vector<ports::EnterpriseLevel> rows;
    for (std::int64_t after = 0;;) {
        auto const page = lists.entries(list_version, after, static_cast<int>(kBatch));
        if (page.empty()) return;
        rows.clear();
        for (auto const& entry : page) {
            auto const levels = level_reductions(views_.plan, entry.id, views_.enterprise(entry.body));
            rows.insert(rows.end(), levels.begin(), levels.end());
        }
        lists.add_levels(list_version, views_.plan.version, rows);
        after = page.back().id;
    }
}

json ListsService::reduction_plan(ports::Store& store, std::optional<std::int64_t> list_version,
                                  std::string const& level) const {
    ports::LevelTotals totals;
    if (list_version) totals = store.lists().level_totals(*list_version, views_.plan.version, level);
    return reduction_summary(list_version, level, totals.enterprises, totals.reductions);
}

json ListsService::reduction_summary(std::optional<std::int64_t> list_version, std::string const& level,
                                     std::int64_t enterprises, std::array<double, 4> const& planned) const {
    return service::reduction_summary(views_.plan, list_version, level, enterprises, planned);
}

json ListsService::list_view(ports::Store& store, std::int64_t version, bool with_levels) const {
    auto const v = store.lists().version(version);
    if (!v) not_found("list version " + std::to_string(version));
    json out{{"version", version},      {"imported_at", views_.local(v->imported_at)},
             {"imported_by", v->imported_by}, {"source", v->source},
             {"count", v->count},       {"sha256", v->sha256},
             {"drill", views_.drill}};
    if (!with_levels) return out;
    out["levels"] = json::object();
    for (auto const& level : views_.plan.levels)
        if (views_.plan.reduction_targets.count(level.id))
            out["levels"][level.id] = reduction_plan(store, version, level.id);
    for (auto const dimension : {ports::ListDimension::district, ports::ListDimension::grade,
                                 ports::ListDimension::industry}) {
        json counts = json::object();
        for (auto const& [value, count] : store.lists().count_by(version, dimension)) counts[value] = count;
        out[dimension == ports::ListDimension::district ? "by_district"
            : dimension == ports::ListDimension::grade  ? "by_grade"
                                                        : "by_industry"] = counts;
    }
    return out;
}

bool ListsService::has_list() {
    bool found = false;
    transactions_.read([&](ports::Store& store) { found = current_list_version(store).has_value(); });
    return found;
}

json ListsService::current_list() {
    json out;
    transactions_.read([&](ports::Store& store) {
        auto const version = current_list_version(store);
        if (!version) not_found("an emission-reduction list (none imported yet)");
        out = list_view(store, *version, true);
    });
    return out;
}

json ListsService::enterprise(std::string const& credit_code) {
    json out;
    transactions_.read([&](ports::Store& store) {
        auto const version = current_list_version(store);
        auto const entry = store.lists().enterprise_entry(version.value_or(0), credit_code);
        if (!entry) not_found("enterprise " + credit_code + " on the current list");
        out = json::parse(*entry);
        out["list_version"] = *version;
    });
    return out;
}

}  // namespace hazeguard::service
