#pragma once
/// @file order_lifecycle.hpp
/// @brief The life of one order (一厂一策) or termination notice: issued in a batch, acknowledged,
/// executed; superseded when a newer batch of its episode is issued. Pure: what may happen to an
/// order, decided from its facts; storage only carries the outcome out.

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/time/timestamp.hpp"

namespace hazeguard::engine {

/// @brief Stored as these integers (orders.kind).
enum class OrderKind : int { order = 0, termination = 1 };
/// @brief Stored as these integers (orders.status); in the API by name.
enum class OrderStatus : int { sent = 0, acknowledged = 1, executed = 2 };

std::string_view to_string(OrderKind kind);      ///< "order", "termination"
std::string_view to_string(OrderStatus status);  ///< "sent", "acknowledged", "executed"
std::optional<OrderStatus> order_status_named(std::string_view name);
/// @brief The stored integer back as a kind or status; nullopt for any other number.
std::optional<OrderKind> order_kind_from(int stored);
std::optional<OrderStatus> order_status_from(int stored);

/// @brief What the lifecycle needs to know of one order.
struct OrderFacts {
    OrderKind kind = OrderKind::order;
    OrderStatus status = OrderStatus::sent;
    /// In force: its batch is its episode's latest, or the batch superseding it was sent ahead of
    /// its start and has not yet taken effect; false once superseded.
    bool current = true;
};

/// @brief An acknowledgement (签收) asked for.
enum class AckDecision {
    record,      ///< the first acknowledgement: record it (and count it)
    repeat,      ///< already acknowledged: answer with the first one, change nothing
    superseded,  ///< never acknowledged and replaced by a newer order: act on that one
};
AckDecision decide_acknowledgement(OrderFacts const& order);

/// @brief An execution report asked for.
enum class ExecutionDecision {
    record_first,      ///< the first report: record it and count the order as executed
    record_again,      ///< a corrected report: replace it, count nothing
    superseded,        ///< replaced by a newer order: report on that one
    not_an_order,      ///< a termination notice needs no execution report
    not_acknowledged,  ///< acknowledge first
};
ExecutionDecision decide_execution_report(OrderFacts const& order);

/// @brief An order is in force while its batch is its episode's latest (`replaced_from` empty), and
/// after it is superseded until its replacement takes effect — a replacement sent ahead of its
/// start leaves the order in force until then.
bool in_force(std::optional<Instant> replaced_from, Instant now);

/// @brief Late when it came after its deadline; never late without one.
bool is_late(Instant at, std::optional<Instant> due);

/// @brief What a plant gets when a new batch of its episode is issued.
enum class BatchEntry {
    none,         ///< nothing: it had no order and has none now
    order,        ///< an order (superseding its previous row, if it had one)
    termination,  ///< its order ends: a termination notice superseding that order
};
/// @brief `previous`: the plant's row in the episode's previous batch, if any; `applies_now`: the
/// new level asks something of the plant (false for every plant when the warning is lifted).
BatchEntry entry_in_new_batch(std::optional<OrderKind> previous, bool applies_now);

/// @brief A batch's reminders and escalations bind only while it is its episode's latest.
inline bool deadlines_bind(bool batch_is_latest) { return batch_is_latest; }

}  // namespace hazeguard::engine
