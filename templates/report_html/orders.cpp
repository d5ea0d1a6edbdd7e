// orders_view (declared in sections.hpp): 五、企业指令与签收.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>

#include "engine/report/charts.hpp"
#include "templates/report_html/chart_data.hpp"
#include "engine/domain/words_cn.hpp"
#include "templates/report_html/format.hpp"
#include "templates/report_html/labels.hpp"
#include "templates/report_html/sections.hpp"

namespace hazeguard::templates::report_html {
namespace {
/// The tally members of a batch, of the totals and of a group, printed as they are.
constexpr std::array<char const*, 12> kTally{
    "orders", "terminations", "acknowledged_on_time", "acknowledged_late", "never_acknowledged", "superseded_unacknowledged",
    "executed_on_time", "executed_late", "execution_missing", "execution_superseded", "reminded", "escalated"};

json tally(json const& counted) {
    json out = json::object();
    for (char const* key : kTally) out[key] = text(member(counted, key));
    out["on_time_rate"] = ratio_percent(member(counted, "acknowledged_on_time"), member(counted, "orders"));
    return out;
}

json batch_rows(plans::Plan const& plan, json const& batches) {
    json rows = json::array();
    for (auto const& batch : batches) {
        json row = tally(batch);
        row["ref"] = engine::ref_cn(text(member(batch, "ref")));
        row["kind_cn"] = action_cn(member(batch, "kind"));
        row["level_cn"] = level_name(plan, member(batch, "level"), kMissing);
        row["issued_at"] = local_time(member(batch, "issued_at"));
        row["effective_from"] = local_time(member(batch, "effective_from"));
        row["ack_due_at"] = local_time(member(batch, "ack_due_at"));
        row["execution_due_at"] = local_time(member(batch, "execution_due_at"));
        rows.push_back(std::move(row));
    }
    return rows;
}

json group_table(char const* title_cn, char const* key_cn, json const& groups) {
    json rows = json::array();
    for (auto const& group : groups) {
        json row = tally(group);
        row["key"] = text(member(group, "key"));
        rows.push_back(std::move(row));
    }
    return {{"title_cn", title_cn}, {"key_cn", key_cn}, {"rows", rows}};
}

json latency(json const& minutes) {
    return {{"count", text(member(minutes, "count"))}, {"p50", text(member(minutes, "p50"))},
            {"p90", text(member(minutes, "p90"))}, {"p99", text(member(minutes, "p99"))}, {"max", text(member(minutes, "max"))}};
}

/// The listed never-acknowledged orders (the report's first ones) and how many there are in all.
json never_acknowledged(plans::Plan const& plan, json const& list, json const& all) {
    json rows = json::array();
    for (std::size_t i = 0; i < list.size() && i < kNeverAcknowledgedRowsShown; ++i) {
        json const& order = list[i];
        rows.push_back({
            {"index", std::to_string(i + 1)},
            {"ref", engine::ref_cn(text(member(order, "ref")))},
            {"level_cn", level_name(plan, member(order, "level"), kMissing)},
            {"credit_code", text(member(order, "credit_code"))},
            {"name", text(member(order, "name"))},
            {"district", text(member(order, "district"))},
            {"industry", text(member(order, "industry"))},
            {"grade", text(member(order, "grade"))},
        });
    }
    auto const count = member(all, "count");
    std::size_t total = list.size();
    if (count.is_number_integer() && count.get<std::int64_t>() > 0)
        total = std::max(total, static_cast<std::size_t>(count.get<std::int64_t>()));
    std::size_t const more = total - rows.size();
    return {{"rows", rows}, {"total", std::to_string(total)}, {"more", std::to_string(more)}, {"has_more", more > 0}};
}
}  // namespace

json orders_view(plans::Plan const& plan, json const& report) {
    json const& orders = member(report, "orders");
    return {
        {"chart_svg", engine::report::ack_curve_chart(ack_curves(plan, report), plan.orders.ack_hours)},
        {"ack_hours", std::to_string(plan.orders.ack_hours)},
        {"batches", batch_rows(plan, items(orders, "batches"))},
        {"totals", tally(member(orders, "totals"))},
        {"latency", latency(member(orders, "ack_latency_minutes"))},
        {"groups", json::array({group_table("按区县", "区县", items(orders, "by_district")),
                                group_table("按行业", "行业", items(orders, "by_industry")),
                                group_table("按绩效等级", "绩效等级", items(orders, "by_grade"))})},
        {"never_acknowledged", never_acknowledged(plan, items(orders, "never_acknowledged"), member(orders, "never_acknowledged_all"))},
    };
}

}  // namespace hazeguard::templates::report_html
