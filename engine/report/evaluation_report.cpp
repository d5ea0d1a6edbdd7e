#include "engine/report/evaluation_report.hpp"

#include "engine/report/detail/report_context.hpp"
#include "engine/report/detail/sections.hpp"

namespace hazeguard::engine::report {

nlohmann::json build_report(plans::Plan const& plan, EvaluationInput const& input) {
    detail::ReportContext const ctx(plan, input);
    nlohmann::json report = {{"format", kReportFormat},
                             {"episode", detail::episode_section(ctx)},
                             {"timeline", detail::timeline_section(ctx)},
                             {"observations", detail::observations_section(ctx)},
                             {"timeliness", detail::timeliness_section(ctx)},
                             {"forecast_performance", detail::forecast_section(ctx)},
                             {"level_appropriateness", detail::levels_section(ctx)},
                             {"orders", detail::orders_section(ctx)},
                             {"reductions", detail::reductions_section(ctx)}};
    report["findings"] = detail::findings_section(ctx, report);
    return report;
}

}  // namespace hazeguard::engine::report
