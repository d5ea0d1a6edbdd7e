#pragma once
/// @file order_content.hpp
/// @brief What one enterprise must do at one level (一厂一策): chosen from the enterprise's own
/// measures, else the plan's rules (self-determined grades, guarantee plants, stop grades), else
/// the plan's catalog by industry × grade × level. Pure.

#include <string>
#include <vector>

#include "engine/enterprises/enterprise.hpp"
#include "plans/plan.hpp"

namespace hazeguard::engine {

/// @brief One measure line of an order.
struct OrderMeasure {
    std::string text;                  ///< Chinese
    std::vector<std::string> lines;    ///< affected production line ids; empty = whole plant
    std::string action;                ///< stop, limit, extend_time, conc_cap, transport, self, guarantee, other
};

/// @brief The content of an order at one level.
struct OrderContent {
    bool applies = false;              ///< false: the enterprise has nothing to do at this level
    std::string level;
    /// where it came from: "enterprise" (its own list entry), "self_determined", "guarantee",
    /// "grade_stop", "catalog", or "none" (applies == false)
    std::string source;
    std::vector<OrderMeasure> measures;
    std::string transport;             ///< transport restrictions ("" = none)
    Pollutants reductions_t_per_day;   ///< expected reductions, per pollutant (SO2, NOx, PM, VOCs)
};

/// @brief Chooses the order content for `enterprise` at `level_id`.
OrderContent select_order(plans::Plan const& plan, Enterprise const& enterprise, std::string const& level_id);

}  // namespace hazeguard::engine
