#include "engine/service/documents/notice_basis.hpp"

#include <algorithm>

#include "engine/forecast/assessment.hpp"
#include "engine/service/forecasts/forecast_codec.hpp"
#include "engine/service/warnings/wording.hpp"

namespace hazeguard::service {

namespace {

/// The category index of a daily AQI (HJ 633-2012 categories of the plan), lowest first.
std::size_t category_of(plans::Plan const& plan, int aqi) {
    auto const& cats = plan.evaluation.aqi_categories;
    for (std::size_t i = 0; i < cats.size(); ++i)
        if (!cats[i].max || aqi <= *cats[i].max) return i;
    return cats.empty() ? 0 : cats.size() - 1;
}

/// "中度污染", "良"; the two lowest categories (优, 良) are not pollution.
std::string category_words(plans::Plan const& plan, std::size_t index) {
    auto const& name = plan.evaluation.aqi_categories.at(index).name_cn;
    return index >= 2 ? name + "污染" : name;
}

std::string category_range(plans::Plan const& plan, std::size_t low, std::size_t high) {
    if (low == high) return category_words(plan, low);
    // "轻度至中度污染", "良至轻度污染"
    auto const lower = plan.evaluation.aqi_categories.at(low).name_cn;
    return (low >= 2 ? lower : category_words(plan, low)) + "至" + category_words(plan, high);
}

std::string joined_unique(std::vector<std::string> const& items) {
    std::vector<std::string> seen;
    std::string out;
    for (auto const& i : items) {
        if (i.empty() || std::find(seen.begin(), seen.end(), i) != seen.end()) continue;
        seen.push_back(i);
        out += (out.empty() ? "" : "、") + pollutant_cn(i);
    }
    return out;
}

/// The forecast in words from the proposal's start day: for a warning the run of polluted days
/// (above 良) that begins first, for a lift every day from the start.
std::string forecast_words(ViewContext const& views, engine::Forecast const& f, ports::ProposalRecord const& p,
                           bool lifting, engine::DocumentTimes& times) {
    auto const& plan = views.plan;
    auto const values = engine::rule_values(plan, f);
    auto const first_day = engine::local_midnight(p.start_at, views.offset_minutes);
    std::vector<std::size_t> picked;
    for (std::size_t i = 0; i < f.days.size(); ++i) {
        if (f.days[i].day_start < first_day) continue;
        bool const polluted = category_of(plan, values[i]) >= 2;
        if (lifting || polluted) picked.push_back(i);
        else if (!picked.empty()) break;
    }
    if (picked.empty())
        for (std::size_t i = 0; i < f.days.size(); ++i)
            if (f.days[i].day_start >= first_day) picked.push_back(i);
    if (picked.empty() || plan.evaluation.aqi_categories.empty()) return "";
    std::size_t low = 99, high = 0;
    std::vector<std::string> pollutants;
    for (auto i : picked) {
        low = std::min(low, category_of(plan, values[i]));
        high = std::max(high, category_of(plan, values[i]));
        if (category_of(plan, values[i]) >= 2) pollutants.push_back(f.days[i].primary_pollutant);
    }
    auto const& first = f.days[picked.front()];
    auto const& last = f.days[picked.back()];
    // One time per statement: the year goes with the first one written.
    std::string out = "预计" + times.day(first.day_start);
    if (lifting) out += "起我市空气质量以" + category_range(plan, low, high) + "为主";
    else if (picked.size() == 1) out += "我市空气质量为" + category_range(plan, low, high);
    else out += "至" + times.day(last.day_start) + "我市空气质量为" + category_range(plan, low, high);
    if (auto const names = joined_unique(pollutants); !names.empty()) out += "，首要污染物为" + names;
    return out;
}

}  // namespace

std::string notice_basis_cn(ViewContext const& views, ports::Store& store, ports::ProposalRecord const& p,
                            std::string const& criterion_cn, bool lifting, engine::DocumentTimes& times) {
    std::string const meets = "达到《" + views.plan.name_cn + "》" + criterion_cn;
    if (p.directive_id)
        if (auto const d = store.directives().find(*p.directive_id))
            return "根据" + directive_issuer_cn(d->issuer) + "区域预警指令（" + d->reference + "）要求";
    if (p.forecast_id)
        if (auto const f = store.forecasts().find(*p.forecast_id)) {
            auto const forecast = forecast_from_json(nlohmann::json::parse(f->body), views.offset_minutes);
            auto const words = forecast_words(views, forecast, p, lifting, times);
            return "根据" + forecast_issuer_cn(f->issuer) + "研判，" + (words.empty() ? "" : words + "，") + meets;
        }
    return "根据重污染天气会商研判意见，" + meets;
}

}  // namespace hazeguard::service
