// A list's path: ListsService::import_list → prepare_list (read, checked, its rows built, before the
// transaction) or, for a file, stream_list (read and checked while the job stores what was read) →
// CommandRunner (one transaction) → ports::ListRepository (the version, its plants in batches,
// their per-level rows) and a timeline row.
#include "engine/service/lists/lists_service.hpp"

#include <algorithm>
#include <exception>
#include <memory>
#include <span>
#include <vector>

#include "engine/enterprises/list_import.hpp"
#include "engine/service/error.hpp"
#include "engine/service/lists/level_reductions.hpp"
#include "engine/service/lists/list_rows.hpp"

namespace hazeguard::service {
using nlohmann::json;

namespace {

// Plants per repository call: each call still runs one prepared statement in a loop.
constexpr std::size_t kBatch = 1000;
// Batches a streamed import's reading may be ahead of its storing.
constexpr std::size_t kQueuedBatches = 8;

// A streamed import read the list of the current version: its job is undone and the answer is
// that version, as when a prepared import finds the same digest.
struct Unchanged : std::exception {
    explicit Unchanged(ports::ListVersion v) : version(std::move(v)) {}
    ports::ListVersion version;
};

template <class Row, class Store>
void in_batches(std::vector<Row> const& rows, Store store) {
    std::span<Row const> const all(rows);
    for (std::size_t at = 0; at < all.size(); at += kBatch) store(all.subspan(at, std::min(kBatch, all.size() - at)));
}
}  // namespace

void ListsService::import_list(Command const& c, std::string const& text, std::string const& format, bool dry_run,
                               std::string const& source, Answer<ListImport> answer) {
    import_list(c, ListDocument{format, text, nullptr, text.size()}, dry_run, source, {}, std::move(answer));
}

void ListsService::import_list(Command const& c, ListDocument const& document, bool dry_run,
                               std::string const& source, ImportProgressFn progress, Answer<ListImport> answer) {
    // A file (JSON or CSV) is streamed into its transaction, unless it carries an Idempotency-Key: a
    // replay answers without running the job, which would then never take the plants.
    if (document.stream && !dry_run && !c.idempotency_key)
        return import_streamed(c, document, source, std::move(progress), std::move(answer));
    auto const list = std::make_shared<PreparedList const>(prepare_list(views_.plan, document, !dry_run, progress));
    if (dry_run) {
        ListImport result{true, false, {}, list->warnings};
        result.version.count = list->count;
        result.version.sha256 = list->sha256;
        return answer.done(nullptr, answer.present(result));
    }
    runner_.run(c, [this, list, source, progress, who = c.principal](Tx& tx) {
        auto& lists = tx.store.lists();
        auto const latest = lists.latest_version();
        if (auto same = same_list(tx.store, latest, list->sha256)) return ListImport{false, true, std::move(*same), {}};
        std::int64_t const version = latest.value_or(0) + 1;
        lists.add_version({version, tx.now, who.name, source, list->count, list->sha256});
        in_batches(list->rows, [&](auto rows) {
            lists.add_enterprises(version, rows);
            if (progress) progress({{}, 0, static_cast<std::size_t>(rows.back().id)});
        });
        in_batches(list->levels, [&](auto levels) { lists.add_levels(version, views_.plan.version, levels); });
        return recorded(tx, version, list->count, list->sha256, who.name, list->warnings);
    }, std::move(answer));
}

void ListsService::import_streamed(Command const& c, ListDocument const& document, std::string const& source,
                                   ImportProgressFn progress, Answer<ListImport> answer) {
    auto const queue = std::make_shared<EnterpriseQueue>(kQueuedBatches);
    runner_.run(c, [this, queue, source, progress, who = c.principal, present = answer.present](Tx& tx) {
        auto& lists = tx.store.lists();
        auto const latest = lists.latest_version();
        std::int64_t const version = latest.value_or(0) + 1;
        lists.add_version({version, tx.now, who.name, source, 0, ""});  // its plants refer to it
        ListRows rows(views_.plan);
        while (auto batch = queue->pop()) {  // rethrows the refusal of a list with problems: all undone
            for (auto& e : *batch) rows.add(std::move(e));
            in_batches(rows.rows(), [&](auto part) { lists.add_enterprises(version, part); });
            in_batches(rows.levels(), [&](auto part) { lists.add_levels(version, views_.plan.version, part); });
            rows.clear();
            if (progress) progress({{}, 0, static_cast<std::size_t>(rows.count())});
        }
        auto const sha256 = rows.finish();
        if (auto same = same_list(tx.store, latest, sha256)) throw Unchanged(std::move(*same));
        lists.finish_version(version, rows.count(), sha256);
        return present(recorded(tx, version, rows.count(), sha256, who.name, rows.warnings()));
    }, [queue, present = answer.present, done = std::move(answer.done)](std::exception_ptr error, Reply reply) {
        queue->abandon();  // the reading stops if it is still going
        try {
            if (error) std::rethrow_exception(error);
        } catch (Unchanged& same) {
            return done(nullptr, present(ListImport{false, true, std::move(same.version), {}}));
        } catch (...) {
        }
        done(error, std::move(reply));
    });
    stream_list(views_.plan, document, *queue, progress);
}

std::optional<ports::ListVersion> ListsService::same_list(ports::Store& store, std::optional<std::int64_t> latest,
                                                         std::string const& sha256) const {
    if (!latest) return std::nullopt;
    auto current = store.lists().version(*latest);
    if (!current || current->sha256 != sha256) return std::nullopt;
    return current;
}

ListImport ListsService::recorded(Tx& tx, std::int64_t version, std::int64_t count, std::string const& sha256,
                                  std::string const& who, std::vector<engine::ListProblem> warnings) const {
    auto const episode = tx.store.warning().state().episode;
    tx.store.warning().append_timeline(
        {0, episode ? std::optional<std::int64_t>(*episode) : std::nullopt, "list:" + std::to_string(version), tx.now,
         "list_import", who, "导入应急减排清单第" + std::to_string(version) + "版，共" + std::to_string(count) + "家企业",
         json{{"list_version", version}, {"count", count}, {"sha256", sha256}}.dump(), views_.plan.version});
    return {false, false, stored_version(tx.store, version), std::move(warnings)};
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

ports::ListVersion ListsService::stored_version(ports::Store& store, std::int64_t version) const {
    auto v = store.lists().version(version);
    if (!v) not_found("list version " + std::to_string(version));
    return std::move(*v);
}

bool ListsService::has_list() {
    bool found = false;
    transactions_.read([&](ports::Store& store) { found = current_list_version(store).has_value(); });
    return found;
}

ListSheet ListsService::current_list() {
    ListSheet out;
    transactions_.read([&](ports::Store& store) {
        auto const version = current_list_version(store);
        if (!version) not_found("an emission-reduction list (none imported yet)");
        out.version = stored_version(store, *version);
        for (auto const& level : views_.plan.levels)
            if (views_.plan.reduction_targets.count(level.id))
                out.levels[level.id] = store.lists().level_totals(*version, views_.plan.version, level.id);
        for (auto const& [dimension, counts] : {std::pair{ports::ListDimension::district, &out.by_district},
                                                std::pair{ports::ListDimension::grade, &out.by_grade},
                                                std::pair{ports::ListDimension::industry, &out.by_industry}})
            for (auto const& [value, count] : store.lists().count_by(*version, dimension)) (*counts)[value] = count;
    });
    return out;
}

EnterpriseEntry ListsService::enterprise(std::string const& credit_code) {
    EnterpriseEntry out;
    transactions_.read([&](ports::Store& store) {
        auto const version = current_list_version(store);
        auto entry = store.lists().enterprise_entry(version.value_or(0), credit_code);
        if (!entry) not_found("enterprise " + credit_code + " on the current list");
        out = {std::move(*entry), *version};
    });
    return out;
}

}  // namespace hazeguard::service
