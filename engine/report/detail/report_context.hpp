#pragma once
/// @file report_context.hpp
/// @brief The plan and the episode as every report section reads them: the inputs sorted once
/// (time, then id), the effective rule set, and the formatting shared by all sections (times in
/// the plan's offset, numbers rounded to 3 decimals, nulls for missing values).

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/report/evaluation_input.hpp"
#include "plans/plan.hpp"

namespace hazeguard::engine::report::detail {

using json = nlohmann::json;

/// @brief Read-only view of (plan, input) for the sections. Holds pointers into both, which must
/// outlive it.
class ReportContext {
public:
    ReportContext(plans::Plan const& plan, EvaluationInput const& input);

    plans::Plan const& plan;
    EvaluationInput const& input;
    int offset_minutes = 0;                        ///< the plan's UTC offset
    plans::RuleSet const* rules = nullptr;         ///< the episode's rule set, else the plan's default
    std::vector<DailyObservation const*> daily;    ///< by day_start
    std::vector<HourlyObservation const*> hourly;  ///< by hour_start
    std::vector<LevelPeriod const*> levels;        ///< by from, then cause
    std::vector<OrderBatchRecord const*> batches;  ///< by issued_at, then id
    std::vector<OrderRecord const*> orders;        ///< by order_id

    /// @brief Position of a batch in `batches`, or nullopt for an unknown id.
    std::optional<std::size_t> batch_index(std::int64_t batch_id) const;

    /// @brief RFC 3339 in the plan's offset.
    std::string time(Instant t) const;
    json time_or_null(std::optional<Instant> t) const;
    /// @brief Local "YYYY-MM-DD".
    std::string date(Instant t) const;
    /// @brief "12月15日08:00", for finding texts.
    std::string time_cn(Instant t) const;
    /// @brief The local midnight at or before `t`.
    Instant local_midnight(Instant t) const;

    /// @brief The level's Chinese name, or the id itself when the plan does not know it.
    std::string level_name_cn(std::string const& level_id) const;

    /// @brief Index into plan.evaluation.aqi_categories: the first whose max ≥ aqi, else the last.
    std::optional<std::size_t> category_index(int aqi) const;
    /// @brief The category's name_cn, or null when the plan has no categories.
    json category_name(int aqi) const;

private:
    std::unordered_map<std::int64_t, std::size_t> batch_positions_;
};

/// @brief `value` rounded to 3 decimals (half away from zero; never -0).
double round3(double value);
/// @brief round3(value) as a JSON number.
json rounded(double value);
/// @brief A real number rounded to 3 decimals in its shortest form: "10", "0.125", "-8".
std::string decimal(double value);
/// @brief (to − from) in hours, rounded.
json hours_between(Instant from, Instant to);
/// @brief A string, or null when it is empty.
json text_or_null(std::string const& text);

/// @brief "proposal:3", "batch:2", ...
std::string ref(char const* kind, std::int64_t id);

}  // namespace hazeguard::engine::report::detail
