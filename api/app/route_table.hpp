#pragma once
/// @file route_table.hpp
/// @brief Every route of the API in one table, by resource: its method and pattern, the roles that
/// may call it (checked from the request head, before the body is read), its body limit, whether
/// it is public, and its handler — which reads the request, calls one application service and
/// answers through the Responder.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/app/auth_throttle.hpp"
#include "api/app/console/console_progress_watch.hpp"
#include "api/app/exchange.hpp"
#include "api/app/route.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::api {

/// @brief Request bodies of every route but the list import (conventions §7.7: limits per route).
inline constexpr std::size_t kDefaultBodyLimit = 256 * 1024;
/// @brief A whole emission-reduction list (a province's runs to hundreds of megabytes as JSON).
inline constexpr std::size_t kListBodyLimit = std::size_t{512} << 20;
/// @brief The roster of notice recipients: at most 2,000 recipients with 20 contacts each.
inline constexpr std::size_t kRosterBodyLimit = std::size_t{4} << 20;

using Roles = std::vector<std::string>;

/// @brief A read answers at once; a write hands its job to the group committer and answers from
/// its Completion once on disk. No write blocks an I/O thread.
using RouteHandler = std::function<void(Context const&, Responder const&)>;

struct RouteSpec {
    Roles roles;          ///< who may call it (empty: any authenticated principal)
    RouteHandler handler;
    std::size_t body_limit = kDefaultBodyLimit;
    bool open = false;    ///< public: no token (the one-time links, the CAP feed, the SMS gateway's pushes)
    bool console = false; ///< a console page: signed in by session cookie, refused with a page
};

/// @brief What the handlers read besides the service, owned by the Application.
struct RouteEnv {
    std::string public_url = "http://localhost";   ///< serve --public-url
    std::function<Response()> metrics;              ///< the /metrics scrape
    /// Failed authentications per client address: bearer tokens and console sign-ins alike
    /// (shared: a sign-in's answer may come after the Application is gone).
    std::shared_ptr<AuthThrottle> throttle = std::make_shared<AuthThrottle>();
    /// The episode pages' held progress polls, woken by the group commits (docs/console.md).
    std::shared_ptr<ProgressWatch> progress = std::make_shared<ProgressWatch>();
};

/// @brief The role of the principal is one of `roles` (or `roles` is empty); else 403.
void require(Roles const& roles, service::Principal const& p);

/// @brief A one-time link's acknowledgement: the link is the authority; Idempotency-Keys live per link.
service::Command link_command(Context const& c);

std::vector<Route<RouteSpec>> route_table(service::Service& s, RouteEnv const& env);

}  // namespace hazeguard::api
