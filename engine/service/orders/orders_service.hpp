#pragma once
/// @file orders_service.hpp
/// @brief Orders as plants and officials use them: read one, list a plant's own, acknowledge
/// (签收), report execution. The lifecycle's rules are engine/orders/order_lifecycle.hpp; the rows
/// are behind ports::OrderRepository.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/ports/transactions.hpp"
#include "engine/service/command.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

/// @brief Filters and cursor of an order listing.
struct OrderFilter {
    std::optional<std::string> status;     ///< sent, acknowledged, executed
    std::optional<std::string> overdue;    ///< "ack" or "execution"
    std::optional<std::string> district, industry, grade;
    std::optional<std::int64_t> batch;     ///< default: the episode's latest batch
    std::int64_t after = 0;                ///< cursor: the last order id of the previous page
    int limit = 100;
};

class OrdersService {
public:
    OrdersService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views)
        : runner_(runner), transactions_(transactions), views_(views) {}

    /// @brief Validates at once (Error validation), then answers through `done` once on disk. A
    /// repeated acknowledgement answers with the first; another plant's order is not_found.
    void acknowledge(Command const& c, std::int64_t id, nlohmann::json const& body, Completion done);
    /// @brief The execution report of an acknowledged order; answers with the order's view.
    void report_execution(Command const& c, std::int64_t id, nlohmann::json const& body, Completion done);
    /// @brief One order's view (with its Chinese text unless `with_text` is false). Enterprises
    /// see only their own: another plant's order answers exactly as a missing id.
    nlohmann::json order(Principal const& who, std::int64_t id, bool with_text);
    /// @brief An enterprise's newest orders, newest first.
    nlohmann::json my_orders(Principal const& who);

    /// @brief One page of an episode's orders (of its latest batch unless the filter names one).
    /// @param now the service clock, for the overdue filters
    nlohmann::json episode_orders(std::int64_t episode, OrderFilter const& filter, engine::Instant now);

    /// @brief The view of order `id` as `store` holds it (also used inside write jobs).
    nlohmann::json view(ports::Store& store, std::int64_t id, bool with_text) const;

private:
    ports::OrderRecord readable(ports::Store& store, Principal const& who, std::int64_t id) const;
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
};

}  // namespace hazeguard::service
