#pragma once
/// @file report_queue.hpp
/// @brief Where reports are built: a bounded pool of worker threads, so a report — a second or so
/// of reading and computing for 100,000 orders — never holds up an I/O thread. A job beyond the
/// pool's threads waits its turn; beyond `max_waiting` waiting jobs, submit() refuses
/// (Error reports_busy). The threads start with the first job and finish every queued job
/// before the queue is destroyed.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hazeguard::service {

class ReportQueue {
public:
    explicit ReportQueue(std::size_t threads = 1, std::size_t max_waiting = 16)
        : threads_(threads), max_waiting_(max_waiting) {}
    ~ReportQueue();
    ReportQueue(ReportQueue const&) = delete;
    ReportQueue& operator=(ReportQueue const&) = delete;

    /// @brief Queues `job`, which must not throw; Error reports_busy when too many wait.
    void submit(std::function<void()> job);

private:
    void work();
    std::size_t const threads_;
    std::size_t const max_waiting_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> waiting_;
    std::vector<std::thread> pool_;
    bool stopping_ = false;
};

}  // namespace hazeguard::service
