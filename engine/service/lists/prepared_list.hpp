#pragma once
/// @file prepared_list.hpp
/// @brief Reading a list document for an import, two ways. prepare_list reads and checks it whole
/// and builds every row an import stores before its transaction (a request body: the writer is not
/// held up by the reading). stream_list reads a stream (a file) and hands the plants, checked
/// and built into their rows, to the import's job as it goes, so reading and storing overlap and
/// memory holds a few batches.
/// Either way a JSON document is parsed as a stream of events, never into one tree, and a CSV
/// document a record at a time.

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "engine/enterprises/list_import.hpp"
#include "engine/ports/list_repository.hpp"
#include "engine/service/lists/enterprise_queue.hpp"
#include "plans/plan.hpp"

namespace hazeguard::service {

/// @brief A list document: in memory (a request body) or a stream (a file).
struct ListDocument {
    std::string format;              ///< "json" or "csv"
    std::string_view text;           ///< the document, when in memory
    std::istream* stream = nullptr;  ///< else read from here, a chunk at a time
    std::size_t size = 0;            ///< bytes, when known (0: unknown)
};

/// @brief How far an import has come, for a display. Reported by the reading and by the storing,
/// which may run on two threads at once: a receiver must be thread-safe.
struct ImportProgress {
    engine::ListReadProgress read;
    std::size_t size = 0;         ///< the document's bytes, when known
    std::size_t rows_stored = 0;
};
using ImportProgressFn = std::function<void(ImportProgress const&)>;

struct PreparedList {
    std::vector<ports::EnterpriseRow> rows;      ///< ids 1, 2, ... in list order (empty if not kept)
    std::vector<ports::EnterpriseLevel> levels;  ///< under the plan given to prepare_list
    std::int64_t count = 0;
    std::string sha256;                          ///< of the canonical list (to_json(list).dump())
    std::vector<engine::ListProblem> warnings;   ///< what a valid list may still get wrong
};

/// @brief Why a read list is refused, as the Error to throw (malformed_json, or invalid_list with
/// every problem); nullptr when it is not.
std::exception_ptr refusal(engine::ListReadResult const& read);

/// @brief Reads and checks `document` whole; throws its refusal. `keep_rows` false: only the count
/// and the digest (a dry run).
PreparedList prepare_list(plans::Plan const& plan, ListDocument const& document, bool keep_rows,
                          ImportProgressFn const& progress);

/// @brief Reads the stream of `document` (JSON or CSV), pushing its plants' rows to `queue` in batches
/// while the list is valid so far, then closes the queue with the refusal, if any. Stops early when the
/// queue's job has ended.
void stream_list(plans::Plan const& plan, ListDocument const& document, EnterpriseQueue& queue,
                 ImportProgressFn const& progress);

}  // namespace hazeguard::service
