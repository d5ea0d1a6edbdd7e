#include "templates/xml_renderer.hpp"

#include "templates/template_set.hpp"

namespace hazeguard::templates {
namespace {
// Parsed once, with escaping on: the escapes of HTML are XML's predefined entities.
TemplateSet const& parsed_xml() {
    static TemplateSet const kSet(embedded_xml_templates(), true);
    return kSet;
}
}  // namespace

std::string render_xml(std::string const& name, nlohmann::json const& data) { return parsed_xml().render(name, data); }

}  // namespace hazeguard::templates
