#pragma once
/// @file directive_repository.hpp
/// @brief Port: regional directives (MEE, Shanxi, the Fenwei office) as recorded.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct DirectiveRecord {
    std::int64_t id = 0;   ///< assigned by add()
    std::string issuer, level;
    engine::Instant start_at = 0;
    std::optional<engine::Instant> end_at;
    std::string reference, note, recorded_by;
    engine::Instant created_at = 0;
    std::string status = "pending";   ///< pending, in_force, ended, cancelled
    std::optional<engine::Instant> started_at, ended_at;
};

class DirectiveRepository {
public:
    virtual ~DirectiveRepository() = default;
    virtual std::int64_t add(DirectiveRecord const& directive) = 0;
    virtual std::optional<DirectiveRecord> find(std::int64_t id) = 0;
    /// @brief Newest first, at most `limit`.
    virtual std::vector<std::int64_t> ids(int limit) = 0;
    virtual void started(std::int64_t id, engine::Instant at) = 0;
    virtual void ended(std::int64_t id, engine::Instant at) = 0;
    virtual void cancelled(std::int64_t id) = 0;
    virtual void set_end(std::int64_t id, engine::Instant end_at) = 0;
};

}  // namespace hazeguard::ports
