#pragma once
/// @file plan.hpp
/// @brief A city's emergency plan (重污染天气应急预案) as plain data. Every rule the engine applies
/// comes from here; see docs/plan-format.md for the JSON form and plans/taiyuan.json for Taiyuan.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plans/document_settings.hpp"

namespace hazeguard::plans {

/// @brief One warning level. Levels are ordered lowest first; a level's rank is its index.
struct Level {
    std::string id;          ///< stable id used in the API: "adverse", "yellow", "orange", "red"
    std::string name_cn;     ///< "黄色预警（Ⅲ级响应）"
    std::string name_en;     ///< "Yellow (level III)"
    bool pre_stage = false;  ///< the adverse-weather stage: no warning signature rules of its own
};

/// @brief A run of at least `days` consecutive forecast days whose daily AQI is strictly above
/// `aqi_above` ("AQI > 200 for ≥ 48 h" is {200, 2}).
struct Condition {
    int aqi_above = 0;
    int days = 1;
};

/// @brief A level's start criterion: true when any of the groups holds, a group holding when all
/// of its conditions hold.
struct Criterion {
    std::vector<std::vector<Condition>> any_of;
};

/// @brief The start criterion of one level under one rule set, and the bound used by the lift rule.
struct LevelRule {
    std::string level;      ///< a Level::id
    Criterion criterion;
    int lift_below = 0;     ///< "below the level's start criterion": daily AQI <= this value
};

/// @brief A versioned set of trigger rules. Rules are evaluated in the order given (highest level
/// first); the first that holds is the recommendation.
struct RuleSet {
    std::string id;         ///< "national-2024"
    std::string title_cn;
    std::string source;     ///< document number, e.g. "环大气〔2024〕6号"
    std::vector<LevelRule> rules;
};

/// @brief Who may sign which levels (e.g. the deputy mayor signs yellow/orange, the mayor all).
struct Authority {
    std::string id;         ///< "deputy_mayor"
    std::string name_cn;    ///< "主管副市长"
    std::vector<std::string> levels;
};

/// @brief Workflow time limits, in hours.
struct TimeLimits {
    int approval_form_hours = 2;   ///< consultation → approval form (proposal) completed
    int signature_hours = 2;       ///< proposal → signature; beyond it the approval is late
    int distribution_hours = 2;    ///< signature → departments notified
    /// level id → hours a warning at that level should be announced (signed) before it starts;
    /// a shorter notice is flagged, not refused (MEE 2016: red normally 24 h ahead)
    std::map<std::string, int> advance_notice_hours;
    /// the duty officer is reminded this many hours before a planned end to decide on an
    /// extension (延长); 0: no reminder
    int extension_reminder_hours = 0;
};

/// @brief "Frequent fluctuation → execute the higher level": a downgrade is refused while the
/// forecast crosses one of the current level's thresholds at least `min_crossings` times within
/// the first `window_days` forecast days from the downgrade's start.
struct FluctuationRule {
    int window_days = 3;
    int min_crossings = 2;
};

/// @brief Lift only when the forecast stays at or below the level's `lift_below` for this long.
struct LiftRule {
    int min_hours_below = 36;
};

/// @brief How an episode driven by a given primary pollutant is answered (2024 guidance).
struct PollutantPath {
    std::string pollutant;    ///< "PM2.5", "PM10", "O3", "dust", "fireworks", ...
    /// "full_response", "health_advisory" (health and advocacy measures only, no orders) or
    /// "excluded" (outside the plan, e.g. sandstorms: such days never call for a warning)
    std::string path;
    std::string note_cn;
};

/// @brief A public measure (health guidance, advocacy, mandatory mobile/dust ...) for one level.
struct PublicMeasure {
    std::string level;
    std::string sector;       ///< "health", "advocacy", "mobile", "dust", "industrial", "other"
    std::string text_cn;
};

/// @brief A default measure for list enterprises without their own measure at a level, by
/// industry × grade × level (the 2020 technical guide's tables, modelled where not verified).
struct CatalogMeasure {
    std::string industry;                 ///< an entry of Plan::industries, or "*" for any industry
    std::vector<std::string> grades;      ///< grades it applies to (entries of Plan::grades)
    std::string level;                    ///< a Level::id
    std::string action;                   ///< "stop", "limit", "extend_time", "transport", "other"
    std::string text_cn;                  ///< the measure as the order states it
    std::string transport_cn;             ///< transport restriction ("" = none)
    /// fraction (0..1) of the plant's daily baseline cut, per pollutant ("SO2","NOx","PM","VOCs")
    std::map<std::string, double> cut;
};

/// @brief Enterprise-order deadlines (domain §9 pattern: 1 h to acknowledge, 24 h to report).
struct OrderRules {
    int ack_hours = 1;               ///< acknowledge within this many hours of issue
    int execution_hours = 24;        ///< execution report within this many hours of the effective time
    int escalate_after_hours = 1;    ///< a late ack is reminded at the deadline, escalated this much later
    int link_hours = 72;             ///< an order's one-time link works this long after the order's issue
    int remind_before_minutes = 0;   ///< silent plants are also reminded this long before the deadline (0: not)
};

/// @brief How one level is published as a CAP 1.2 alert (values of the CAP enumerations).
struct AlertLevel {
    std::string level;       ///< a Level::id
    std::string severity;    ///< Extreme | Severe | Moderate | Minor | Unknown
    std::string urgency;     ///< Immediate | Expected | Future | Past | Unknown
    std::string certainty;   ///< Observed | Likely | Possible | Unlikely | Unknown
};

/// @brief Public warnings as OASIS CAP 1.2 alerts (docs/cap.md). Absent from a plan: nothing is
/// published.
struct PublicAlertSettings {
    /// GB/T 35965.1 发布单位代码, 14 digits: GB/T 2260 area + GB/T 4657 organisation + "00000";
    /// the CAP sender and the prefix of every identifier
    std::string issuer_code;
    std::string sender_name_cn;
    std::string sender_name_en;
    std::string area_desc_cn;       ///< the area in words, under 50 characters
    std::string area_desc_en;
    std::string geocode;            ///< GB/T 2260 code of the area ("140100")
    std::string polygon;            ///< optional CAP polygon, "lat,lon lat,lon ..." (closed ring)
    std::string web;                ///< optional: where the public reads more
    int all_clear_hours = 2;        ///< a lift's AllClear update expires this long after the lift
    std::vector<AlertLevel> levels; ///< the levels published; a level not listed is not
    /// @brief The publication settings of a level, or nullptr when it is not published.
    AlertLevel const* level(std::string const& id) const;
};

/// @brief An AQI category (HJ 633-2012): daily AQI up to `max` (the last category has no max).
struct AqiCategory {
    std::string name_cn;          ///< "优", "良", "轻度", "中度", "重度", "严重"
    std::optional<int> max;       ///< inclusive upper bound; nullopt for the open top category
};

/// @brief "The first observed hour above `aqi_above` against the first start at `level` or higher."
struct OnsetCheck {
    int aqi_above = 0;
    std::string level;            ///< a Level::id
};

/// @brief Settings of the post-event evaluation (后评估), domain §10.
struct EvaluationRules {
    std::vector<AqiCategory> aqi_categories;   ///< lowest first
    int heavy_pollution_aqi = 200;             ///< a heavy-pollution day: daily AQI above this
    std::vector<OnsetCheck> onset_checks;
    /// an electricity reading counts as "not reduced enough" when the reduction it shows is below
    /// the order's planned share minus this tolerance (0..1)
    double electricity_tolerance = 0.1;
};

/// @brief The whole plan.
struct Plan {
    std::string id;           ///< "taiyuan"
    std::string version;      ///< "2024.1"; recorded on every episode and timeline entry
    std::string name_cn;
    std::string city_cn;
    std::string utc_offset = "+08:00";          ///< local time zone of the plan (Asia/Shanghai)
    std::string default_rule_set;               ///< a RuleSet::id
    std::string forecast_value = "central";     ///< "central" or "high" (upper bound)
    std::vector<Level> levels;                  ///< lowest first
    std::vector<RuleSet> rule_sets;
    std::vector<Authority> authorities;
    TimeLimits time_limits;
    FluctuationRule fluctuation;
    LiftRule lift;
    int episode_merge_hours = 36;               ///< episodes closer than this count as one
    std::vector<PollutantPath> pollutant_paths;
    std::string unknown_pollutant_path = "full_response";
    /// level id → pollutant ("SO2","NOx","PM","VOCs") → percent of the city total to cut
    std::map<std::string, std::map<std::string, double>> reduction_targets;
    /// pollutant → city (whole-society) baseline emission, tonnes per day
    std::map<std::string, double> baseline_emissions_t_per_day;
    std::vector<PublicMeasure> public_measures;
    std::vector<std::string> districts;               ///< 县（市、区）and parks that hold list enterprises
    std::vector<std::string> industries;              ///< the 39 key industries (重点行业)
    std::string non_key_industry = "非重点行业";       ///< the industry value for everything else
    std::vector<std::string> grades;                  ///< A+, A, B, B-, C, D, 引领性, 非引领性
    std::vector<std::string> self_determined_grades;  ///< grades that self-determine reductions (A+, A, 引领性)
    std::vector<std::string> stop_grades;             ///< grades that stop at any warning level (D)
    std::vector<std::string> guarantee_types;         ///< 保障类 types: 民生保障（供暖） ...
    /// grades a guarantee plant in a key industry should have (B or better, 引领性); a list with
    /// one below is imported with a warning. Empty: not checked.
    std::vector<std::string> guarantee_grades;
    std::vector<CatalogMeasure> measure_catalog;
    OrderRules orders;
    EvaluationRules evaluation;
    std::optional<PublicAlertSettings> public_alert;
    DocumentSettings documents;                       ///< notices, 调度令 and orders (公文)

    /// @brief Rank of a level id (index in `levels`), or nullopt when unknown.
    std::optional<int> rank(std::string const& level_id) const;
    /// @brief The level at a rank; precondition: 0 <= rank < levels.size().
    Level const& level_at(int rank) const;
    /// @brief The rule set with this id, or nullptr.
    RuleSet const* rule_set(std::string const& id) const;
    /// @brief The authority with this id, or nullptr.
    Authority const* authority(std::string const& id) const;
    /// @brief True when authority `authority_id` may sign level `level_id`.
    bool may_sign(std::string const& authority_id, std::string const& level_id) const;
    /// @brief "full_response", "health_advisory" or "excluded" for a primary pollutant.
    std::string const& path_for(std::string const& pollutant) const;
    /// @brief The public measures a notice at `level` lists on pollutant path `path`: all of the
    /// level's on the full response; only health protection and advocacy on the health-advisory
    /// path (no industrial, transport or construction measures, no 一厂一策).
    std::vector<PublicMeasure const*> public_measures_for(std::string const& level, std::string const& path) const;
};

}  // namespace hazeguard::plans
