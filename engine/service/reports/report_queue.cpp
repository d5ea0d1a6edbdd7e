#include "engine/service/reports/report_queue.hpp"

#include "engine/service/error.hpp"

namespace hazeguard::service {

ReportQueue::~ReportQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : pool_) t.join();
}

void ReportQueue::submit(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        if (waiting_.size() >= max_waiting_)
            throw Error(Errc::reports_busy, "too many reports are being built; retry in a few seconds");
        waiting_.push_back(std::move(job));
        if (pool_.size() < threads_) pool_.emplace_back([this] { work(); });
    }
    wake_.notify_one();
}

void ReportQueue::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
            if (waiting_.empty()) return;  // stopping, nothing left
            job = std::move(waiting_.front());
            waiting_.pop_front();
        }
        job();
    }
}

}  // namespace hazeguard::service
