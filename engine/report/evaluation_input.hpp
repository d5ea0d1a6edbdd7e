#pragma once
/// @file evaluation_input.hpp
/// @brief Everything the post-event evaluation (后评估) reads about one episode, as plain values.
/// The reports service fills it from storage (engine/service/reports/reports_service.cpp); the report
/// functions (engine/report/) are pure functions of (plan, EvaluationInput).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/forecast/forecast.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::engine::report {

/// @brief Per pollutant ("SO2", "NOx", "PM", "VOCs"), tonnes per day.
using Tonnes = std::map<std::string, double>;

/// @brief One observed hour (city average): the hour starting at `hour_start`.
struct HourlyObservation {
    Instant hour_start = 0;
    int aqi = 0;
    std::optional<double> pm25;        ///< µg/m³
    std::string primary_pollutant;     ///< "" when AQI ≤ 50 (no primary pollutant)
};

/// @brief One observed local day (city daily AQI).
struct DailyObservation {
    std::string date;                  ///< local "YYYY-MM-DD"
    Instant day_start = 0;             ///< local midnight
    int aqi = 0;
    std::optional<double> pm25;
    std::string primary_pollutant;
};

/// @brief A row of the episode's timeline, as stored.
struct TimelineEntry {
    std::int64_t seq = 0;
    Instant at = 0;
    std::string kind;                  ///< "forecast", "proposal", "signature", "distribution", "transition", ...
    std::string ref;                   ///< "proposal:3", "forecast:1", "batch:2", ...
    std::string actor;
    std::string summary_cn;
};

/// @brief A forecast product that bears on the episode.
struct ForecastRecord {
    std::int64_t id = 0;
    Forecast forecast;
};

/// @brief A proposal of the episode and what became of it.
struct ProposalRecord {
    std::int64_t id = 0;
    std::string action;                ///< "issue", "upgrade", "downgrade", "extend", "lift"
    std::string level;                 ///< target level ("" for a lift)
    std::string status;                ///< "pending", "approved", "rejected", "cancelled", "superseded", ...
    Instant consulted_at = 0;          ///< consultation ended
    Instant created_at = 0;            ///< approval form completed (the proposal was filed)
    Instant form_due_at = 0;           ///< consulted_at + approval_form_hours
    Instant approval_due_at = 0;       ///< created_at + signature_hours
    std::optional<Instant> signed_at;
    std::optional<Instant> distribution_due_at;   ///< signed_at + distribution_hours
    std::optional<Instant> distributed_at;
    Instant start_at = 0;              ///< the effective start the proposal asked for
    std::optional<Instant> effective_at;          ///< when its transition actually took effect
    /// the level differed from the forecast assessment's recommendation: which it was ("" = no
    /// warning) and the written justification ("" = none given)
    bool deviates = false;
    std::string recommended_level;
    std::string justification;
};

/// @brief A regional / provincial directive (区域预警联动) recorded during the episode.
struct DirectiveRecord {
    std::int64_t id = 0;
    std::string issuer;
    std::string level;
    std::string reference;
    Instant recorded_at = 0;
    Instant start_at = 0;
    std::optional<Instant> end_at;
};

/// @brief The level in force over [from, to) ("to" open while the warning runs).
struct LevelPeriod {
    std::string level;
    Instant from = 0;
    std::optional<Instant> to;
    std::string cause;                 ///< "proposal:3", "directive:1", ...
};

/// @brief One fan-out: every order of one transition.
struct OrderBatchRecord {
    std::int64_t id = 0;
    std::string kind;                  ///< "issue", "upgrade", "downgrade", "lift"
    std::string level;                 ///< level of its orders ("" for a lift's termination notices)
    Instant issued_at = 0;
    Instant effective_from = 0;
    std::optional<Instant> ack_due_at;
    std::optional<Instant> execution_due_at;
    int count = 0;                     ///< orders (kind 0)
    int terminations = 0;              ///< termination notices (kind 1)
    Tonnes planned_t_per_day;          ///< sum of the batch's orders' planned reductions
};

/// @brief One order or termination notice, with the enterprise it went to.
struct OrderRecord {
    std::int64_t order_id = 0;
    std::int64_t batch_id = 0;
    bool termination = false;          ///< a lift's termination notice (needs no acknowledgement)
    std::string credit_code, name, district, industry, grade;
    std::string level;
    Instant issued_at = 0;
    std::optional<Instant> ack_due_at;
    std::optional<Instant> ack_at;
    std::optional<Instant> execution_due_at;
    std::optional<Instant> executed_at;
    std::optional<Instant> reminded_at;
    std::optional<Instant> escalated_at;
    std::optional<Instant> superseded_at;          ///< when a later batch replaced it
    Tonnes planned_t_per_day;          ///< this order's planned reductions
    Tonnes baseline_t_per_day;         ///< the plant's daily baseline emissions
    std::optional<double> baseline_kwh_per_day;    ///< the plant's normal daily electricity use
    std::optional<double> reported_kwh_per_day;    ///< sum of the execution report's readings
};

/// @brief Everything about one episode the report reads. Ordered: by time, then id.
struct EvaluationInput {
    std::int64_t episode_id = 0;
    bool drill = false;
    std::string plan_version;
    std::string rule_set;                     ///< RuleSet::id the episode ran under
    std::optional<std::int64_t> list_version;
    Instant opened_at = 0;
    std::optional<Instant> closed_at;
    std::string peak_level;
    std::vector<TimelineEntry> timeline;
    std::vector<ForecastRecord> forecasts;
    std::vector<ProposalRecord> proposals;
    std::vector<DirectiveRecord> directives;
    std::vector<LevelPeriod> levels;          ///< the level in force, period by period
    std::vector<OrderBatchRecord> batches;
    std::vector<OrderRecord> orders;
    std::vector<HourlyObservation> hourly;
    std::vector<DailyObservation> daily;
    int observation_corrections = 0;          ///< observations in the window replaced after first recorded
};

}  // namespace hazeguard::engine::report
