#pragma once
/// @file evaluation_repository.hpp
/// @brief Port: what the post-event evaluation (后评估) reads of one episode, as plain rows; the
/// reports service assembles engine::report::EvaluationInput from them. Read-only.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/ports/episode_repository.hpp"
#include "engine/report/evaluation_input.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

/// @brief A timeline row with its detail (JSON text).
struct TimelineRow {
    engine::report::TimelineEntry entry;
    std::string detail;
};

/// @brief One order of the episode with its plant, as the report reads it.
struct EvaluationOrder {
    /// @brief Everything but superseded_at and the plant's baselines, which the service adds.
    engine::report::OrderRecord record;
    /// @brief The plant's list entry (JSON text), only for orders whose execution report has
    /// electricity readings (reported_kwh_per_day set): their baselines come from it.
    std::optional<std::string> enterprise_entry;
};

/// @brief An observation in the report's window.
struct ObservationRow {
    bool hourly = false;   ///< else daily
    engine::Instant at = 0;
    int aqi = 0;
    std::optional<double> pm25;
    std::string primary_pollutant;
    int revision = 1;
};

class EvaluationRepository {
public:
    virtual ~EvaluationRepository() = default;
    /// @brief The episode's timeline (adopted rows included), by time then id.
    virtual std::vector<TimelineRow> timeline(std::int64_t episode) = 0;
    virtual std::optional<engine::report::DirectiveRecord> directive(std::int64_t id) = 0;
    /// @brief (superseded order id, when its successor's batch was issued) for the episode's orders.
    virtual std::vector<std::pair<std::int64_t, engine::Instant>> superseded(std::int64_t episode) = 0;
    /// @brief Every order of the episode by order id, with its planned reductions at its batch's
    /// level under `plan_version`; only the orders without an acknowledgement (termination notices
    /// aside) when `unacknowledged_only`. `each` may move from its argument.
    virtual void orders(std::int64_t episode, std::string const& plan_version, bool unacknowledged_only,
                        std::function<void(EvaluationOrder&)> const& each) = 0;
    /// @brief Observations with `from <= at < to`, by granularity then time.
    virtual std::vector<ObservationRow> observations(engine::Instant from, engine::Instant to) = 0;
};

}  // namespace hazeguard::ports
