#pragma once
/// @file order_issuer.hpp
/// @brief Orders (一厂一策) issued with every level change, inside the change's transaction — one
/// batch, one order per affected plant, termination notices for plants whose order ends — and the
/// batch's deadlines, while the batch is the latest: the overdue plants counted at the reminder,
/// and escalated to their districts' registered receivers through the outbox.
///
/// A change signed ahead of its start is announced at the signature: its batch goes out at once,
/// effective from the start (advance notice). At the start that batch simply takes effect; if the
/// start turns out otherwise (a directive changed the level, a new list was imported) a replacing
/// batch goes out, and a change withdrawn before its start replaces its batch with cancellations.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/ports/batch_repository.hpp"
#include "engine/service/command.hpp"
#include "engine/service/delivery/delivery_service.hpp"
#include "engine/service/delivery/sms_service.hpp"
#include "engine/service/view_context.hpp"
#include "engine/service/warnings/list_facts.hpp"
#include "engine/workflow/effects.hpp"

namespace hazeguard::service {

class OrderIssuer {
public:
    OrderIssuer(ViewContext views, ListFacts const& lists, DeliveryService const& delivery, SmsService const& sms)
        : views_(views), lists_(lists), delivery_(delivery), sms_(sms) {}

    /// @brief The level in force changed: its orders take effect, or go out now.
    void fan_out(Tx& tx, int episode, engine::LevelChanged const& change);
    /// @brief A change was signed: its orders go out now, effective from its start.
    void announce(Tx& tx, engine::ChangeScheduled const& change);
    /// @brief A signed change was dropped before its start: its plants are told, and told what
    /// holds now (`level_in_force` of `open_episode`).
    void withdraw(Tx& tx, engine::ScheduleCancelled const& cancelled, std::optional<int> open_episode,
                  std::optional<int> level_in_force);
    /// @brief A batch timer came due: ack_pre_reminder and ack_due (remind), ack_escalation or
    /// execution_due (escalate).
    void deadline(Tx& tx, std::string const& kind, std::int64_t batch, engine::Instant due);

private:
    struct BatchPlan {
        int episode = 0;
        std::optional<int> from, to;  ///< levels (plan ranks): in force before, asked for by the batch
        std::string cause;
        engine::Instant effective = 0, issued = 0;
    };
    /// One batch: its rows, deadlines, timers, pushes and timeline row. `skip_quietly`: a batch
    /// skipped for the pollutant path leaves no row (the start records it); `withdrawn_from`: the
    /// batch cancels orders that were to take effect then.
    void issue(Tx& tx, BatchPlan const& what, std::optional<std::int64_t> list_version, bool skip_quietly,
               std::optional<engine::Instant> withdrawn_from = std::nullopt);
    void replace_advance(Tx& tx, ports::AdvanceBatch const& advance, std::optional<int> level_in_force,
                         std::string const& cause);
    /// "health_advisory" when the level's forecast has a non-particulate primary pollutant.
    std::string pollutant_path(ports::Store& store, std::string const& cause) const;
    ViewContext views_;
    ListFacts const& lists_;
    DeliveryService const& delivery_;
    SmsService const& sms_;
};

}  // namespace hazeguard::service
