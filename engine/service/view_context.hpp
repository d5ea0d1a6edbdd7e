#pragma once
/// @file view_context.hpp
/// @brief What every resource's JSON view needs: local times in the plan's offset, levels by
/// name, the drill flag; and a plant's stored list entry read back.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/enterprises/enterprise.hpp"
#include "engine/time/timestamp.hpp"
#include "plans/plan.hpp"

namespace hazeguard::service {

struct ViewContext {
    plans::Plan const& plan;
    int offset_minutes = 480;
    bool drill = false;

    /// @brief RFC 3339 with the plan's offset (+08:00 in China).
    std::string local(engine::Instant t) const { return engine::format_rfc3339(t, offset_minutes); }
    nlohmann::json local_or_null(std::optional<engine::Instant> t) const {
        return t ? nlohmann::json(local(*t)) : nlohmann::json(nullptr);
    }
    /// @brief {"id", "name_cn", "name_en"} of the level at `rank`; null without one.
    nlohmann::json level(std::optional<int> rank) const;
    /// @brief A plant's list entry as stored (JSON text), read back against the plan.
    engine::Enterprise enterprise(std::string const& entry) const;
};

}  // namespace hazeguard::service
