#pragma once
/// @file episodes_service.hpp
/// @brief What the duty room reads of the warning: its status now (level, why, what is scheduled,
/// pending proposals, the next timers) and the pollution episodes with their timelines.

#include <cstdint>

#include <nlohmann/json.hpp>

#include "engine/ports/transactions.hpp"
#include "engine/service/clock.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

class EpisodesService {
public:
    EpisodesService(ports::Transactions& transactions, Clock const& clock, ViewContext views)
        : transactions_(transactions), clock_(clock), views_(views) {}

    nlohmann::json status();
    /// @brief The newest 200 episodes.
    nlohmann::json episodes();
    /// @brief One episode with its whole timeline.
    nlohmann::json episode(std::int64_t id);

private:
    nlohmann::json view(ports::EpisodeRecord const& e) const;
    ports::Transactions& transactions_;
    Clock const& clock_;
    ViewContext views_;
};

}  // namespace hazeguard::service
