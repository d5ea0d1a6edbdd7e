// Bearer tokens: random, shown once, stored as SHA-256.
#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <random>

#include "engine/service/problem.hpp"
#include "engine/service/service.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::service {

bool is_known_role(std::string const& role) {
    static constexpr std::array<char const*, 6> kRoles = {"duty_officer", "approver", "enterprise",
                                                         "department",   "auditor",  "admin"};
    for (auto const* r : kRoles)
        if (role == r) return true;
    return false;
}

std::string create_token(SQLite::Database& db, plans::Plan const& plan, Principal const& who) {
    if (!is_known_role(who.role))
        throw std::invalid_argument("unknown role '" + who.role +
                                    "' (duty_officer, approver, enterprise, department, auditor, admin)");
    if (who.name.empty()) throw std::invalid_argument("a token needs a name");
    if (who.role == "approver" && !plan.authority(who.authority))
        throw std::invalid_argument("an approver needs --authority, one of the plan's authorities");
    if (who.role == "enterprise" && who.enterprise_id.empty())
        throw std::invalid_argument("an enterprise token needs --enterprise ID");
    std::random_device rd;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token = "hg_";
    for (int i = 0; i < 40; ++i) token.push_back(kHex[rd() % 16]);
    SQLite::Statement q(db, "INSERT INTO tokens(hash, role, name, authority, enterprise_id, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, engine::sha256_hex(token));
    q.bind(2, who.role);
    q.bind(3, who.name);
    if (!who.authority.empty()) q.bind(4, who.authority);
    if (!who.enterprise_id.empty()) q.bind(5, who.enterprise_id);
    q.bind(6, real_now());
    q.exec();
    return token;
}

}  // namespace hazeguard::service

namespace hazeguard::service {
std::string Service::create_token(Principal const& who) {
    std::lock_guard lock(db_mutex_);
    return service::create_token(*db_, plan_, who);
}
}  // namespace hazeguard::service
