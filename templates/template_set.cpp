#include "templates/template_set.hpp"

#include <mutex>
#include <stdexcept>

#include <kainjow/mustache.hpp>

namespace hazeguard::templates {

namespace {
namespace mu = kainjow::mustache;

mu::data to_data(nlohmann::json const& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            mu::data d{mu::data::type::object};
            for (auto const& [k, v] : j.items()) d.set(k, to_data(v));
            return d;
        }
        case nlohmann::json::value_t::array: {
            mu::data d{mu::data::type::list};
            for (auto const& v : j) d.push_back(to_data(v));
            return d;
        }
        case nlohmann::json::value_t::boolean: return j.get<bool>() ? mu::data::type::bool_true : mu::data::type::bool_false;
        case nlohmann::json::value_t::string: return mu::data{j.get<std::string>()};
        case nlohmann::json::value_t::null: return mu::data::type::bool_false;
        default: return mu::data{j.dump()};
    }
}
}  // namespace

struct TemplateSet::Impl {
    std::map<std::string, std::unique_ptr<mu::mustache>> parsed;
    std::mutex render_mutex;  // a parsed template keeps render state: one render at a time
};

TemplateSet::TemplateSet(std::map<std::string, std::string_view> const& texts, bool html_escape)
    : impl_(std::make_unique<Impl>()) {
    for (auto const& [name, text] : texts) {
        auto t = std::make_unique<mu::mustache>(std::string(text));
        if (!t->is_valid()) throw std::runtime_error("template " + name + " is invalid: " + t->error_message());
        if (!html_escape) t->set_custom_escape([](std::string const& s) { return s; });
        impl_->parsed.emplace(name, std::move(t));
    }
}

TemplateSet::~TemplateSet() = default;

std::string TemplateSet::render(std::string const& name, nlohmann::json const& data) const {
    auto const& tpl = impl_->parsed.at(name);
    auto const view = to_data(data);
    std::lock_guard lock(impl_->render_mutex);
    return tpl->render(view);
}

}  // namespace hazeguard::templates
