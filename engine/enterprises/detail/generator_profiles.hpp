#pragma once
/// @file generator_profiles.hpp
/// @brief The tables behind generate_list: industry profiles (line naming, baseline ranges),
/// Taiyuan's districts (weights, division codes), the grade mix and name parts. Modelled values
/// (domain §7, §8.4, §13); internal to the generator.

#include <array>
#include <span>
#include <string_view>
#include <utility>

namespace hazeguard::engine::detail {

struct IndustryProfile {
    std::string_view industry;      ///< a Plan::industries entry ("" = any other industry)
    std::string_view line_prefix;   ///< "CO" → CO-1, CO-2
    std::string_view line_name;     ///< "焦炉"
    std::string_view process;       ///< "炼焦"
    std::string_view company_word;  ///< the word in a company name: "焦化"
    bool continuous = false;        ///< continuous process: 330 operating days, else 300
    double weight = 1;              ///< relative share among key-industry plants
    /// t/a ranges for SO2, NOx, PM, VOCs: {low, high}
    std::array<std::pair<double, double>, 4> baseline{};
};

/// @brief The profile of a key industry, or a generic one for industries without a profile.
IndustryProfile const& industry_profile(std::string_view industry);
/// @brief The profile used for the non-key industry.
IndustryProfile const& non_key_profile();

/// @brief Relative weight of a district (Taiyuan's industrial counties weigh most).
double district_weight(std::string_view district);
/// @brief The six-digit administrative division code of a Taiyuan district ("140121"), or the
/// city's code for anything else.
std::string_view district_code(std::string_view district);
/// @brief The district's name without 区/县/市 ("清徐县" → "清徐").
std::string_view district_short(std::string_view district);

struct GradeShare {
    std::string_view grade;
    double share;
};
/// @brief Taiyuan-like grade mix of the list (domain §7.4, §8.4).
std::span<GradeShare const> grade_mix();
/// @brief Grades of the simple scheme (引领性 / 非引领性).
bool simple_grade(std::string_view grade);

std::span<std::string_view const> trade_words();
std::span<std::string_view const> surnames();
std::span<std::string_view const> given_names();
/// @brief Taiyuan's ten districts, used when a plan lists none.
std::span<std::string_view const> taiyuan_districts();

/// @brief One of Taiyuan's six urban districts (城六区).
bool urban_district(std::string_view district);
/// @brief An industry the 2024 action plan (seed item 10) took out of the urban districts.
bool left_urban_districts(std::string_view industry);
/// @brief An industry that must be graded B or better where it remains (seed item 10: fired brick).
bool needs_grade_b(std::string_view industry);

}  // namespace hazeguard::engine::detail
