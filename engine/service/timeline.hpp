#pragma once
/// @file timeline.hpp
/// @brief Writing one row of the timeline (the record every episode is evaluated from) in the
/// command's transaction.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/ports/store.hpp"

namespace hazeguard::service {

struct TimelineEntry {
    std::optional<int> episode;
    std::string ref;          ///< engine::Ref as text ("proposal:3")
    engine::Instant at = 0;   ///< when it happened (the service clock)
    std::string kind, actor, summary_cn;
    nlohmann::json detail = nlohmann::json::object();
};

/// @brief Appends `entry` under the plan version in force.
void record(ports::Store& store, std::string const& plan_version, TimelineEntry const& entry);

}  // namespace hazeguard::service
