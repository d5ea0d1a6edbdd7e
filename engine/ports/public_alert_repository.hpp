#pragma once
/// @file public_alert_repository.hpp
/// @brief Port: the public warnings as published CAP 1.2 alerts. A published alert is never
/// changed: a later alert updates or cancels it by reference.

#include <optional>
#include <string>
#include <vector>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct PublicAlertRecord {
    std::string identifier;
    engine::Instant sent = 0;
    std::string msg_type;                    ///< Alert, Update, Cancel
    std::optional<engine::Instant> expires;  ///< the latest expiry it states; empty: until further notice
    bool closes = false;                     ///< it ended its warning (AllClear or Cancel)
    int warning = 0;                         ///< the warning it belongs to: 1, 2, ... (one per Alert)
    std::string headline_cn;
    std::string xml;                         ///< the document as published
};

class PublicAlertRepository {
public:
    virtual ~PublicAlertRepository() = default;
    virtual void append(PublicAlertRecord const& alert) = 0;
    /// @brief The alerts of the highest warning number, oldest first (empty before the first).
    virtual std::vector<PublicAlertRecord> last_warning() = 0;
    /// @brief How many alerts were sent at exactly `sent`.
    virtual int count_sent_at(engine::Instant sent) = 0;
    /// @brief The newest `limit` alerts, newest first, without their documents.
    virtual std::vector<PublicAlertRecord> recent(int limit) = 0;
    virtual std::optional<PublicAlertRecord> find(std::string const& identifier) = 0;
};

}  // namespace hazeguard::ports
