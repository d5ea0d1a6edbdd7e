#include "api/app/auth_throttle.hpp"

#include <algorithm>
#include <cmath>

namespace hazeguard::api {

AuthThrottle::AuthThrottle(double burst, std::chrono::milliseconds refill, std::size_t max_clients)
    : burst_(burst), refill_(refill), max_clients_(max_clients) {}

double AuthThrottle::refilled(Bucket const& b, Clock::time_point now) const {
    auto const elapsed = std::chrono::duration<double, std::milli>(now - b.at).count();
    return std::min(burst_, b.tokens + elapsed / static_cast<double>(refill_.count()));
}

int AuthThrottle::retry_after(std::string const& client, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto const it = buckets_.find(client);
    if (it == buckets_.end()) return 0;
    double const tokens = refilled(it->second, now);
    if (tokens >= 1) return 0;
    double const wait_ms = (1 - tokens) * static_cast<double>(refill_.count());
    return std::max(1, static_cast<int>(std::ceil(wait_ms / 1000)));
}

void AuthThrottle::failed(std::string const& client, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto it = buckets_.find(client);
    if (it == buckets_.end()) {
        if (buckets_.size() >= max_clients_) forget_full(now);
        if (buckets_.size() >= max_clients_) return;  // every remembered client is throttled: keep those
        it = buckets_.emplace(client, Bucket{burst_, now}).first;
    }
    it->second = {std::max(0.0, refilled(it->second, now) - 1), now};
}

void AuthThrottle::forget_full(Clock::time_point now) {
    for (auto it = buckets_.begin(); it != buckets_.end();)
        it = refilled(it->second, now) >= burst_ ? buckets_.erase(it) : std::next(it);
}

}  // namespace hazeguard::api
