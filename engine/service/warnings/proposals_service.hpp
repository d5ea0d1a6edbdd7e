#pragma once
/// @file proposals_service.hpp
/// @brief Proposals (审批单): a duty officer proposes to issue, upgrade, downgrade, extend or lift a
/// warning; an approver with the authority for the level signs (the warning machine then acts) or
/// returns it with a reason. Proposers never decide on their own proposals.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/ports/transactions.hpp"
#include "engine/service/alerts/public_alerts_service.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/delivery/delivery_service.hpp"
#include "engine/service/forecasts/forecasts_service.hpp"
#include "engine/service/warnings/warning_cycle.hpp"

namespace hazeguard::service {

/// @brief A proposal as its request states it (checked for shape against the plan: the action is
/// one of issue, upgrade, downgrade, extend, lift; the level and rule set are the plan's).
struct ProposalRequest {
    std::string action;
    std::optional<std::string> level;
    std::optional<engine::Instant> start, end;
    bool null_end = false;   ///< "end_at": null was sent (open-ended)
    std::string note;
    std::optional<engine::Instant> consulted;
    std::optional<std::int64_t> forecast_id, directive_id;
    std::optional<std::string> rule_set;
    std::optional<std::string> justification;  ///< why the level differs from the recommendation
};

/// @brief An approver's signature, with an optional note.
struct ApprovalRequest {
    std::string note;
};

/// @brief An approver returns a proposal, saying why.
struct RejectionRequest {
    std::string reason;
};

/// @brief A proposal as stored (its checks as stored JSON text) and the document it was published
/// as, once signed (the document's stored JSON text, notice_document.hpp).
struct ProposalSheet {
    ports::ProposalRecord proposal;
    std::optional<std::string> document;
};

class ProposalsService {
public:
    ProposalsService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views, WarningCycle& cycle,
                     ForecastsService& forecasts, ListFacts const& lists, PublicAlertsService const& alerts,
                     DeliveryService const& delivery)
        : runner_(runner), transactions_(transactions), views_(views), cycle_(cycle), forecasts_(forecasts),
          lists_(lists), alerts_(alerts), delivery_(delivery) {}

    /// @brief Checks the proposal against the store and the plan's rules (Error validation with the
    /// request's pointer, invalid_transition, plan_rule_violation) and answers with its sheet once on disk.
    void create(Command const& c, ProposalRequest request, Answer<ProposalSheet> answer);
    void approve(Command const& c, std::int64_t id, ApprovalRequest request, Answer<ProposalSheet> answer);
    void reject(Command const& c, std::int64_t id, RejectionRequest request, Answer<ProposalSheet> answer);
    /// @brief The printable notice (or 调度令) of a signed proposal: one A4 HTML page
    /// (document_page.hpp); not_found for a proposal without a document (not signed).
    std::string notice_html(std::int64_t id);
    ProposalSheet proposal(std::int64_t id);
    /// @brief The newest 200, optionally of one status (pending, approved, rejected).
    std::vector<ProposalSheet> proposals(std::optional<std::string> const& status);
    /// @brief The timeline row of an approval deadline that passed with the proposal still pending.
    void approval_overdue(Tx& tx, std::int64_t id, engine::Instant due);

private:
    engine::Action action_of(ports::ProposalRecord const& p, engine::Instant now) const;
    ports::ProposalRecord open_for_decision(ports::Store& store, std::int64_t id, Principal const& decider) const;
    ProposalSheet sheet(ports::Store& store, std::int64_t id) const;
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
    WarningCycle& cycle_;
    ForecastsService& forecasts_;
    ListFacts const& lists_;
    PublicAlertsService const& alerts_;
    DeliveryService const& delivery_;
};

}  // namespace hazeguard::service
