#include "api/resources/admin/token_json.hpp"

namespace hazeguard::api {
using nlohmann::json;

json token_json(service::ViewContext const& views, service::TokenSheet const& sheet) {
    auto const& t = sheet.token;
    auto text_or_null = [](std::string const& s) { return s.empty() ? json(nullptr) : json(s); };
    return {{"id", t.id},
            {"role", t.principal.role},
            {"name", t.principal.name},
            {"authority", text_or_null(t.principal.authority)},
            {"enterprise_id", text_or_null(t.principal.enterprise_id)},
            {"hash_prefix", t.hash_prefix},
            {"created_at", views.local(t.created_at)},
            {"expires_at", views.local_or_null(t.expires_at)},
            {"revoked_at", views.local_or_null(t.revoked_at)},
            {"revoked_by", text_or_null(t.revoked_by)},
            {"status", sheet.status}};
}

json tokens_json(service::ViewContext const& views, std::vector<service::TokenSheet> const& items) {
    json out = json::array();
    for (auto const& t : items) out.push_back(token_json(views, t));
    return {{"items", out}};
}

}  // namespace hazeguard::api
