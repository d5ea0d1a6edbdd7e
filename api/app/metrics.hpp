#pragma once
/// @file metrics.hpp
/// @brief The server's metrics in the Prometheus text exposition format (prometheus-cpp's core
/// registry and serializer): requests by route and status with a latency histogram, group
/// commits (jobs per group, commit latency, failures), and at scrape time the gauges of the
/// moment — open connections, request bodies held, timers pending, orders by status in the open
/// episode, whether storage accepts writes — plus build info.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace prometheus {
class Registry;
class Histogram;
class Counter;
class Gauge;
template <typename T>
class Family;
}  // namespace prometheus

namespace hazeguard::api {

/// @brief What is read at scrape time.
struct MetricsSnapshot {
    std::size_t connections = 0;
    std::size_t body_bytes_in_flight = 0;
    std::int64_t timers_pending = 0;
    std::map<std::string, std::int64_t> orders_by_status;  ///< open episode's latest batch
    bool storage_writable = true;
};

class Metrics {
public:
    explicit Metrics(std::string const& version);
    ~Metrics();
    Metrics(Metrics const&) = delete;
    Metrics& operator=(Metrics const&) = delete;

    /// @brief One answered request; `route` is the template ("" when no route matched).
    void record_request(std::string const& method, std::string const& route, int status, double seconds);
    /// @brief One group commit: how many jobs it held, how long BEGIN…COMMIT took, and whether
    /// it reached the disk.
    void record_commit(std::size_t jobs, double seconds, bool committed);
    /// @brief The text exposition of every metric, with the snapshot's gauges.
    std::string scrape(MetricsSnapshot const& now);

private:
    std::shared_ptr<prometheus::Registry> registry_;
    prometheus::Family<prometheus::Histogram>* request_seconds_;
    prometheus::Histogram* commit_seconds_;
    prometheus::Histogram* commit_jobs_;
    prometheus::Counter* commit_failures_;
    prometheus::Gauge* connections_;
    prometheus::Gauge* body_bytes_;
    prometheus::Gauge* timers_pending_;
    prometheus::Gauge* storage_writable_;
    prometheus::Family<prometheus::Gauge>* orders_;
    std::mutex mutex_;  // guards the two maps below
    std::unordered_map<std::string, prometheus::Histogram*> requests_;  ///< by method, route, status
    std::map<std::string, prometheus::Gauge*> order_gauges_;
};

}  // namespace hazeguard::api
