#include "engine/enterprises/list_import.hpp"

#include <algorithm>

namespace hazeguard::engine {

std::vector<ListProblem> list_warnings(EnterpriseList const& list, plans::Plan const& plan) {
    std::vector<ListProblem> out;
    auto const& allowed = plan.guarantee_grades;
    if (allowed.empty()) return out;
    for (std::size_t i = 0; i < list.enterprises.size(); ++i) {
        auto const& e = list.enterprises[i];
        bool const key_industry = e.industry != plan.non_key_industry;
        if (e.guarantee.empty() || !key_industry || std::find(allowed.begin(), allowed.end(), e.grade) != allowed.end())
            continue;
        std::string grades;
        for (auto const& g : allowed) grades += (grades.empty() ? "" : ", ") + g;
        out.push_back({static_cast<int>(i + 1), "/enterprises/" + std::to_string(i) + "/grade",
                       "guarantee plant in key industry \"" + e.industry + "\" graded \"" + e.grade +
                           "\": a guarantee plant in a key industry should be graded " + grades});
    }
    return out;
}

}  // namespace hazeguard::engine
