#include "templates/renderer.hpp"

#include "templates/template_set.hpp"

namespace hazeguard::templates {
namespace {
// Parsing costs far more than rendering: every template is parsed once (plain text: no escaping).
TemplateSet const& parsed() {
    static TemplateSet const kSet(embedded_templates(), false);
    return kSet;
}
}  // namespace

void check_templates() { (void)parsed(); }

std::string render(std::string const& name, nlohmann::json const& data) { return parsed().render(name, data); }

}  // namespace hazeguard::templates
