#pragma once
/// @file order_issuer.hpp
/// @brief Orders (一厂一策) issued with every level change, inside the change's transaction — one
/// batch, one order per affected plant, termination notices for plants whose order ends — and the
/// batch's deadlines, while the batch is the latest: the overdue plants counted at the reminder,
/// and escalated to their districts' registered receivers through the outbox.

#include <cstdint>
#include <string>

#include "engine/service/command.hpp"
#include "engine/service/delivery/delivery_service.hpp"
#include "engine/service/view_context.hpp"
#include "engine/service/warnings/list_facts.hpp"
#include "engine/workflow/effects.hpp"

namespace hazeguard::service {

class OrderIssuer {
public:
    OrderIssuer(ViewContext views, ListFacts const& lists, DeliveryService const& delivery)
        : views_(views), lists_(lists), delivery_(delivery) {}

    void fan_out(Tx& tx, int episode, engine::LevelChanged const& change);
    /// @brief A batch timer came due: ack_due (remind), ack_escalation or execution_due (escalate).
    void deadline(Tx& tx, std::string const& kind, std::int64_t batch, engine::Instant due);

private:
    /// "health_advisory" when the level's forecast has a non-particulate primary pollutant.
    std::string pollutant_path(ports::Store& store, std::string const& cause) const;
    ViewContext views_;
    ListFacts const& lists_;
    DeliveryService const& delivery_;
};

}  // namespace hazeguard::service
