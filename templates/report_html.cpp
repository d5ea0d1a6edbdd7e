#include "templates/report_html.hpp"

#include <stdexcept>

#include "templates/html_renderer.hpp"
#include "templates/report_html/format.hpp"
#include "templates/report_html/sections.hpp"

namespace hazeguard::templates {

namespace {
constexpr char const* kReportFormat = "hazeguard-evaluation/1";
constexpr char const* kTemplate = "reports/evaluation.html";
}  // namespace

nlohmann::json report_html_data(plans::Plan const& plan, nlohmann::json const& report) {
    if (report_html::member(report, "format") != kReportFormat) {
        throw std::invalid_argument(std::string("not a report in format ") + kReportFormat);
    }
    using namespace report_html;
    return {
        {"header", header_view(plan, report)},
        {"overview", overview_view(plan, report)},
        {"timeliness", timeliness_view(plan, report)},
        {"forecast", forecast_view(report)},
        {"levels", levels_view(plan, report)},
        {"orders", orders_view(plan, report)},
        {"reductions", reductions_view(plan, report)},
        {"findings", findings_view(report)},
        {"conclusions", conclusions_view(report)},
    };
}

std::string render_report_html(plans::Plan const& plan, nlohmann::json const& report) {
    return render_html(kTemplate, report_html_data(plan, report));
}

}  // namespace hazeguard::templates
