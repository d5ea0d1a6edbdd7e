#include "templates/renderer.hpp"

#include <memory>
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

// Parsing costs far more than rendering: parse each template once.
std::map<std::string, std::unique_ptr<mu::mustache>> const& parsed() {
    static auto const kParsed = [] {
        std::map<std::string, std::unique_ptr<mu::mustache>> out;
        for (auto const& [name, text] : embedded_templates()) {
            auto t = std::make_unique<mu::mustache>(std::string(text));
            if (!t->is_valid()) throw std::runtime_error("template " + name + " is invalid: " + t->error_message());
            t->set_custom_escape([](std::string const& s) { return s; });
            out.emplace(name, std::move(t));
        }
        return out;
    }();
    return kParsed;
}
}  // namespace

void check_templates() { (void)parsed(); }

std::string render(std::string const& name, nlohmann::json const& data) {
    static std::mutex render_mutex;  // a parsed template keeps render state: one render at a time
    auto const& tpl = parsed().at(name);
    std::lock_guard lock(render_mutex);
    return tpl->render(to_data(data));
}

}  // namespace hazeguard::templates
