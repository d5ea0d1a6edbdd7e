#include "templates/html_renderer.hpp"

#include "templates/template_set.hpp"

namespace hazeguard::templates {
namespace {
// Parsing costs far more than rendering: every template is parsed once (HTML-escaped).
TemplateSet const& parsed() {
    static TemplateSet const kSet(embedded_html_templates(), true);
    return kSet;
}
}  // namespace

void check_html_templates() { (void)parsed(); }

std::string render_html(std::string const& name, nlohmann::json const& data) { return parsed().render(name, data); }

}  // namespace hazeguard::templates
