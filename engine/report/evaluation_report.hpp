#pragma once
/// @file evaluation_report.hpp
/// @brief The post-event evaluation report (后评估报告) of one episode: the JSON document
/// ("format": "hazeguard-evaluation/1") and the per-enterprise CSV, as docs/report-format.md
/// defines them. Pure: functions of the plan and the recorded episode only — no clock, no I/O;
/// equal inputs give byte-identical output.

#include <cstddef>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/report/evaluation_input.hpp"
#include "plans/plan.hpp"

namespace hazeguard::engine::report {
namespace detail {
class ReportContext;
struct OrderDigest;
class CsvRows;
}  // namespace detail

/// @brief The "format" member of every report.
inline constexpr char const* kReportFormat = "hazeguard-evaluation/1";

/// @brief The report: episode, timeline, observations, timeliness, forecast performance, level
/// appropriateness, orders, reductions and findings.
nlohmann::json build_report(plans::Plan const& plan, EvaluationInput const& input);

/// @brief build_report() with the orders handed over one at a time instead of held in
/// `input.orders` (at 100,000 orders the records cost more than the report).
class ReportBuilder {
public:
    /// @brief Takes `input.orders` first; `plan` and `input` must outlive the builder.
    ReportBuilder(plans::Plan const& plan, EvaluationInput const& input);
    ~ReportBuilder();
    /// @brief The next order, by order id (std::invalid_argument for one below the last).
    void add(OrderRecord const& order);
    nlohmann::json build() const;

private:
    std::unique_ptr<detail::ReportContext> ctx_;
    std::unique_ptr<detail::OrderDigest> digest_;
};

/// @brief How many never-acknowledged orders the report lists (`orders.never_acknowledged`); all
/// of them are in never_acknowledged_page().
inline constexpr std::size_t kNeverAcknowledgedListed = 200;

/// @brief The never-acknowledged orders [offset, offset + limit) in the report's order, as
/// {"total": N, "items": [rows as in `orders.never_acknowledged`]}.
nlohmann::json never_acknowledged_page(plans::Plan const& plan, EvaluationInput const& input, std::size_t offset,
                                       std::size_t limit);

/// @brief One row per order or termination notice, by order id, for Excel: UTF-8 with BOM, a
/// Chinese header with the English keys in brackets, RFC 4180 quoting, CRLF line ends.
std::string render_csv(plans::Plan const& plan, EvaluationInput const& input);

/// @brief render_csv() with the orders handed over one at a time, each row written as it comes.
class CsvBuilder {
public:
    /// @brief Takes `input.orders` first; `plan` and `input` must outlive the builder.
    CsvBuilder(plans::Plan const& plan, EvaluationInput const& input);
    ~CsvBuilder();
    /// @brief The next order, by order id (std::invalid_argument for one below the last).
    void add(OrderRecord const& order);
    /// @brief The CSV; the builder is spent.
    std::string take();

private:
    std::unique_ptr<detail::ReportContext> ctx_;
    std::unique_ptr<detail::CsvRows> rows_;
};

}  // namespace hazeguard::engine::report
