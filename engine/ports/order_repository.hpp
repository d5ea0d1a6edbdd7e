#pragma once
/// @file order_repository.hpp
/// @brief Port: the orders (一厂一策) and their acknowledgements and execution reports, as the
/// orders service reads and changes them. Implemented over SQLite in engine/storage/sqlite/; a
/// server database would implement it the same way (each method is a plain query or update in the
/// caller's transaction).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/orders/order_lifecycle.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

/// @brief One order with what its lifecycle and its reader checks need.
struct OrderRecord {
    std::int64_t id = 0;
    std::int64_t batch = 0;
    std::int64_t enterprise_id = 0;   ///< the plant's row in its list version
    std::int64_t episode = 0;
    std::int64_t list_version = 0;
    std::int64_t latest_batch = 0;    ///< the latest batch of the episode
    engine::OrderKind kind = engine::OrderKind::order;
    engine::OrderStatus status = engine::OrderStatus::sent;
    std::optional<std::int64_t> supersedes;
    std::string credit_code;          ///< the plant's unified social credit code
    /// The plant's district, industry and grade in its list version: the progress count it is in.
    std::string district, industry, grade;
    /// When the episode's next batch takes (or took) effect; none while this batch is the latest.
    std::optional<engine::Instant> replaced_from;

    bool current() const { return batch == latest_batch; }
    engine::OrderFacts facts(engine::Instant now) const { return {kind, status, engine::in_force(replaced_from, now)}; }
};

/// @brief An acknowledgement (签收) as recorded.
struct Acknowledgement {
    engine::Instant at = 0;
    std::string by, phone;
    std::optional<std::string> note;
    std::string channel = "api";   ///< api (a bearer token) or link (the order's one-time link)
};

/// @brief Everything an order's view shows beyond its OrderRecord.
struct OrderDetails {
    std::optional<std::string> level, previous_level;   ///< plan level ids
    engine::Instant issued_at = 0, effective_from = 0;
    std::optional<engine::Instant> ack_due_at, execution_due_at;
    std::optional<engine::Instant> superseded_effective_from;  ///< when the order this one replaces took (or was to take) effect
    std::optional<Acknowledgement> acknowledgement;
    std::optional<std::string> execution;                ///< the last report, JSON text
    std::optional<engine::Instant> reminded_at, escalated_at;
    std::string enterprise;                              ///< the plant's list entry, JSON text
};

/// @brief One page of a batch's orders, filtered.
struct OrderQuery {
    std::int64_t episode = 0, batch = 0;
    std::int64_t after = 0;   ///< the last id of the previous page
    int limit = 100;
    std::optional<engine::OrderStatus> status;
    std::optional<std::string> district, industry, grade;
    enum class Overdue { ack, execution };
    std::optional<Overdue> overdue;   ///< past its deadline at `now` without an acknowledgement / report
    std::optional<bool> reached;      ///< whether any channel has delivered it (its reached_at is set)
    engine::Instant now = 0;
};

class OrderRepository {
public:
    virtual ~OrderRepository() = default;
    virtual std::optional<OrderRecord> find(std::int64_t id) = 0;
    /// @brief The same plant's row in the episode's next batch, for a superseded order.
    virtual std::optional<std::int64_t> successor(OrderRecord const& order) = 0;
    virtual OrderDetails details(std::int64_t id) = 0;
    /// @brief The deadline for acknowledging `order` (its batch's), if it has one.
    virtual std::optional<engine::Instant> ack_due(OrderRecord const& order) = 0;
    /// @brief Marks a sent order acknowledged and counts it in its batch's progress (late or not).
    virtual void record_acknowledgement(OrderRecord const& order, Acknowledgement const& ack, bool late) = 0;
    /// @brief Stores an execution report (JSON text); `first` counts the order as executed.
    virtual void record_execution(OrderRecord const& order, engine::Instant at, std::string const& report,
                                  bool first) = 0;
    /// @brief The order reached its plant through a channel at `at` (service clock): a text about
    /// it delivered, or a webhook of it answered 2xx. Counted in its batch's progress the first
    /// time only; false when the order is unknown or had reached its plant before.
    virtual bool mark_reached(std::int64_t order_id, engine::Instant at) = 0;
    /// @brief The plant's list entry (JSON text) in the order's list version.
    virtual std::string enterprise_entry(OrderRecord const& order) = 0;
    /// @brief The newest `limit` order ids of the plant with this credit code, newest first.
    virtual std::vector<std::int64_t> ids_for_enterprise(std::string const& credit_code, int limit) = 0;
    /// @brief The episode is open or closed, or announced by orders issued ahead of its start.
    virtual bool episode_exists(std::int64_t episode) = 0;
    /// @brief The episode's latest batch, if it has one.
    virtual std::optional<std::int64_t> latest_batch(std::int64_t episode) = 0;
    /// @brief Order ids of one page of `query`, ascending.
    virtual std::vector<std::int64_t> ids(OrderQuery const& query) = 0;
};

}  // namespace hazeguard::ports
