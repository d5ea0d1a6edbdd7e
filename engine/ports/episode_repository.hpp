#pragma once
/// @file episode_repository.hpp
/// @brief Port: pollution episodes (污染过程) and the timeline rows each has adopted.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/audit/timeline_chain.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct EpisodeRecord {
    std::int64_t id = 0;
    engine::Instant opened_at = 0;
    std::optional<engine::Instant> closed_at;
    std::string plan_version, rule_set;
    bool drill = false;
    std::string peak_level;   ///< a plan level id; empty before the first level
    std::optional<std::int64_t> list_version;   ///< the list current when it opened
};

class EpisodeRepository {
public:
    virtual ~EpisodeRepository() = default;
    virtual void open(EpisodeRecord const& episode) = 0;
    virtual void reopen(std::int64_t id) = 0;
    virtual void close(std::int64_t id, engine::Instant at) = 0;
    virtual void set_peak_level(std::int64_t id, std::string const& level) = 0;
    virtual std::optional<EpisodeRecord> find(std::int64_t id) = 0;
    /// @brief Newest first, at most `limit`.
    virtual std::vector<EpisodeRecord> recent(int limit) = 0;
    /// @brief Its timeline: its own rows and those it adopted, in order.
    virtual std::vector<engine::TimelineRecord> timeline(std::int64_t id) = 0;
    /// @brief Rows recorded before the episode existed (no episode) under `ref` join it. Timeline
    /// rows are hash-chained and never updated: the adoption is a link of its own.
    virtual void adopt(std::int64_t id, std::string const& ref) = 0;
};

}  // namespace hazeguard::ports
