// Every service::Errc with its HTTP status, problem type and title: the only place they meet.
#include <array>
#include <string_view>

#include "api/app/problem.hpp"

namespace hazeguard::api {
namespace {
using service::Errc;

struct Row {
    Errc code;
    int status;
    std::string_view type, title;
};

constexpr std::array kTable{
    Row{Errc::validation, 422, "/problems/validation", "Invalid request"},
    Row{Errc::malformed_json, 400, "/problems/malformed-json", "Malformed JSON"},
    Row{Errc::invalid_list, 422, "/problems/invalid-list", "Invalid emission-reduction list"},
    Row{Errc::not_found, 404, "/problems/not-found", "Not found"},
    Row{Errc::forbidden_role, 403, "/problems/forbidden-role", "Forbidden"},
    Row{Errc::self_approval, 403, "/problems/self-approval", "Forbidden"},
    Row{Errc::insufficient_authority, 403, "/problems/insufficient-authority", "Forbidden"},
    Row{Errc::invalid_transition, 409, "/problems/invalid-transition", "Action not possible in the current state"},
    Row{Errc::plan_rule_violation, 409, "/problems/plan-rule-violation", "Refused by the plan's rules"},
    Row{Errc::proposal_not_pending, 409, "/problems/proposal-not-pending", "Proposal already decided"},
    Row{Errc::directive_not_active, 409, "/problems/directive-not-active", "Directive not active"},
    Row{Errc::order_superseded, 409, "/problems/order-superseded", "Order superseded"},
    Row{Errc::not_an_order, 409, "/problems/not-an-order", "Not an order"},
    Row{Errc::order_not_acknowledged, 409, "/problems/order-not-acknowledged", "Order not acknowledged"},
    Row{Errc::link_expired, 410, "/problems/link-expired", "Link expired"},
    Row{Errc::delivery_not_dead, 409, "/problems/delivery-not-dead", "Delivery not dead"},
    Row{Errc::idempotency_key_reused, 422, "/problems/idempotency-key-reused", "Idempotency-Key reused"},
    Row{Errc::storage_busy, 503, "/problems/storage-busy", "Storage busy"},
    Row{Errc::storage_unavailable, 503, "/problems/storage-unavailable", "Storage unavailable"},
    Row{Errc::reports_busy, 503, "/problems/reports-busy", "Too many reports in progress"},
};
}  // namespace

Problem problem_of(service::Error const& e) {
    for (auto const& row : kTable)
        if (row.code == e.code)
            return Problem(row.status, std::string(row.type), std::string(row.title), e.detail, e.errors, e.extra);
    return Problem(500, "/problems/internal-error", "Internal server error", "an unmapped refusal");
}

}  // namespace hazeguard::api
