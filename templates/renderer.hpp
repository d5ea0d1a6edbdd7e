#pragma once
/// @file renderer.hpp
/// @brief Renders the compiled-in Mustache templates with JSON data (plain text, no escaping).

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace hazeguard::templates {

/// @brief name ("documents/page") → template text, as compiled in.
std::map<std::string, std::string_view> const& embedded_templates();

/// @brief Parses every template once; throws std::runtime_error naming the first invalid one.
void check_templates();

/// @brief Renders template `name` with `data`; throws std::out_of_range for an unknown name.
std::string render(std::string const& name, nlohmann::json const& data);

}  // namespace hazeguard::templates
