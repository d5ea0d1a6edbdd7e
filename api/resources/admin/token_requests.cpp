#include "api/resources/admin/token_requests.hpp"

#include <set>
#include <string>
#include <utility>

#include "api/app/input.hpp"
#include "engine/service/identity/tokens.hpp"

namespace hazeguard::api {

service::TokenRequest read_token_request(nlohmann::json const& body, plans::Plan const& plan) {
    Input in(body);
    in.reject_unknown({"role", "name", "authority", "enterprise_id", "expires_in_days"});
    service::Principal who;
    std::set<std::string> unreadable;  // already reported: not a string, or too long
    for (auto const& [key, field] : {std::pair{"role", &who.role}, std::pair{"name", &who.name},
                                    std::pair{"authority", &who.authority}, std::pair{"enterprise_id", &who.enterprise_id}}) {
        auto const value = in.text(key, false, key == std::string("name") ? 200 : 64);
        if (!value && in.has(key) && !in.is_null(key)) unreadable.insert(key);
        *field = value.value_or("");
    }
    auto const days = in.integer("expires_in_days", false, 1, service::kMaxTokenDays);
    for (auto const& p : service::principal_problems(plan, who))
        if (!unreadable.count(p.pointer.substr(1))) in.error(p.pointer.substr(1), p.message);
    in.finish();
    return {who, days};
}

}  // namespace hazeguard::api
