#pragma once
/// @file reports_service.hpp
/// @brief The post-event evaluation (后评估) of an episode: what hazeguard recorded about it, read
/// on one snapshot into engine::report::EvaluationInput, then handed to the pure report functions
/// (engine/report/) as JSON, printable HTML or per-order CSV. Writes nothing.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/ports/transactions.hpp"
#include "engine/report/evaluation_input.hpp"
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

    /// @brief Everything the report reads about `episode`, from one snapshot.
    engine::report::EvaluationInput evaluation_input(std::int64_t episode);

private:
    ports::Transactions& transactions_;
    ViewContext views_;
};

}  // namespace hazeguard::service
