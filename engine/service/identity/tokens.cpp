// Bearer tokens: random, shown once, stored as SHA-256, with an expiry and a revocation.
#include "engine/service/identity/tokens.hpp"

#include <array>
#include <random>
#include <stdexcept>

#include "engine/util/sha256.hpp"

namespace hazeguard::service {
using engine::Instant;

namespace {
constexpr std::array<char const*, 6> kRoles = {"duty_officer", "approver", "enterprise", "department", "auditor", "admin"};

bool has_control_byte(std::string const& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

std::string joined(std::vector<std::string> const& items) {
    std::string out;
    for (auto const& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

}  // namespace

bool is_known_role(std::string const& role) {
    for (auto const* r : kRoles)
        if (role == r) return true;
    return false;
}

Instant token_expiry(std::string const& role, Instant now, int offset_minutes, std::optional<int> expires_in_days) {
    if (expires_in_days) return now + *expires_in_days * engine::kDay;
    if (role != "enterprise") return now + kStaffTokenDays * engine::kDay;
    // Enterprise tokens follow the emission-reduction list, which is renewed every year.
    int const year = std::stoi(engine::format_local_date(now, offset_minutes).substr(0, 4));
    return *engine::parse_local_date(std::to_string(year + 1) + "-01-01", offset_minutes) - 1;
}

std::vector<FieldError> principal_problems(plans::Plan const& plan, Principal const& who) {
    std::vector<FieldError> out;
    if (who.role.empty()) out.push_back({"/role", "is required"});
    else if (!is_known_role(who.role))
        out.push_back({"/role", "must be one of " + joined({kRoles.begin(), kRoles.end()})});
    if (who.name.empty()) out.push_back({"/name", "is required"});
    for (auto const& [pointer, value] : {std::pair{"/name", &who.name}, std::pair{"/authority", &who.authority},
                                        std::pair{"/enterprise_id", &who.enterprise_id}})
        if (has_control_byte(*value)) out.push_back({pointer, "must not contain control characters"});
    if (who.role == "approver" && !plan.authority(who.authority)) {
        std::vector<std::string> ids;
        for (auto const& a : plan.authorities) ids.push_back(a.id);
        out.push_back({"/authority", "an approver needs one of the plan's authorities: " + joined(ids)});
    } else if (who.role != "approver" && !who.authority.empty()) {
        out.push_back({"/authority", "is only for approvers"});
    }
    if (who.role == "enterprise" && who.enterprise_id.empty())
        out.push_back({"/enterprise_id", "is required for an enterprise token"});
    else if (who.role != "enterprise" && !who.enterprise_id.empty())
        out.push_back({"/enterprise_id", "is only for enterprise tokens"});
    return out;
}

std::string new_token() {
    std::random_device rd;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token = "hg_";
    for (int i = 0; i < 40; ++i) token.push_back(kHex[rd() % 16]);
    return token;
}

std::string create_token(ports::TokenRepository& tokens, plans::Plan const& plan, Principal const& who,
                         std::optional<int> expires_in_days, Instant now) {
    if (auto const problems = principal_problems(plan, who); !problems.empty())
        throw std::invalid_argument(problems.front().pointer.substr(1) + " " + problems.front().message);
    auto const offset = engine::parse_utc_offset(plan.utc_offset).value_or(480);
    auto const token = new_token();
    tokens.add(engine::sha256_hex(token), who, now, token_expiry(who.role, now, offset, expires_in_days));
    return token;
}

std::optional<TokenRecord> revoke_token(ports::TokenRepository& tokens, std::int64_t id, std::string const& by,
                                        Instant now) {
    tokens.revoke(id, by, now);
    return tokens.find(id);
}

}  // namespace hazeguard::service
