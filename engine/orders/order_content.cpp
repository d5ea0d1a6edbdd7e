#include "engine/orders/order_content.hpp"

#include <algorithm>
#include <array>
#include <string_view>

// Precedence (first that applies wins):
//   a. the enterprise's own measures at this level (list entry, 一厂一策)       → "enterprise"
//   b. a guarantee plant (保障类)                                              → "guarantee"
//   c. a self-determined grade (A+, A, 引领性)                                  → "self_determined"
//   d. a stop grade (D)                                                        → "grade_stop"
//   e. the plan's catalog: (industry, grade, level), else ("*", grade, level)  → "catalog"
//   f. nothing                                                                 → "none"
// At a pre-stage level (the adverse-weather stage) b–d do not apply: only the enterprise's own
// measures or a catalog entry written for that level give an order. Levels unknown to the plan
// never apply.

namespace hazeguard::engine {

namespace {

constexpr std::array<std::string_view, 4> pollutants = {"SO2", "NOx", "PM", "VOCs"};
constexpr std::string_view any_industry = "*";

bool contains(std::vector<std::string> const& list, std::string const& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

/// All four pollutants, zero; an order that applies always reports every pollutant.
Pollutants zero_reductions() {
    Pollutants out;
    for (auto p : pollutants) out[std::string(p)] = 0.0;
    return out;
}

double value_or_zero(Pollutants const& amounts, std::string const& pollutant) {
    auto const it = amounts.find(pollutant);
    return it == amounts.end() ? 0.0 : it->second;
}

/// Sum of the affected lines' emission shares for `pollutant`, capped at 1; 1 (the whole plant)
/// when the measure names no lines or none of its lines gives shares.
double affected_share(Enterprise const& e, LevelMeasure const& m, std::string const& pollutant) {
    double share = 0.0;
    bool any_share = false;
    for (auto const& id : m.lines) {
        auto const line = std::find_if(e.lines.begin(), e.lines.end(),
                                       [&](ProductionLine const& l) { return l.id == id; });
        if (line == e.lines.end() || line->emission_share.empty()) continue;
        any_share = true;
        share += value_or_zero(line->emission_share, pollutant);
    }
    return any_share ? std::min(share, 1.0) : 1.0;
}

/// The fraction of the affected part cut by the measure: stop 1, limit p (0..1), else 0
/// (coking-time extensions, concentration caps, transport: not estimable from the list alone).
double cut_fraction(LevelMeasure const& m) {
    if (m.action == "stop") return 1.0;
    if (m.action == "limit" && m.parameter && *m.parameter >= 0.0 && *m.parameter <= 1.0)
        return *m.parameter;
    return 0.0;
}

/// Reductions of the enterprise's own measures at one level: the list's figures when any measure
/// gives them (summed), else estimated from the baseline, capped at the baseline.
Pollutants enterprise_reductions(Enterprise const& e, std::vector<LevelMeasure const*> const& ms) {
    auto out = zero_reductions();
    bool const given = std::any_of(ms.begin(), ms.end(), [](LevelMeasure const* m) {
        return !m->reductions_t_per_day.empty();
    });
    if (given) {
        for (auto const* m : ms)
            for (auto const& [pollutant, tonnes] : m->reductions_t_per_day) out[pollutant] += tonnes;
        return out;
    }
    auto const baseline = e.baseline_t_per_day();
    for (auto& [pollutant, tonnes] : out) {
        auto const daily = value_or_zero(baseline, pollutant);
        for (auto const* m : ms) tonnes += daily * affected_share(e, *m, pollutant) * cut_fraction(*m);
        tonnes = std::min(tonnes, daily);
    }
    return out;
}

void append_transport(std::string& transport, std::string const& text) {
    if (text.empty() || transport.find(text) != std::string::npos) return;
    transport += (transport.empty() ? "" : "；") + text;
}

OrderContent from_enterprise(Enterprise const& e, std::vector<LevelMeasure const*> const& ms) {
    OrderContent order;
    order.applies = true;
    order.source = "enterprise";
    for (auto const* m : ms) {
        order.measures.push_back(OrderMeasure{m->text, m->lines, m->action});
        append_transport(order.transport, m->transport);
    }
    order.reductions_t_per_day = enterprise_reductions(e, ms);
    return order;
}

OrderContent fixed(std::string source, std::string text, std::string action) {
    OrderContent order;
    order.applies = true;
    order.source = std::move(source);
    order.measures.push_back(OrderMeasure{std::move(text), {}, std::move(action)});
    order.reductions_t_per_day = zero_reductions();
    return order;
}

OrderContent grade_stop(Enterprise const& e) {
    auto order = fixed("grade_stop", "全厂停产", "stop");
    order.transport = "禁止重型运输车辆进出";
    for (auto const& [pollutant, tonnes] : e.baseline_t_per_day()) order.reductions_t_per_day[pollutant] = tonnes;
    return order;
}

plans::CatalogMeasure const* catalog_entry(plans::Plan const& plan, std::string_view industry,
                                           std::string const& grade, std::string const& level) {
    for (auto const& m : plan.measure_catalog)
        if (m.industry == industry && m.level == level && contains(m.grades, grade)) return &m;
    return nullptr;
}

OrderContent from_catalog(Enterprise const& e, plans::CatalogMeasure const& m) {
    OrderContent order;
    order.applies = true;
    order.source = "catalog";
    order.measures.push_back(OrderMeasure{m.text_cn, {}, m.action});
    order.transport = m.transport_cn;
    order.reductions_t_per_day = zero_reductions();
    auto const baseline = e.baseline_t_per_day();
    for (auto& [pollutant, tonnes] : order.reductions_t_per_day)
        tonnes = value_or_zero(baseline, pollutant) * value_or_zero(m.cut, pollutant);
    return order;
}

}  // namespace

OrderContent select_order(plans::Plan const& plan, Enterprise const& enterprise, std::string const& level_id) {
    auto const rank = plan.rank(level_id);
    auto order = [&]() -> OrderContent {
        if (!rank) return {};
        std::vector<LevelMeasure const*> own;
        for (auto const& m : enterprise.measures)
            if (m.level == level_id) own.push_back(&m);
        if (!own.empty()) return from_enterprise(enterprise, own);

        if (!plan.level_at(*rank).pre_stage) {
            if (!enterprise.guarantee.empty())
                return fixed("guarantee", "仅承担保障任务，按保障任务所需组织生产，污染物稳定达标排放", "guarantee");
            if (contains(plan.self_determined_grades, enterprise.grade))
                return fixed("self_determined", "自主采取减排措施", "self");
            if (contains(plan.stop_grades, enterprise.grade)) return grade_stop(enterprise);
        }

        auto const* entry = catalog_entry(plan, enterprise.industry, enterprise.grade, level_id);
        if (!entry) entry = catalog_entry(plan, any_industry, enterprise.grade, level_id);
        if (entry) return from_catalog(enterprise, *entry);
        return {};
    }();
    if (!order.applies) order.source = "none";
    order.level = level_id;
    return order;
}

}  // namespace hazeguard::engine
