#pragma once
/// @file enterprise_queue.hpp
/// @brief A streamed import's hand-over: plants read, checked and turned into their rows on the
/// reading thread, stored by the import's job on the writer thread as they come. Batches in list
/// order through a bounded queue (so memory holds a few batches), then the reading's outcome.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <vector>

#include "engine/service/lists/list_rows.hpp"

namespace hazeguard::service {

class EnterpriseQueue {
public:
    using Batch = std::vector<PlantRows>;
    explicit EnterpriseQueue(std::size_t max_batches) : max_batches_(max_batches) {}

    // The reading side.
    /// @brief Waits for room; false once the job has ended (nothing more is taken: stop reading).
    bool push(Batch batch);
    /// @brief The end of the reading: `refusal` is why the list is refused (nullptr: it is not).
    void close(std::exception_ptr refusal);

    // The job's side.
    /// @brief The next batch; at the end nullopt, or the refusal rethrown.
    std::optional<Batch> pop();
    /// @brief The job has ended, done or failed: the reader stops at its next push.
    void abandon();

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Batch> batches_;
    std::size_t max_batches_;
    bool closed_ = false, abandoned_ = false;
    std::exception_ptr refusal_;
};

}  // namespace hazeguard::service
