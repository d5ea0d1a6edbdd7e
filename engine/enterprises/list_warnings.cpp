#include "engine/enterprises/list_import.hpp"

#include <algorithm>

namespace hazeguard::engine {

std::optional<ListProblem> enterprise_warning(Enterprise const& e, std::size_t index, plans::Plan const& plan) {
    auto const& allowed = plan.guarantee_grades;
    bool const key_industry = e.industry != plan.non_key_industry;
    if (allowed.empty() || e.guarantee.empty() || !key_industry ||
        std::find(allowed.begin(), allowed.end(), e.grade) != allowed.end())
        return std::nullopt;
    std::string grades;
    for (auto const& g : allowed) grades += (grades.empty() ? "" : ", ") + g;
    return ListProblem{static_cast<int>(index + 1), "/enterprises/" + std::to_string(index) + "/grade",
                       "guarantee plant in key industry \"" + e.industry + "\" graded \"" + e.grade +
                           "\": a guarantee plant in a key industry should be graded " + grades};
}

std::vector<ListProblem> list_warnings(EnterpriseList const& list, plans::Plan const& plan) {
    std::vector<ListProblem> out;
    for (std::size_t i = 0; i < list.enterprises.size(); ++i)
        if (auto w = enterprise_warning(list.enterprises[i], i, plan)) out.push_back(std::move(*w));
    return out;
}

}  // namespace hazeguard::engine
