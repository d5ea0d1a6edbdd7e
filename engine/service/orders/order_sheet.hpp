#pragma once
/// @file order_sheet.hpp
/// @brief What the orders service answers with: an order with everything a reader is shown (the
/// plant, what it must do, the document it follows, its messages), the outcome of an
/// acknowledgement, a page of an episode's orders. The API presents them (api/resources/orders/).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/enterprises/enterprise.hpp"
#include "engine/orders/order_content.hpp"
#include "engine/ports/delivery_repository.hpp"
#include "engine/ports/order_repository.hpp"
#include "engine/ports/sms_repository.hpp"

namespace hazeguard::service {

/// @brief The document an order follows: a notice's number (none for a 调度令, whose number is in
/// its title) and title.
struct DocumentTitle {
    std::optional<std::string> number_cn;
    std::string title_cn;
};

/// @brief One order (一厂一策) or termination notice as its reader is shown it.
struct OrderSheet {
    ports::OrderRecord order;
    ports::OrderDetails details;
    std::optional<std::int64_t> superseded_by;
    std::optional<DocumentTitle> basis;          ///< none: a regional directive's start
    engine::Enterprise plant;                    ///< its list entry in the order's list version
    std::optional<engine::OrderContent> content; ///< what it must do; none for a termination
    std::optional<std::string> text_cn;          ///< its Chinese text, when asked for
    std::optional<std::string> link;             ///< its one-time link, for the plant itself
    std::vector<ports::SmsRecord> messages;      ///< every text message about it
    std::optional<ports::ReachState> webhook;    ///< how far its webhook delivery got, if it had one

    /// @brief Sent ahead of its effective time: until then the order it replaces still holds.
    bool advance_notice() const { return details.issued_at < details.effective_from; }
    /// @brief A termination of an order that never took effect cancels it.
    bool cancellation() const {
        return details.superseded_effective_from && *details.superseded_effective_from > details.effective_from;
    }
};

/// @brief The answer to an acknowledgement: the order's status and the acknowledgement on record.
struct AckOutcome {
    ports::OrderRecord order;
    ports::Acknowledgement acknowledgement;
    std::optional<engine::Instant> due;
};

/// @brief The order a one-time link opens, with the link's token and, for a superseded order, the
/// link of the order that replaced it.
struct LinkedOrder {
    OrderSheet sheet;
    std::string token;
    std::optional<std::string> current_link;
};

/// @brief One page of an episode's orders.
struct OrderPage {
    std::int64_t episode = 0;
    std::optional<std::int64_t> batch;   ///< none: the episode has issued no orders
    std::vector<OrderSheet> items;
    bool more = false;                   ///< another page follows (after the last item's id)
};

/// @brief An enterprise's newest orders, newest first.
struct PlantOrders {
    std::string enterprise;
    std::vector<OrderSheet> items;
};

}  // namespace hazeguard::service
