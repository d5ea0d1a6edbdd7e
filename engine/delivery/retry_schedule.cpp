#include "engine/delivery/retry_schedule.hpp"

#include <array>

namespace hazeguard::engine {

namespace {
constexpr std::array<Instant, 10> kDelays = {5, 30, 120, 600, 1800, 3600, 7200, 18000, 36000, 86400};
}

int max_attempts() { return static_cast<int>(kDelays.size()) + 1; }

std::optional<Instant> next_attempt(int failed, Instant at) {
    if (failed < 1 || failed > static_cast<int>(kDelays.size())) return std::nullopt;
    return at + kDelays[static_cast<std::size_t>(failed - 1)];
}

}  // namespace hazeguard::engine
