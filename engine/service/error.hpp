#pragma once
/// @file error.hpp
/// @brief Expected failures of a command or query, in the application's words. The services throw
/// them; api/app/error_table.cpp gives each code its HTTP status, problem type and title (the
/// catalogue is docs/api.md), and the CLI prints their detail.

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hazeguard::service {

/// @brief A field at fault: JSON pointer (RFC 6901) into the request body, and what is wrong;
/// `message_cn` the same in Chinese where the refusal has it (a list's problems), else "".
struct FieldError {
    std::string pointer;
    std::string message;
    std::string message_cn = {};
};

/// @brief Why a command or query was refused.
enum class Errc {
    validation,              ///< a field is missing or wrong (every fault in Error::errors)
    malformed_json,          ///< the body is not JSON (or too deep, out of range, not UTF-8)
    invalid_list,            ///< an emission-reduction list with faulty rows
    not_found,               ///< no such resource (or not one the caller may know of)
    forbidden_role,          ///< the caller's role may not do this
    self_approval,           ///< the proposer may not decide on their own proposal
    insufficient_authority,  ///< the approver may not sign this level
    invalid_transition,      ///< the warning's state does not allow the action
    plan_rule_violation,     ///< the plan's rules forbid the action now
    proposal_not_pending,    ///< the proposal was already decided
    directive_not_active,    ///< the directive has ended or not started
    order_superseded,        ///< a newer order replaced this one
    not_an_order,            ///< a termination notice was treated as an order
    order_not_acknowledged,  ///< an execution report before the acknowledgement
    delivery_not_dead,       ///< only a dead delivery (of a subscription still there) can be retried
    link_expired,            ///< an order's one-time link past its expiry
    idempotency_key_reused,  ///< the key was used for a different request
    storage_busy,            ///< another process holds the database: retry shortly
    storage_unavailable,     ///< the disk refused the write (full, I/O error): an operator must act
    reports_busy,            ///< too many reports are waiting to be built: retry shortly
};

/// @brief A refusal: its code, a sentence for the person who sent the request, the fields at fault
/// and extension members (e.g. {"state": "normal", "action": "lift"}).
struct Error : std::runtime_error {
    Error(Errc code_, std::string detail_, std::vector<FieldError> errors_ = {},
          nlohmann::json extra_ = nlohmann::json::object())
        : std::runtime_error(detail_), code(code_), detail(std::move(detail_)), errors(std::move(errors_)),
          extra(std::move(extra_)) {}

    Errc code;
    std::string detail;
    std::vector<FieldError> errors;
    nlohmann::json extra;
};

[[noreturn]] inline void not_found(std::string const& what) { throw Error(Errc::not_found, what + " does not exist"); }

}  // namespace hazeguard::service
