#pragma once
/// @file list_facts.hpp
/// @brief What the warning workflow needs of the emission-reduction list, given by whoever owns
/// the list (the lists service): the current version, the per-level rows a fan-out reads, and the
/// planned city-wide cuts a proposal shows.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/ports/store.hpp"

namespace hazeguard::service {

struct ListFacts {
    std::function<std::optional<std::int64_t>(ports::Store&)> current_version;
    /// @brief Works out (once) what every plant of `version` must do at every level.
    std::function<void(ports::Store&, std::int64_t version)> ensure_levels;
    /// @brief The planned reductions of `version` at `level` against the plan's target.
    std::function<nlohmann::json(ports::Store&, std::optional<std::int64_t> version, std::string const& level)>
        reduction_plan;
};

}  // namespace hazeguard::service
