#include "engine/service/lists/prepared_list.hpp"

#include <optional>
#include <utility>

#include "engine/enterprises/list_problem_text.hpp"
#include "engine/service/error.hpp"
#include "engine/service/lists/list_rows.hpp"

namespace hazeguard::service {

namespace {

constexpr std::size_t kHandOver = 500;  // plants per batch handed to the job

// Thrown by the reading's visitor when the job has ended: nobody takes more plants.
struct StopReading {};

engine::ListReadResult read_document(plans::Plan const& plan, ListDocument const& document,
                                     std::function<void(engine::Enterprise&&, bool)> each,
                                     ImportProgressFn const& progress) {
    engine::ListVisitor visitor{std::move(each), {}};
    if (progress)
        visitor.progress = [&](engine::ListReadProgress const& read) { progress({read, document.size, 0}); };
    if (document.format == "csv") {
        std::optional<engine::CsvRecordReader> records;
        if (document.stream) records.emplace(*document.stream);
        else records.emplace(document.text);
        return engine::read_list_csv(*records, plan, visitor);
    }
    std::optional<engine::JsonSource> source;
    if (document.stream) source.emplace(*document.stream);
    else source.emplace(document.text);
    return engine::read_list_json(*source, plan, visitor);
}

}  // namespace

std::exception_ptr refusal(engine::ListReadResult const& read) {
    if (read.malformed)
        return std::make_exception_ptr(Error(Errc::malformed_json, read.problems.front().message, {{"", "not valid JSON"}}));
    if (read.ok()) return nullptr;
    std::vector<FieldError> errors;
    for (auto const& p : read.problems) errors.push_back({p.pointer, p.message, engine::problem_text_cn(p)});
    return std::make_exception_ptr(Error(Errc::invalid_list,
                                         std::to_string(read.problems.size()) + " problem(s); nothing was imported",
                                         errors, {{"problem_count", read.problems.size()}}));
}

PreparedList prepare_list(plans::Plan const& plan, ListDocument const& document, bool keep_rows,
                          ImportProgressFn const& progress) {
    ListRows rows(plan);
    PreparedList list;
    bool all_valid = true;
    auto const read = read_document(plan, document, [&](engine::Enterprise&& e, bool valid) {
        all_valid = all_valid && valid;
        if (!all_valid) return;  // refused anyway: nothing more is kept
        rows.add(std::move(e));
        if (!keep_rows) rows.clear();
    }, progress);
    if (auto const refused = refusal(read)) std::rethrow_exception(refused);
    list.rows = rows.take_rows();
    list.levels = rows.take_levels();
    list.count = rows.count();
    list.warnings = rows.warnings();
    list.sha256 = rows.finish();
    return list;
}

void stream_list(plans::Plan const& plan, ListDocument const& document, EnterpriseQueue& queue,
                 ImportProgressFn const& progress) {
    EnterpriseQueue::Batch batch;
    bool all_valid = true;
    std::size_t count = 0;
    try {
        auto const read = read_document(plan, document, [&](engine::Enterprise&& e, bool valid) {
            all_valid = all_valid && valid;
            if (!all_valid) return;  // refused anyway: the job gets nothing more
            batch.push_back(plant_rows(plan, count++, std::move(e)));  // here, so the writer only stores
            if (batch.size() == kHandOver && !queue.push(std::exchange(batch, {}))) throw StopReading{};
        }, progress);
        if (!batch.empty() && all_valid && !queue.push(std::move(batch))) return;
        queue.close(refusal(read));
    } catch (StopReading const&) {
    } catch (...) {
        queue.close(std::current_exception());
    }
}

}  // namespace hazeguard::service
