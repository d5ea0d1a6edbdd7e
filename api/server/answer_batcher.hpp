#pragma once
/// @file answer_batcher.hpp
/// @brief Hands answers made on other threads (the writer's commit callbacks) to the I/O threads in
/// batches: the first answer of a batch posts it to the io_context, the answers that come while it
/// waits join it. A group commit of 200 acknowledgements then wakes an I/O thread once, not 200
/// times (each wake is a futex call and a context switch on a busy machine).

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace hazeguard::api {

class AnswerBatcher {
public:
    /// @brief Runs `task` on a thread of `ioc`, after the tasks handed over before it, in the same
    /// batch as those still waiting. A batch the io_context never runs (it was stopped) is
    /// destroyed with the io_context's queue, and its tasks with it.
    void hand_over(boost::asio::io_context& ioc, std::function<void()> task) {
        std::shared_ptr<Batch> fresh;
        {
            std::lock_guard lock(mutex_);
            if (auto const open = open_.lock()) {
                std::lock_guard batch_lock(open->mutex);
                if (!open->closed) {
                    open->tasks.push_back(std::move(task));
                    return;
                }
            }
            fresh = std::make_shared<Batch>();
            fresh->tasks.push_back(std::move(task));
            open_ = fresh;
        }
        boost::asio::post(ioc, [fresh] { run(*fresh); });
    }

private:
    struct Batch {
        std::mutex mutex;
        bool closed = false;  // once running: later tasks start a new batch
        std::vector<std::function<void()>> tasks;
    };

    /// Every task runs even if one throws; the first exception is rethrown after the last task.
    static void run(Batch& batch) {
        std::vector<std::function<void()>> tasks;
        {
            std::lock_guard lock(batch.mutex);
            batch.closed = true;
            tasks.swap(batch.tasks);
        }
        std::exception_ptr first;
        for (auto& task : tasks) {
            try {
                task();
            } catch (...) {
                if (!first) first = std::current_exception();
            }
        }
        if (first) std::rethrow_exception(first);
    }

    std::mutex mutex_;
    std::weak_ptr<Batch> open_;  // weak: only the posted handler owns a batch
};

}  // namespace hazeguard::api
