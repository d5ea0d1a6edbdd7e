#pragma once
/// @file template_set.hpp
/// @brief A set of Mustache templates parsed once and rendered from JSON data; shared by the
/// plain-text renderer (renderer.hpp) and the HTML renderer (html_renderer.hpp). Internal to
/// templates/.

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace hazeguard::templates {

class TemplateSet {
public:
    /// @brief Parses every template of `texts` (name → text); throws std::runtime_error naming
    /// the first invalid one. With `html_escape`, {{name}} is HTML-escaped; otherwise written raw.
    TemplateSet(std::map<std::string, std::string_view> const& texts, bool html_escape);
    ~TemplateSet();
    TemplateSet(TemplateSet const&) = delete;
    TemplateSet& operator=(TemplateSet const&) = delete;

    /// @brief Renders template `name`; throws std::out_of_range for an unknown name. Numbers
    /// render as JSON writes them, null and false as an empty / false section. Thread-safe.
    std::string render(std::string const& name, nlohmann::json const& data) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hazeguard::templates
