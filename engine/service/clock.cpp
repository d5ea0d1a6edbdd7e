#include "engine/service/clock.hpp"

#include <chrono>

namespace hazeguard::service {

engine::Instant real_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

engine::Instant SystemClock::now() const { return real_now(); }

engine::Instant DrillClock::now() const {
    auto const real_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
    double const elapsed = static_cast<double>(real_ms - real_start_ * 1000) / 1000.0;
    return sim_start_ + static_cast<engine::Instant>(elapsed * speed_);
}

}  // namespace hazeguard::service
