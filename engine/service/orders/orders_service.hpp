#pragma once
/// @file orders_service.hpp
/// @brief Orders as plants and officials use them: read one, list a plant's own, acknowledge
/// (签收), report execution. The lifecycle's rules are engine/orders/order_lifecycle.hpp; the rows
/// are behind ports::OrderRepository.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/ports/transactions.hpp"
#include "engine/service/command.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/orders/execution_report.hpp"
#include "engine/service/orders/order_sheet.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

/// @brief Filters and cursor of an order listing.
struct OrderFilter {
    std::optional<std::string> status;     ///< sent, acknowledged, executed
    std::optional<std::string> overdue;    ///< "ack" or "execution"
    std::optional<bool> reached;           ///< a text or webhook about it was delivered (or not yet)
    std::optional<std::string> district, industry, grade;
    std::optional<std::int64_t> batch;     ///< default: the episode's latest batch
    std::int64_t after = 0;                ///< cursor: the last order id of the previous page
    int limit = 100;
};

/// @brief An acknowledgement (签收) as the plant sends it.
struct AckRequest {
    std::string by, phone, note;
};

class OrdersService {
public:
    /// @param link_key signs the orders' one-time links (docs/delivery.md)
    OrdersService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views, std::string link_key)
        : runner_(runner), transactions_(transactions), views_(views), link_key_(std::move(link_key)) {}

    /// @brief Answers once on disk. A repeated acknowledgement answers with the first; another
    /// plant's order is not_found.
    void acknowledge(Command const& c, std::int64_t id, AckRequest ack, Answer<AckOutcome> answer);
    /// @brief The execution report of an acknowledged order; answers with the order (no text).
    void report_execution(Command const& c, std::int64_t id, ExecutionReport report, Answer<OrderSheet> answer);
    /// @brief The order a one-time link opens, with its text and where to acknowledge it; a
    /// superseded order's view says so and carries its successor's link. A forged link is
    /// not_found, an expired one link_expired.
    /// @param now the service clock, against which the link's expiry is checked
    LinkedOrder order_by_link(std::string const& token, engine::Instant now);
    /// @brief Acknowledges the order of a one-time link (channel "link"), as acknowledge() does.
    void acknowledge_by_link(Command const& c, std::string const& token, AckRequest ack, Answer<AckOutcome> answer);
    /// @brief In a reply's transaction: acknowledges `order_id` by SMS from `phone` (channel
    /// "sms"). Returns acknowledged, already_acknowledged or superseded (nothing recorded).
    std::string acknowledge_by_sms(Tx& tx, std::int64_t order_id, std::string const& by, std::string const& phone) const;
    /// @brief "/v1/links/{token}" of an order issued at `issued_at`; valid plan.orders.link_hours.
    std::string link_path(std::int64_t order, engine::Instant issued_at) const;
    /// @brief "/o/{token}": the same link as the plant's page on a phone (docs/console.md), for
    /// what people open — a text message.
    std::string page_path(std::int64_t order, engine::Instant issued_at) const;
    /// @brief One order (with its Chinese text unless `with_text` is false). Enterprises see only
    /// their own, with its one-time link: another plant's order answers exactly as a missing id.
    OrderSheet order(Principal const& who, std::int64_t id, bool with_text);
    /// @brief The printable order or termination (one A4 HTML page, document_page.hpp); an
    /// enterprise reads only its own (404 otherwise).
    std::string order_html(Principal const& who, std::int64_t id);
    /// @brief An enterprise's newest orders, newest first.
    PlantOrders my_orders(Principal const& who);

    /// @brief One page of an episode's orders (of its latest batch unless the filter names one).
    /// @param now the service clock, for the overdue filters
    OrderPage episode_orders(std::int64_t episode, OrderFilter const& filter, engine::Instant now);

private:
    /// Order `id` as `store` holds it (also inside write jobs); with its one-time link when `with_link`.
    OrderSheet sheet(ports::Store& store, std::int64_t id, bool with_text, bool with_link = false) const;
    ports::OrderRecord readable(ports::Store& store, Principal const& who, std::int64_t id) const;
    /// The order of a genuine, unexpired link (not_found, link_expired otherwise).
    std::int64_t linked_order(std::string const& token, engine::Instant now) const;
    /// The acknowledgement of `order` in `tx`: recorded, repeated or refused as superseded.
    AckOutcome acknowledge_in(Tx& tx, ports::OrderRecord order, ports::Acknowledgement ack) const;
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
    std::string link_key_;
};

}  // namespace hazeguard::service
