#include "engine/report/evaluation_report.hpp"

#include "engine/report/detail/order_digest.hpp"
#include "engine/report/detail/report_context.hpp"
#include "engine/report/detail/sections.hpp"

namespace hazeguard::engine::report {

ReportBuilder::ReportBuilder(plans::Plan const& plan, EvaluationInput const& input)
    : ctx_(std::make_unique<detail::ReportContext>(plan, input)),
      digest_(std::make_unique<detail::OrderDigest>(*ctx_)) {
    for (auto const* o : ctx_->orders) digest_->add(*o);
}

ReportBuilder::~ReportBuilder() = default;

void ReportBuilder::add(OrderRecord const& order) { digest_->add(order); }

nlohmann::json ReportBuilder::build() const {
    auto const& ctx = *ctx_;
    nlohmann::json report = {{"format", kReportFormat},
                             {"episode", detail::episode_section(ctx)},
                             {"timeline", detail::timeline_section(ctx)},
                             {"observations", detail::observations_section(ctx)},
                             {"timeliness", detail::timeliness_section(ctx)},
                             {"forecast_performance", detail::forecast_section(ctx)},
                             {"level_appropriateness", detail::levels_section(ctx)},
                             {"orders", detail::orders_section(ctx, *digest_)},
                             {"reductions", detail::reductions_section(ctx, *digest_)}};
    report["findings"] = detail::findings_section(ctx, report);
    return report;
}

nlohmann::json build_report(plans::Plan const& plan, EvaluationInput const& input) {
    return ReportBuilder(plan, input).build();
}

}  // namespace hazeguard::engine::report
