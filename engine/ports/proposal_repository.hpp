#pragma once
/// @file proposal_repository.hpp
/// @brief Port: proposals (审批单) — proposed, then approved or rejected once.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct ProposalRecord {
    std::int64_t id = 0;   ///< assigned by add()
    std::string action;    ///< issue, upgrade, downgrade, extend, lift
    std::optional<std::string> level;
    engine::Instant start_at = 0;
    std::optional<engine::Instant> end_at;
    bool open_ended = false;
    std::string note;
    engine::Instant consulted_at = 0;
    std::optional<std::int64_t> forecast_id, directive_id;
    std::string proposer;
    engine::Instant created_at = 0, form_due_at = 0, approval_due_at = 0;
    std::string checks = "{}";   ///< JSON text
    std::string status = "pending";
    std::optional<std::string> decided_by, decided_authority;
    std::optional<engine::Instant> decided_at;
    std::optional<std::string> decision_note;
    std::optional<bool> approval_late;
    std::optional<engine::Instant> distribution_due_at;
    std::optional<std::string> notice;
    std::optional<std::int64_t> episode_id;
};

/// @brief A decision on a pending proposal.
struct ProposalDecision {
    std::string status;   ///< approved, rejected
    std::string by, authority;
    engine::Instant at = 0;
    std::string note;
    std::optional<bool> late;                       ///< approvals only
    std::optional<engine::Instant> distribution_due_at;
    std::optional<std::string> notice;
};

class ProposalRepository {
public:
    virtual ~ProposalRepository() = default;
    virtual std::int64_t add(ProposalRecord const& proposal) = 0;
    virtual std::optional<ProposalRecord> find(std::int64_t id) = 0;
    /// @brief Newest first, at most `limit`, optionally of one status.
    virtual std::vector<std::int64_t> ids(std::optional<std::string> const& status, int limit) = 0;
    virtual std::int64_t count_pending() = 0;
    virtual void decide(std::int64_t id, ProposalDecision const& decision) = 0;
    /// @brief The proposal joins `episode` unless it already belongs to one.
    virtual void join_episode(std::int64_t id, std::int64_t episode) = 0;
};

}  // namespace hazeguard::ports
