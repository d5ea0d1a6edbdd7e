#pragma once
/// @file order_digest.hpp
/// @brief What the report keeps of the episode's orders, taken one order at a time by order id: the
/// tallies, the acknowledgement minutes, the first never-acknowledged orders and the electricity
/// rows. The orders themselves need not be held (100,000 records cost more than the report).

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/report/detail/order_tally.hpp"
#include "engine/report/detail/report_context.hpp"

namespace hazeguard::engine::report::detail {

struct OrderDigest {
    struct BatchWork {
        OrderTally tally;
        std::vector<std::int64_t> ack_minutes;
    };

    /// @param ctx must outlive the digest.
    explicit OrderDigest(ReportContext const& ctx);
    /// @brief Takes one order; orders come by order id (std::invalid_argument otherwise).
    void add(OrderRecord const& order);
    /// @brief never_first in the report's order (batch id, credit code, order id).
    std::vector<OrderRecord const*> never_listed() const;

    ReportContext const& ctx;
    std::vector<BatchWork> batches;  ///< as ctx.batches
    OrderTally totals;
    std::map<std::string, OrderTally> by_district, by_industry, by_grade;
    std::vector<std::int64_t> all_minutes;
    std::size_t never_count = 0;
    /// the first kNeverAcknowledgedListed never-acknowledged orders in the report's order, kept
    /// as a heap whose top is the last of them
    std::vector<OrderRecord> never_first;
    json electricity_rows = json::array();  ///< by order id
    std::int64_t electricity_short = 0;

private:
    void add_electricity(OrderRecord const& order);
    std::int64_t last_order_id_;
};

}  // namespace hazeguard::engine::report::detail
