#include "engine/service/lists/enterprise_queue.hpp"

#include <utility>

namespace hazeguard::service {

bool EnterpriseQueue::push(Batch batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return abandoned_ || batches_.size() < max_batches_; });
    if (abandoned_) return false;
    batches_.push_back(std::move(batch));
    changed_.notify_all();
    return true;
}

void EnterpriseQueue::close(std::exception_ptr refusal) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    refusal_ = std::move(refusal);
    changed_.notify_all();
}

std::optional<EnterpriseQueue::Batch> EnterpriseQueue::pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || !batches_.empty(); });
    if (batches_.empty()) {
        if (refusal_) std::rethrow_exception(refusal_);
        return std::nullopt;
    }
    auto batch = std::move(batches_.front());
    batches_.pop_front();
    changed_.notify_all();
    return batch;
}

void EnterpriseQueue::abandon() {
    std::lock_guard lock(mutex_);
    abandoned_ = true;
    batches_.clear();
    changed_.notify_all();
}

}  // namespace hazeguard::service
