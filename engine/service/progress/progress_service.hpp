#pragma once
/// @file progress_service.hpp
/// @brief Progress of an episode's orders for officials: every batch, and for the current one the
/// counts by status × district × industry × grade (from the running tallies, never the orders),
/// the overdue orders, the escalations and the reduction plan against the plan's targets.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/ports/transactions.hpp"
#include "engine/service/clock.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

class ProgressService {
public:
    /// @brief The reduction plan of a batch: its planned t/day of SO2, NOx, PM, VOCs for
    /// `enterprises` plants at `level` against the plan's targets (the lists' code provides it).
    using ReductionSummary =
        std::function<nlohmann::json(std::optional<std::int64_t> list_version, std::string const& level,
                                     std::int64_t enterprises, std::array<double, 4> const& planned)>;

    /// @param transactions, @param clock and the plan in @param views must outlive the service.
    ProgressService(ports::Transactions& transactions, Clock const& clock, ViewContext views,
                    ReductionSummary reduction_summary)
        : transactions_(transactions), clock_(clock), views_(views), reduction_summary_(std::move(reduction_summary)) {}

    /// @brief GET /v1/episodes/{id}/progress; Error not_found for an unknown episode.
    nlohmann::json episode_progress(std::int64_t episode);

private:
    ports::Transactions& transactions_;
    Clock const& clock_;
    ViewContext views_;
    ReductionSummary reduction_summary_;
};

}  // namespace hazeguard::service
