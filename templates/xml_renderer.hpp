#pragma once
/// @file xml_renderer.hpp
/// @brief Renders the compiled-in XML Mustache templates (templates/cap/*: the CAP 1.2 alert and
/// its Atom feed) with JSON data. {{name}} is escaped (& < > " ' become entities, which XML reads
/// as the characters); the data must hold no control characters (the API refuses them).

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace hazeguard::templates {

/// @brief name ("cap/alert.xml") → template text, as compiled in.
std::map<std::string, std::string_view> const& embedded_xml_templates();

/// @brief Renders XML template `name` with `data`; throws std::out_of_range for an unknown name.
std::string render_xml(std::string const& name, nlohmann::json const& data);

}  // namespace hazeguard::templates
