#pragma once
/// @file public_alerts_service.hpp
/// @brief Public warnings as OASIS CAP 1.2 alerts (docs/cap.md): each signed change of the
/// warning, and each regional directive that starts or ends, is published in the transaction of
/// the change; the alerts are read back for the public feed.

#include <optional>
#include <string>
#include <vector>

#include "engine/ports/public_alert_repository.hpp"
#include "engine/ports/transactions.hpp"
#include "engine/service/command.hpp"
#include "engine/service/view_context.hpp"
#include "engine/workflow/warning_state.hpp"

namespace hazeguard::service {

class PublicAlertsService {
public:
    PublicAlertsService(ports::Transactions& transactions, ViewContext views)
        : transactions_(transactions), views_(views) {}

    /// @brief Publishes the alert that tells the public about the change from `before` to the
    /// state now stored, when the plan publishes one (engine::next_public_alert).
    /// @param action issue, upgrade, downgrade, extend, lift, directive_start, directive_end
    void publish(Tx& tx, engine::WarningState const& before, std::string const& action) const;

    /// @brief The newest `limit` alerts, newest first, without their documents.
    std::vector<ports::PublicAlertRecord> recent(int limit);
    /// @brief One alert with its document, or nullopt.
    std::optional<ports::PublicAlertRecord> find(std::string const& identifier);

private:
    ports::Transactions& transactions_;
    ViewContext views_;
};

}  // namespace hazeguard::service
