#pragma once
/// @file route_kit.hpp
/// @brief What every resource's route table is written with: the roles, and the two shapes of a
/// handler — now() answers a read at once, after_commit() hands a write's Completion to its
/// service, which answers once the write's group is on disk.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "api/app/route_table.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::api::routes {

using Table = std::vector<Route<RouteSpec>>;

inline Roles const kAnyone{};
inline Roles const kStaff{"duty_officer", "approver", "department", "auditor", "admin"};
inline Roles const kOperators{"duty_officer", "admin"};
inline Roles const kDuty{"duty_officer"};
inline Roles const kApprover{"approver"};
inline Roles const kEnterprise{"enterprise"};
inline Roles const kAdmin{"admin"};
inline Roles const kSubscribers{"admin", "enterprise"};  ///< an enterprise: its own orders subscriptions only

template <class F>
RouteHandler now(F f) {
    return [f](Context const& c, Responder const& respond) { respond(f(c)); };
}
template <class F>
RouteHandler after_commit(F f) {
    return [f](Context const& c, Responder const& respond) { f(c, respond.completion()); };
}

inline std::int64_t id(Context const& c) { return c.match.id; }

/// @brief A command's answer presented as JSON by `to_json` (one of api/resources/*/*_json.hpp),
/// with `status` and, when `location` is given, the new resource's path.
template <class Result>
service::Answer<Result> json_answer(service::ViewContext const& views,
                                    nlohmann::json (*to_json)(service::ViewContext const&, Result const&),
                                    service::Completion done, int status = 200,
                                    std::string (*location)(Result const&) = nullptr) {
    return {[views, to_json, status, location](Result const& r) {
                return service::Reply{status, to_json(views, r), location ? location(r) : std::string()};
            },
            std::move(done)};
}

/// @brief A text/html answer (a printable document).
Response html_response(std::string body);

}  // namespace hazeguard::api::routes
