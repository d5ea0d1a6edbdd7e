#pragma once
/// @file idempotency_repository.hpp
/// @brief Port: the answers of commands sent with an Idempotency-Key, kept per principal, so a
/// retried request gets the first answer instead of a second change.

#include <optional>
#include <string>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct StoredAnswer {
    std::string fingerprint;   ///< of the request that was answered
    int status = 200;
    std::string body;          ///< JSON text
    std::string location;
};

class IdempotencyRepository {
public:
    virtual ~IdempotencyRepository() = default;
    virtual std::optional<StoredAnswer> find(std::string const& principal, std::string const& key) = 0;
    /// @brief In the command's own transaction: the answer exists exactly when the change does.
    virtual void remember(std::string const& principal, std::string const& key, StoredAnswer const& answer,
                          engine::Instant at) = 0;
};

}  // namespace hazeguard::ports
