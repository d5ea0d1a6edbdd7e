#include "engine/forecast/assessment.hpp"

#include "engine/forecast/criterion.hpp"

#include <algorithm>
#include <set>

namespace hazeguard::engine {
namespace {

// The first group of the rule that holds, with each condition's first run in the first stretch
// where the whole group holds (engine/forecast/criterion.hpp: one pollution process).
std::optional<RuleMatch> match_rule(plans::Plan const& plan, plans::LevelRule const& rule, Forecast const& f,
                                    std::vector<int> const& v) {
    auto const& groups = rule.criterion.any_of;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        auto const holds = group_holds(DailySeries{v, {}}, groups[g]);
        if (holds.empty()) continue;
        RuleMatch m{plan.rank(rule.level).value_or(0), rule.level, static_cast<int>(g), {}};
        for (std::size_t c = 0; c < groups[g].size(); ++c) {
            MatchedCondition mc{groups[g][c], {}};
            auto const run = holds.front().runs[c].front();
            for (std::size_t k = run.begin; k < run.end; ++k) mc.dates.push_back(f.days[k].date);
            m.matched.push_back(std::move(mc));
        }
        return m;
    }
    return std::nullopt;
}

std::string date_cn(plans::Plan const& plan, Forecast const& f, std::string const& date) {
    int const offset = parse_utc_offset(plan.utc_offset).value_or(480);
    for (auto const& d : f.days)
        if (d.date == date) return format_local_date_cn(d.day_start, offset);
    return date;
}

std::string describe_match(plans::Plan const& plan, Forecast const& f, RuleMatch const& m) {
    std::string out;
    for (std::size_t i = 0; i < m.matched.size(); ++i) {
        auto const& mc = m.matched[i];
        if (i > 0) out += "，且";
        out += date_cn(plan, f, mc.dates.front());
        if (mc.dates.size() > 1) out += "至" + date_cn(plan, f, mc.dates.back()) + "连续" + std::to_string(mc.dates.size()) + "天";
        out += "日均AQI＞" + std::to_string(mc.condition.aqi_above);
        out += "（条件：≥" + std::to_string(mc.condition.days * 24) + "小时）";
    }
    return out;
}

// Index of the first forecast day that ends after `from`.
std::size_t first_day_from(Forecast const& f, Instant from) {
    std::size_t i = 0;
    while (i < f.days.size() && f.days[i].day_start + kDay <= from) ++i;
    return i;
}

plans::LevelRule const* rule_for(plans::RuleSet const& rules, std::string const& level) {
    auto it = std::find_if(rules.rules.begin(), rules.rules.end(), [&](auto const& r) { return r.level == level; });
    return it == rules.rules.end() ? nullptr : &*it;
}

std::string path_of(plans::Plan const& plan, std::set<std::string> const& pollutants) {
    if (pollutants.empty()) return "none";
    for (auto const& p : pollutants)
        if (plan.path_for(p) == "full_response") return "full_response";
    return "health_advisory";
}

}  // namespace

std::vector<int> rule_values(plans::Plan const& plan, Forecast const& f) {
    std::vector<int> v;
    v.reserve(f.days.size());
    // A day the plan excludes (a sandstorm) never counts towards a warning.
    for (auto const& d : f.days)
        v.push_back(plan.path_for(d.primary_pollutant) == "excluded" ? 0
                    : plan.forecast_value == "high"                  ? d.aqi_high
                                                                     : d.aqi_central);
    return v;
}

Assessment assess(plans::Plan const& plan, plans::RuleSet const& rules, Forecast const& f) {
    Assessment a{rules.id, plan.forecast_value, std::nullopt, "none", {}, {}};
    auto const v = rule_values(plan, f);
    for (auto const& rule : rules.rules) {
        if (auto m = match_rule(plan, rule, f, v)) {
            a.recommendation = std::move(m);
            break;
        }
    }
    std::string const basis = "按《" + rules.title_cn + "》（" + rules.source + "）规则，采用预报" +
                              (plan.forecast_value == "high" ? "上限值" : "中间值") + "：";
    bool const excluded = std::any_of(f.days.begin(), f.days.end(),
                                      [&](auto const& d) { return plan.path_for(d.primary_pollutant) == "excluded"; });
    std::string const excluded_cn = excluded ? "首要污染物为沙尘等预案不适用的日期不计入预警判断。" : "";
    if (!a.recommendation) {
        int const peak = v.empty() ? 0 : *std::max_element(v.begin(), v.end());
        a.explanation_cn = basis + "预报期内未达到任何预警启动条件（最高日均AQI " + std::to_string(peak) + "）。" + excluded_cn;
        return a;
    }
    auto const& m = *a.recommendation;
    std::set<std::string> pollutants;
    for (auto const& mc : m.matched)
        for (auto const& date : mc.dates)
            for (auto const& d : f.days)
                if (d.date == date && !d.primary_pollutant.empty()) pollutants.insert(d.primary_pollutant);
    a.primary_pollutants.assign(pollutants.begin(), pollutants.end());
    a.pollutant_path = path_of(plan, pollutants);
    a.explanation_cn = basis + describe_match(plan, f, m) + "，达到" + plan.level_at(m.level_rank).name_cn + "启动条件";
    if (&rules.rules.front() != rule_for(rules, m.level_id)) a.explanation_cn += "；更高级别条件未满足";
    a.explanation_cn += "。";
    if (a.pollutant_path == "health_advisory")
        a.explanation_cn += "首要污染物为非PM类（按污染物差异化应对），以健康防护提示为主，不启动工业减排措施。";
    else if (!pollutants.empty())
        a.explanation_cn += "首要污染物为颗粒物，执行应急减排措施。";
    a.explanation_cn += excluded_cn;
    return a;
}

