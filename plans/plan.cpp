#include "plans/plan.hpp"

#include <algorithm>

namespace hazeguard::plans {

std::optional<int> Plan::rank(std::string const& level_id) const {
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (levels[i].id == level_id) return static_cast<int>(i);
    return std::nullopt;
}

Level const& Plan::level_at(int r) const { return levels.at(static_cast<std::size_t>(r)); }

RuleSet const* Plan::rule_set(std::string const& rid) const {
    auto it = std::find_if(rule_sets.begin(), rule_sets.end(), [&](auto const& r) { return r.id == rid; });
    return it == rule_sets.end() ? nullptr : &*it;
}

Authority const* Plan::authority(std::string const& aid) const {
    auto it = std::find_if(authorities.begin(), authorities.end(), [&](auto const& a) { return a.id == aid; });
    return it == authorities.end() ? nullptr : &*it;
}

AlertLevel const* PublicAlertSettings::level(std::string const& id) const {
    auto it = std::find_if(levels.begin(), levels.end(), [&](auto const& l) { return l.level == id; });
    return it == levels.end() ? nullptr : &*it;
}

bool Plan::may_sign(std::string const& authority_id, std::string const& level_id) const {
    auto const* a = authority(authority_id);
    return a && std::find(a->levels.begin(), a->levels.end(), level_id) != a->levels.end();
}

std::string const& Plan::path_for(std::string const& pollutant) const {
    for (auto const& p : pollutant_paths)
        if (p.pollutant == pollutant) return p.path;
    return unknown_pollutant_path;
}

std::vector<PublicMeasure const*> Plan::public_measures_for(std::string const& level, std::string const& path) const {
    std::vector<PublicMeasure const*> out;
    for (auto const& m : public_measures) {
        bool const advisory = m.sector == "health" || m.sector == "advocacy";
        if (m.level == level && (path == "full_response" || advisory)) out.push_back(&m);
    }
    return out;
}

}  // namespace hazeguard::plans
