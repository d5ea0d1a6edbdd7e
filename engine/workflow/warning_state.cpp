#include "engine/workflow/warning_state.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace hazeguard::engine {
namespace {
constexpr std::array<std::pair<Phase, std::string_view>, 4> kNames = {{{Phase::normal, "normal"},
                                                                      {Phase::scheduled, "scheduled"},
                                                                      {Phase::active, "active"},
                                                                      {Phase::change_scheduled, "change_scheduled"}}};
}

std::string_view phase_name(Phase p) {
    for (auto const& [phase, name] : kNames)
        if (phase == p) return name;
    return "unknown";
}

std::optional<Phase> phase_from_name(std::string_view name) {
    for (auto const& [phase, n] : kNames)
        if (n == name) return phase;
    return std::nullopt;
}

std::optional<int> WarningState::directive_floor() const {
    std::optional<int> floor;
    for (auto const& d : directives) floor = std::max(floor.value_or(d.level), d.level);
    return floor;
}

std::optional<int> WarningState::effective_level() const {
    auto const floor = directive_floor();
    if (!local_level) return floor;
    if (!floor) return local_level;
    return std::max(*local_level, *floor);
}

}  // namespace hazeguard::engine
