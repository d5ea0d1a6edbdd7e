#include "api/app/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

namespace hazeguard::api {
namespace {
prometheus::Histogram::BucketBoundaries latency_buckets() {
    return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}
}  // namespace

Metrics::Metrics(std::string const& version) : registry_(std::make_shared<prometheus::Registry>()) {
    using namespace prometheus;
    BuildGauge().Name("hazeguard_build_info").Help("The running build; the value is always 1.")
        .Register(*registry_).Add({{"version", version}}).Set(1);
    request_seconds_ = &BuildHistogram().Name("hazeguard_http_request_duration_seconds")
                            .Help("HTTP requests by method, route template and status: time from the request "
                                  "header to the response written.")
                            .Register(*registry_);
    commit_seconds_ = &BuildHistogram().Name("hazeguard_group_commit_duration_seconds")
                           .Help("One group commit, BEGIN to COMMIT including its fsync.")
                           .Register(*registry_).Add({}, latency_buckets());
    commit_jobs_ = &BuildHistogram().Name("hazeguard_group_commit_jobs")
                        .Help("Write jobs committed together in one group.")
                        .Register(*registry_).Add({}, Histogram::BucketBoundaries{1, 2, 4, 8, 16, 32, 64, 128, 256, 512});
    commit_failures_ = &BuildCounter().Name("hazeguard_group_commit_failures_total")
                            .Help("Group commits that did not reach the disk (every job in them was refused).")
                            .Register(*registry_).Add({});
    connections_ = &BuildGauge().Name("hazeguard_http_connections").Help("Open HTTP connections.")
                        .Register(*registry_).Add({});
    body_bytes_ = &BuildGauge().Name("hazeguard_http_request_body_bytes_in_flight")
                       .Help("Request bodies being read or handled, all connections together.")
                       .Register(*registry_).Add({});
    timers_pending_ = &BuildGauge().Name("hazeguard_timers_pending")
                           .Help("Timers (starts, ends, deadlines) not yet fired or cancelled.")
                           .Register(*registry_).Add({});
    storage_writable_ = &BuildGauge().Name("hazeguard_storage_writable")
                             .Help("1 while writes reach the disk; 0 after a write failed (e.g. disk full) until one succeeds.")
                             .Register(*registry_).Add({});
    orders_ = &BuildGauge().Name("hazeguard_orders")
                   .Help("Orders of the open episode's latest batch by status (0 when no episode is open).")
                   .Register(*registry_);
}

Metrics::~Metrics() = default;

void Metrics::record_request(std::string const& method, std::string const& route, int status, double seconds) {
    std::string const route_label = route.empty() ? "unmatched" : route;
    std::string const key = method + ' ' + route_label + ' ' + std::to_string(status);
    prometheus::Histogram* histogram = nullptr;
    {
        std::lock_guard lock(mutex_);
        auto& slot = requests_[key];
        if (!slot)
            slot = &request_seconds_->Add({{"method", method}, {"route", route_label}, {"status", std::to_string(status)}},
                                          latency_buckets());
        histogram = slot;
    }
    histogram->Observe(seconds);
}

void Metrics::record_commit(std::size_t jobs, double seconds, bool committed) {
    commit_seconds_->Observe(seconds);
    commit_jobs_->Observe(static_cast<double>(jobs));
    if (!committed) commit_failures_->Increment();
}

std::string Metrics::scrape(MetricsSnapshot const& now) {
    connections_->Set(static_cast<double>(now.connections));
    body_bytes_->Set(static_cast<double>(now.body_bytes_in_flight));
    timers_pending_->Set(static_cast<double>(now.timers_pending));
    storage_writable_->Set(now.storage_writable ? 1 : 0);
    {
        std::lock_guard lock(mutex_);
        for (auto& [status, gauge] : order_gauges_) gauge->Set(0);  // a status no longer present reads 0
        for (auto const& [status, count] : now.orders_by_status) {
            auto& slot = order_gauges_[status];
            if (!slot) slot = &orders_->Add({{"status", status}});
            slot->Set(static_cast<double>(count));
        }
    }
    return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace hazeguard::api