std::vector<int> level_bounds(plans::RuleSet const& rules, std::string const& level) {
    auto thresholds_of = [](plans::LevelRule const& r) {
        std::set<int> out;
        for (auto const& group : r.criterion.any_of)
            for (auto const& cond : group) out.insert(cond.aqi_above);
        return out;
    };
    auto const it = std::find_if(rules.rules.begin(), rules.rules.end(), [&](auto const& r) { return r.level == level; });
    if (it == rules.rules.end()) return {};
    auto const own = thresholds_of(*it);
    if (own.empty() || std::next(it) == rules.rules.end()) return {own.begin(), own.end()};
    int const below_max = *thresholds_of(*std::next(it)).rbegin();
    std::vector<int> out;
    for (int t : own)
        if (t > below_max) out.push_back(t);
    if (out.empty()) out.push_back(*own.rbegin());
    return out;
}

std::optional<std::string> next_level_up(plans::RuleSet const& rules, std::string const& level) {
    for (std::size_t i = 1; i < rules.rules.size(); ++i)
        if (rules.rules[i].level == level) return rules.rules[i - 1].level;
    return std::nullopt;
}

FluctuationCheck check_fluctuation(plans::Plan const& plan, plans::RuleSet const& rules, Forecast const& f,
                                   std::optional<std::string> const& lower, std::string const& upper, Instant from) {
    FluctuationCheck c;
    auto const high = plan.rank(upper);
    auto const low = lower ? plan.rank(*lower) : std::optional<int>{-1};
    std::set<int> bounds;
    for (auto const& r : rules.rules) {
        auto const rank = plan.rank(r.level);
        if (rank && high && low && *rank > *low && *rank <= *high)
            for (int b : level_bounds(rules, r.level)) bounds.insert(b);
    }
    if (bounds.empty()) {
        c.explanation_cn = "两级别之间在该规则集中无分级界限，不适用波动规则。";
        return c;
    }
    c.thresholds.assign(bounds.begin(), bounds.end());
    auto const v = rule_values(plan, f);
    std::size_t const begin = first_day_from(f, from);
    std::size_t const end = std::min(v.size(), begin + static_cast<std::size_t>(plan.fluctuation.window_days));
    int worst_bound = 0;
    for (int t : c.thresholds) {
        int n = 0;
        for (std::size_t i = begin; i + 1 < end; ++i) n += (v[i] > t) != (v[i + 1] > t);
        if (n > c.crossings) {
            c.crossings = n;
            worst_bound = t;
        }
    }
    c.applies = c.crossings >= plan.fluctuation.min_crossings;
    c.explanation_cn = c.applies ? "预报" + std::to_string(plan.fluctuation.window_days) + "天内AQI在" +
                                       std::to_string(worst_bound) + "上下反复波动" + std::to_string(c.crossings) +
                                       "次，按预案就高执行" + plan.level_at(*high).name_cn + "。"
                                 : "预报未出现跨级别频繁波动。";
    return c;
}

LiftCheck check_lift(plans::Plan const& plan, plans::RuleSet const& rules, Forecast const& f,
                     std::string const& current_level, Instant from) {
    LiftCheck c;
    auto const* rule = rule_for(rules, current_level);
    if (!rule && !rules.rules.empty()) rule = &rules.rules.back();
    c.lift_below = rule ? rule->lift_below : 0;
    c.hours_required = plan.lift.min_hours_below;
    auto const v = rule_values(plan, f);
    std::size_t const first = first_day_from(f, from);
    // Hours the forecast does not cover cannot count as "below": the run must start at `from`.
    bool const covered = first < v.size() && f.days[first].day_start <= from;
    for (std::size_t i = first; covered && i < v.size() && v[i] <= c.lift_below; ++i) {
        Instant const day_end = f.days[i].day_start + kDay;
        c.hours_below += static_cast<int>((day_end - std::max(from, f.days[i].day_start)) / kHour);
    }
    c.satisfied = c.hours_below >= c.hours_required;
    c.explanation_cn = "自解除时间起预报日均AQI≤" + std::to_string(c.lift_below) + "持续" +
                       std::to_string(c.hours_below) + "小时（预案要求≥" + std::to_string(c.hours_required) +
                       "小时）" + (c.satisfied ? "，满足解除条件。" : "，不满足解除条件。");
    return c;
}

}  // namespace hazeguard::engine
