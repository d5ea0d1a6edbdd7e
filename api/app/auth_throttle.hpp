#pragma once
/// @file auth_throttle.hpp
/// @brief Failed authentications per client address, as a token bucket: a client may fail
/// `burst` times at once and then once per `refill`; beyond that it is told to wait (429). Valid
/// clients are never slowed: only failures draw from the bucket. Bounded memory: at most
/// `max_clients` addresses are remembered, full buckets are forgotten first.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace hazeguard::api {

class AuthThrottle {
public:
    using Clock = std::chrono::steady_clock;

    explicit AuthThrottle(double burst = 10, std::chrono::milliseconds refill = std::chrono::seconds(6),
                          std::size_t max_clients = 10000);

    /// @brief Whole seconds `client` must wait before its next failure is allowed; 0 if it may try.
    int retry_after(std::string const& client, Clock::time_point now = Clock::now());
    /// @brief Records a failed authentication by `client`.
    void failed(std::string const& client, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens;
        Clock::time_point at;
    };
    double refilled(Bucket const& b, Clock::time_point now) const;
    void forget_full(Clock::time_point now);

    double burst_;
    std::chrono::milliseconds refill_;
    std::size_t max_clients_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace hazeguard::api
