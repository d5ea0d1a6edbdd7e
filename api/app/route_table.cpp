// The API's routes, joined from each resource's table (api/resources/): a handler reads what its
// route captured, calls one application service and presents its result.
#include "api/app/route_table.hpp"

#include <algorithm>

#include "api/app/problem_response.hpp"
#include "api/resources/resource_routes.hpp"

namespace hazeguard::api {

namespace routes {
Response html_response(std::string body) {
    Response out;
    out.status = 200;
    out.content_type = "text/html; charset=utf-8";
    out.body = std::move(body);
    return out;
}
}  // namespace routes

service::Command link_command(Context const& c) {
    service::Command cmd = c.command();
    cmd.principal = {"link:" + c.match.code.substr(0, c.match.code.find('.')), "link", "", ""};
    return cmd;
}

void require(Roles const& roles, service::Principal const& p) {
    if (roles.empty() || std::find(roles.begin(), roles.end(), p.role) != roles.end()) return;
    std::string list;
    for (auto const& r : roles) list += (list.empty() ? "" : " or ") + r;
    throw Problem(403, "/problems/forbidden-role", "Forbidden", "role '" + p.role + "' may not do this; it needs " + list);
}

std::vector<Route<RouteSpec>> route_table(service::Service& s, RouteEnv const& env) {
    std::vector<Route<RouteSpec>> all;
    for (auto part : {routes::warning_routes(s), routes::order_routes(s), routes::list_routes(s), routes::delivery_routes(s), routes::admin_routes(s, env)})
        for (auto& r : part) all.push_back(std::move(r));
    return all;
}

}  // namespace hazeguard::api
