#pragma once
/// @file timer_repository.hpp
/// @brief Port: timers as rows (start and end of levels, directive starts and ends, approval and
/// order deadlines): fired once each, by whoever finds them due, after any restart.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct TimerRecord {
    std::int64_t id = 0;
    std::string kind;   ///< start, end, directive_start, directive_end, approval_due, ack_due, ack_escalation, execution_due
    std::string ref;    ///< engine::Ref as text
    engine::Instant due_at = 0;
};

class TimerRepository {
public:
    virtual ~TimerRepository() = default;
    virtual std::int64_t add(std::string const& kind, std::string const& ref, engine::Instant due,
                             engine::Instant created_at) = 0;
    /// @brief Cancels the pending timers of this kind and ref.
    virtual void cancel(std::string const& kind, std::string const& ref, engine::Instant at) = 0;
    virtual void cancel(std::int64_t id, engine::Instant at) = 0;
    /// @brief Pending (neither fired nor cancelled) timers of a kind.
    virtual std::vector<TimerRecord> pending(std::string const& kind) = 0;
    /// @brief The next `limit` pending timers by due time.
    virtual std::vector<TimerRecord> next(int limit) = 0;
    virtual std::int64_t count_pending() = 0;
    /// @brief The earliest pending timer due at or before `until`.
    virtual std::optional<TimerRecord> first_due(engine::Instant until) = 0;
    virtual void fired(std::int64_t id, engine::Instant at) = 0;
};

}  // namespace hazeguard::ports
