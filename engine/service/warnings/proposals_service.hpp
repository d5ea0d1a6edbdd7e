#pragma once
/// @file proposals_service.hpp
/// @brief Proposals (审批单): a duty officer proposes to issue, upgrade, downgrade, extend or lift a
/// warning; an approver with the authority for the level signs (the warning machine then acts) or
/// returns it with a reason. Proposers never decide on their own proposals.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/ports/transactions.hpp"
#include "engine/service/alerts/public_alerts_service.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/delivery/delivery_service.hpp"
#include "engine/service/forecasts/forecasts_service.hpp"
#include "engine/service/warnings/warning_cycle.hpp"

namespace hazeguard::service {

class ProposalsService {
public:
    ProposalsService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views, WarningCycle& cycle,
                     ForecastsService& forecasts, ListFacts const& lists, PublicAlertsService const& alerts,
                     DeliveryService const& delivery)
        : runner_(runner), transactions_(transactions), views_(views), cycle_(cycle), forecasts_(forecasts),
          lists_(lists), alerts_(alerts), delivery_(delivery) {}

    void create(Command const& c, nlohmann::json const& body, Completion done);
    void approve(Command const& c, std::int64_t id, nlohmann::json const& body, Completion done);
    void reject(Command const& c, std::int64_t id, nlohmann::json const& body, Completion done);
    /// @brief The printable notice (or 调度令) of a signed proposal: one A4 HTML page
    /// (document_page.hpp); not_found for a proposal without a document (not signed).
    std::string notice_html(std::int64_t id);
    nlohmann::json proposal(std::int64_t id);
    /// @brief The newest 200, optionally of one status (pending, approved, rejected); without notices.
    nlohmann::json proposals(std::optional<std::string> const& status);
    /// @brief The timeline row of an approval deadline that passed with the proposal still pending.
    void approval_overdue(Tx& tx, std::int64_t id, engine::Instant due);

private:
    engine::Action action_of(ports::ProposalRecord const& p, engine::Instant now) const;
    ports::ProposalRecord open_for_decision(ports::Store& store, std::int64_t id, Principal const& decider) const;
    nlohmann::json view(ports::Store& store, std::int64_t id) const;
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
