// reductions_view (declared in sections.hpp): 六、减排.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "engine/domain/words_cn.hpp"
#include "templates/report_html/format.hpp"
#include "templates/report_html/labels.hpp"
#include "templates/report_html/sections.hpp"

namespace hazeguard::templates::report_html {
namespace {
constexpr std::array<char const*, 4> kPollutantOrder{"SO2", "NOx", "PM", "VOCs"};
constexpr std::array<char const*, 5> kPerPollutant{"target_share", "required_t_per_day", "planned_t_per_day",
                                                   "planned_share", "meets_target"};

/// The pollutants any per-pollutant member names: SO2, NOx, PM, VOCs first, then the others.
std::vector<std::string> pollutants(json const& batch) {
    std::vector<std::string> found;
    for (char const* key : kPerPollutant) {
        json const& values = member(batch, key);
        if (!values.is_object()) continue;
        for (auto const& entry : values.items()) {
            if (std::find(found.begin(), found.end(), entry.key()) == found.end()) found.push_back(entry.key());
        }
    }
    auto const rank = [](std::string const& p) {
        return std::find(kPollutantOrder.begin(), kPollutantOrder.end(), p) - kPollutantOrder.begin();
    };
    std::stable_sort(found.begin(), found.end(), [&](auto const& a, auto const& b) { return rank(a) < rank(b); });
    return found;
}

json batch_table(plans::Plan const& plan, json const& batch) {
    json rows = json::array();
    for (auto const& pollutant : pollutants(batch)) {
        json const& meets = member(member(batch, "meets_target"), pollutant);
        rows.push_back({
            {"pollutant", pollutant},
            {"target_share", percent(member(member(batch, "target_share"), pollutant))},
            {"required", fixed(member(member(batch, "required_t_per_day"), pollutant), 2)},
            {"planned", fixed(member(member(batch, "planned_t_per_day"), pollutant), 2)},
            {"planned_share", percent(member(member(batch, "planned_share"), pollutant))},
            {"meets_cn", meets.is_boolean() ? (meets.get<bool>() ? "达到" : "未达到") : kMissing},
            {"tone", tone_of_outcome(meets)},
        });
    }
    return {{"ref", engine::ref_cn(text(member(batch, "ref")))}, {"level_cn", level_name(plan, member(batch, "level"), kMissing)}, {"rows", rows}};
}

json electricity(json const& section) {
    json rows = json::array();
    for (auto const& row : items(section, "rows")) {
        bool const is_short = member(row, "short") == true;
        rows.push_back({
            {"ref", engine::ref_cn(text(member(row, "ref")))},
            {"name", text(member(row, "name"))},
            {"credit_code", text(member(row, "credit_code"))},
            {"baseline", fixed(member(row, "baseline_kwh_per_day"), 0)},
            {"reported", fixed(member(row, "reported_kwh_per_day"), 0)},
            {"reduction_share", percent(member(row, "reduction_share"))},
            {"planned_share", percent(member(row, "planned_share"))},
            {"short_cn", is_short ? "降幅不足" : "正常"},
            {"tone", is_short ? "bad" : "good"},
        });
    }
    return {{"orders_reporting", text(member(section, "orders_reporting"))},
            {"short", text(member(section, "short"))},
            {"tolerance", percent(member(section, "tolerance"))},
            {"rows", rows}};
}
}  // namespace

json reductions_view(plans::Plan const& plan, json const& report) {
    json const& reductions = member(report, "reductions");
    json batches = json::array();
    for (auto const& batch : items(reductions, "by_batch")) batches.push_back(batch_table(plan, batch));
    return {{"batches", batches}, {"electricity", electricity(member(reductions, "electricity"))}};
}

}  // namespace hazeguard::templates::report_html
