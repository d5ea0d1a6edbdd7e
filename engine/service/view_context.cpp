#include "engine/service/view_context.hpp"

#include <stdexcept>

#include "engine/enterprises/list_import.hpp"

namespace hazeguard::service {

nlohmann::json ViewContext::level(std::optional<int> rank) const {
    if (!rank) return nullptr;
    auto const& l = plan.level_at(*rank);
    return {{"id", l.id}, {"name_cn", l.name_cn}, {"name_en", l.name_en}};
}

engine::Enterprise ViewContext::enterprise(std::string const& entry) const {
    auto parsed = engine::parse_list_json("{\"enterprises\":[" + entry + "]}", plan);
    if (parsed.list.enterprises.empty()) throw std::runtime_error("stored enterprise cannot be read");
    return parsed.list.enterprises.front();
}

}  // namespace hazeguard::service
