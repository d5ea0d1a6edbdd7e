#pragma once
/// @file enterprise.hpp
/// @brief One entry of the emergency emission-reduction list (应急减排清单), domain §8.2.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hazeguard::engine {

/// @brief Emissions or reductions per pollutant: "SO2", "NOx", "PM", "VOCs".
using Pollutants = std::map<std::string, double>;

/// @brief A production line or process unit (以生产线计).
struct ProductionLine {
    std::string id;        ///< "CO-1"
    std::string name;      ///< "2×65孔6.0米顶装焦炉"
    std::string process;   ///< 工序, e.g. "炼焦"
    /// share of the plant's baseline emissions coming from this line, per pollutant (0..1);
    /// empty means "not given" (then the plant's reductions are given per level instead)
    Pollutants emission_share;
};

/// @brief What the plant must do at one level, as the list states it (一厂一策).
struct LevelMeasure {
    std::string level;                  ///< a plan level id: "yellow", "orange", "red", "adverse"
    std::string text;                   ///< the measure, in Chinese
    std::vector<std::string> lines;     ///< affected line ids (must exist); empty = whole plant
    std::string action;                 ///< "stop", "limit", "extend_time", "conc_cap", "transport", "self", "other"
    std::optional<double> parameter;    ///< e.g. 0.5 for a 50 % limit, 36 for coking hours
    Pollutants reductions_t_per_day;    ///< expected daily reductions when known
    std::string transport;              ///< transport restriction text for this level ("" = none)
};

struct Contact {
    std::string role;    ///< "环保负责人", "法人"
    std::string name;
    std::string phone;   ///< 24 h phone
};

/// @brief One enterprise on the list.
struct Enterprise {
    std::string credit_code;          ///< 统一社会信用代码, 18 chars, GB 32100 check digit
    std::string name;
    std::string district;             ///< 县（市、区）, one of the city's districts
    std::string park;                 ///< 园区 ("" if none)
    std::string industry;             ///< one of the 39 key industries, or "非重点行业"
    std::string grade;                ///< A+, A, B, B-, C, D, 引领性, 非引领性
    std::string guarantee;            ///< "" (none), or the guarantee type: "民生保障（供暖）", ...
    std::vector<ProductionLine> lines;
    Pollutants baseline_t_per_year;   ///< SO2, NOx, PM, VOCs
    int operating_days = 300;         ///< to turn annual baselines into daily ones
    /// normal daily electricity use (kWh), the yardstick for metered execution reports; optional
    std::optional<double> baseline_kwh_per_day;
    std::vector<LevelMeasure> measures;
    std::vector<Contact> contacts;

    /// @brief baseline_t_per_year / operating_days, per pollutant.
    Pollutants baseline_t_per_day() const;
};

/// @brief A whole list as imported (one version).
struct EnterpriseList {
    std::vector<Enterprise> enterprises;
};

}  // namespace hazeguard::engine
