#pragma once
/// @file clock.hpp
/// @brief The one place that reads the wall clock. Drill mode runs a simulated clock: a start
/// instant advancing `speed` times faster than real time.

#include "engine/time/timestamp.hpp"

namespace hazeguard::service {

class Clock {
public:
    virtual ~Clock() = default;
    virtual engine::Instant now() const = 0;
};

/// @brief Real time.
class SystemClock final : public Clock {
public:
    engine::Instant now() const override;
};

/// @brief Simulated time: sim_start at real instant real_start, running `speed` times as fast.
/// Anchored on real wall-clock instants so a restarted drill carries on where it was.
class DrillClock final : public Clock {
public:
    DrillClock(engine::Instant sim_start, engine::Instant real_start, double speed)
        : sim_start_(sim_start), real_start_(real_start), speed_(speed) {}
    engine::Instant now() const override;

private:
    engine::Instant sim_start_;
    engine::Instant real_start_;
    double speed_;
};

/// @brief Real wall-clock seconds (also used to anchor drills).
engine::Instant real_now();

}  // namespace hazeguard::service
