#pragma once
/// @file report_html.hpp
/// @brief The post-event evaluation report (后评估报告) as one printable, self-contained HTML page
/// (Chinese, A4): the report JSON of docs/report-format.md rendered through
/// templates/reports/evaluation.html.mustache, with the charts of engine/report/charts.hpp inlined.

#include <string>

#include <nlohmann/json.hpp>

#include "plans/plan.hpp"

namespace hazeguard::templates {

/// @brief The Mustache data of the page (documented in templates/README.md); every data value is a
/// display string, escaped by the template, except the charts' own SVG.
/// @throws std::invalid_argument when report["format"] is not "hazeguard-evaluation/1".
nlohmann::json report_html_data(plans::Plan const& plan, nlohmann::json const& report);

/// @brief The HTML page of report_html_data(plan, report).
/// @throws std::invalid_argument as report_html_data does.
std::string render_report_html(plans::Plan const& plan, nlohmann::json const& report);

}  // namespace hazeguard::templates
