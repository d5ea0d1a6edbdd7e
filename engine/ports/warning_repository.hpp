#pragma once
/// @file warning_repository.hpp
/// @brief Port: the warning machine's state (one row) and the episode timeline it writes.

#include <string>

#include "engine/audit/timeline_chain.hpp"
#include "engine/workflow/warning_state.hpp"

namespace hazeguard::ports {

class WarningRepository {
public:
    virtual ~WarningRepository() = default;
    virtual engine::WarningState state() = 0;
    virtual void save(engine::WarningState const& state) = 0;
    /// @brief Appends a timeline row (its id and hash chain are the storage's business).
    virtual void append_timeline(engine::TimelineRecord row) = 0;
};

}  // namespace hazeguard::ports
