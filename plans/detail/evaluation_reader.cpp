#include "plans/detail/evaluation_reader.hpp"

#include <optional>
#include <string>

namespace hazeguard::plans::detail {

namespace {

constexpr int max_aqi = 500;

void read_categories(JsonReader& r, Json const& e, std::string const& p, Plan& plan) {
    auto const* list = r.required_array(e, p, "aqi_categories", true);
    if (!list) return;
    auto const lp = child_pointer(p, "aqi_categories");
    std::optional<int> previous;
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto const cp = child_pointer(lp, i);
        if (!r.expect_object((*list)[i], cp)) continue;
        auto const& c = (*list)[i];
        r.check_unknown_keys(c, cp, {"name_cn", "max"});
        AqiCategory category;
        category.name_cn = r.required_string(c, cp, "name_cn").value_or("");
        bool const last = i + 1 == list->size();
        if (auto const* max = JsonReader::optional(c, "max")) {
            if (last) r.report(child_pointer(cp, "max"), "the last category is open-ended: it takes no max");
            category.max = r.int_value(*max, child_pointer(cp, "max"), 1, max_aqi);
            if (category.max && previous && *category.max <= *previous)
                r.report(child_pointer(cp, "max"), "must be greater than the previous category's max (" +
                                                       std::to_string(*previous) + ")");
            if (category.max) previous = category.max;
        } else if (!last) {
            r.report(child_pointer(cp, "max"), "missing required member (only the last category is open-ended)");
        }
        plan.evaluation.aqi_categories.push_back(std::move(category));
    }
}

void read_onset_checks(JsonReader& r, Json const& e, std::string const& p, Plan& plan, bool levels_readable) {
    auto const* list = r.required_array(e, p, "onset_checks", false);
    if (!list) return;
    r.for_each_object(*list, child_pointer(p, "onset_checks"), [&](Json const& c, std::string const& cp) {
        r.check_unknown_keys(c, cp, {"aqi_above", "level"});
        OnsetCheck check;
        check.aqi_above = r.required_int(c, cp, "aqi_above", 0, max_aqi).value_or(0);
        check.level = r.required_string(c, cp, "level").value_or("");
        if (levels_readable && !check.level.empty() && !plan.rank(check.level))
            r.report(child_pointer(cp, "level"), "unknown level " + in_quotes(check.level));
        plan.evaluation.onset_checks.push_back(std::move(check));
    });
}

}  // namespace

void read_evaluation(JsonReader& r, Json const& root, Plan& plan, bool levels_readable) {
    auto const* e = r.required_object(root, "", "evaluation");
    if (!e) return;
    std::string const p = "/evaluation";
    r.check_unknown_keys(*e, p, {"aqi_categories", "heavy_pollution_aqi", "onset_checks", "electricity_tolerance"});
    read_categories(r, *e, p, plan);
    plan.evaluation.heavy_pollution_aqi = r.required_int(*e, p, "heavy_pollution_aqi", 0, max_aqi).value_or(0);
    read_onset_checks(r, *e, p, plan, levels_readable);
    if (auto const* t = r.required(*e, p, "electricity_tolerance"))
        plan.evaluation.electricity_tolerance =
            r.number_value(*t, child_pointer(p, "electricity_tolerance"), 0.0, 1.0).value_or(0.0);
}

}  // namespace hazeguard::plans::detail
