#pragma once
/// @file roster.hpp
/// @brief The roster of notice recipients (通知接收单位名单, docs/roster-format.md): the county,
/// district and city governments, park committees and city departments the plan says must be told
/// of a warning (domain §6.6), what each receives (notices, escalations of its overdue plants)
/// and its contacts. Versioned like the list: an import adds a version, the newest is in force.
/// Pure: parsing and checking only.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace hazeguard::plans {

struct RosterContact {
    std::string name;    ///< a person or a duty desk (值班室)
    std::string title;   ///< optional: 职务
    std::string mobile;  ///< a mainland mobile number (texts go here), or empty
    std::string phone;   ///< a landline, for people to call; never texted
};

struct RosterRecipient {
    std::string id;      ///< stable within the city: xiaodian, city-transport …
    std::string name;    ///< 小店区人民政府, 市交通运输局 …
    std::string kind;    ///< district (county-level government), park (park committee), department
    std::optional<std::string> district;  ///< the plan's district it answers for (district, park)
    bool notices = false;      ///< receives every warning notice
    bool escalations = false;  ///< receives its district's overdue plants
    std::vector<RosterContact> contacts;
};

struct Roster {
    std::string title;
    bool sample = false;  ///< the example (plans/rosters/): names only, no one to text
    std::vector<RosterRecipient> recipients;

    RosterRecipient const* find(std::string_view id) const;
};

/// @brief A fault in a roster document: JSON pointer and what is wrong.
struct RosterProblem {
    std::string pointer;
    std::string message;
};

/// @brief Reads and checks a roster against the plan's districts: every fault, each with its
/// pointer, or the roster.
std::variant<Roster, std::vector<RosterProblem>> parse_roster(nlohmann::json const& doc,
                                                              std::vector<std::string> const& districts);

nlohmann::json to_json(Roster const& roster);

/// @brief A mainland mobile number: 1[3-9] and nine more digits.
bool is_mainland_mobile(std::string_view number);

}  // namespace hazeguard::plans
