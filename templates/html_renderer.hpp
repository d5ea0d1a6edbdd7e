#pragma once
/// @file html_renderer.hpp
/// @brief Renders the compiled-in HTML Mustache templates (templates/**/*.html.mustache) with JSON
/// data. Unlike renderer.hpp, {{name}} is HTML-escaped (& < > " '); only {{{name}}} is written raw.

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace hazeguard::templates {

/// @brief name ("reports/evaluation.html") → template text, as compiled in.
std::map<std::string, std::string_view> const& embedded_html_templates();

/// @brief Parses every HTML template once; throws std::runtime_error naming the first invalid one.
void check_html_templates();

/// @brief Renders HTML template `name` with `data`; throws std::out_of_range for an unknown name.
/// Numbers render as JSON writes them, null and false as an empty / false section.
std::string render_html(std::string const& name, nlohmann::json const& data);

}  // namespace hazeguard::templates
