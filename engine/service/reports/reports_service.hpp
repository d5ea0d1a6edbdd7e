#pragma once
/// @file reports_service.hpp
/// @brief The post-event evaluation (后评估) of an episode: what hazeguard recorded about it, read
/// on one snapshot into engine::report::EvaluationInput, then handed to the pure report functions
/// (engine/report/) as JSON, printable HTML or per-order CSV. Writes nothing. The API builds
/// them on the service's report workers (submit()), the command line where it runs.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/ports/transactions.hpp"
#include "engine/report/evaluation_input.hpp"
#include "engine/service/reports/report_queue.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

class ReportsService {
public:
    /// @param transactions and the plan in @param views must outlive the service.
    ReportsService(ports::Transactions& transactions, ViewContext views) : transactions_(transactions), views_(views) {}

    /// @brief The report as JSON (docs/report-format.md); Error not_found for an unknown episode.
    nlohmann::json episode_report(std::int64_t episode);
    /// @brief The same report as a printable HTML page.
    std::string episode_report_html(std::int64_t episode);
    /// @brief The report's per-order rows as CSV.
    std::string episode_report_csv(std::int64_t episode);

    /// @brief Page `page` (from 1) of the orders never acknowledged, `limit` a page, in the report's
    /// order: {"total": N, "items": [...]} (engine::report::never_acknowledged_page).
    nlohmann::json never_acknowledged(std::int64_t episode, std::size_t page, std::size_t limit);

    /// @brief Everything the report reads about `episode`, from one snapshot (of the orders only
    /// those not acknowledged, termination notices aside, when `unacknowledged_only`).
    engine::report::EvaluationInput evaluation_input(std::int64_t episode, bool unacknowledged_only = false);

    /// @brief Runs `job` (which must not throw) on the report workers, not on the caller's thread;
    /// Error reports_busy when too many reports wait already.
    void submit(std::function<void()> job) { queue_.submit(std::move(job)); }

private:
    /// Where read_episode() hands the orders: `begin` once the rest of the episode is read, then
    /// `add` for each order by order id (it may move from it).
    struct OrderConsumer {
        std::function<void(engine::report::EvaluationInput&)> begin;
        std::function<void(engine::report::OrderRecord&)> add;
    };
    void read_episode(std::int64_t episode, bool unacknowledged_only, engine::report::EvaluationInput& in,
                      OrderConsumer const& orders);
    /// finish(builder) of a report Builder (engine::report::ReportBuilder, CsvBuilder) given the
    /// episode, its orders added one at a time.
    template <class Builder, class Finish>
    auto built(std::int64_t episode, Finish finish);

    ports::Transactions& transactions_;
    ViewContext views_;
    ReportQueue queue_;
};

}  // namespace hazeguard::service
