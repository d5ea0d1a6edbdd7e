#pragma once
/// @file retry_schedule.hpp
/// @brief When a failed delivery is tried again (docs/delivery.md): after 5 s, 30 s, 2 min,
/// 10 min, 30 min, 1 h, 2 h, 5 h, 10 h and 24 h — about 42 hours in all, in the manner of Standard
/// Webhooks' schedule — then it is dead: an admin sees it and may retry it.

#include <optional>

#include "engine/time/timestamp.hpp"

namespace hazeguard::engine {

/// @brief The time of the next attempt after `failed` attempts have failed, the last at `at`;
/// nullopt when none is left (the delivery is dead).
std::optional<Instant> next_attempt(int failed, Instant at);

/// @brief How many attempts a delivery gets before it is dead.
int max_attempts();

}  // namespace hazeguard::engine
