#pragma once
/// @file roster_repository.hpp
/// @brief Port: the roster of notice recipients (docs/roster-format.md), versioned like the list:
/// every import is kept, the newest is in force.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct RosterVersion {
    std::int64_t version = 0;
    engine::Instant imported_at = 0;  ///< the service clock
    std::string imported_by;
    std::string source;
    std::string sha256;               ///< of `body`
    std::string body;                 ///< the roster, canonical JSON
};

class RosterRepository {
public:
    virtual ~RosterRepository() = default;
    /// @brief Stores a new version (its number given by the store) and returns the number.
    virtual std::int64_t add(RosterVersion const& roster) = 0;
    virtual std::optional<RosterVersion> latest() = 0;
    virtual std::optional<RosterVersion> version(std::int64_t version) = 0;
};

}  // namespace hazeguard::ports
