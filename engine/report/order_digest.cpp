#include "engine/report/detail/order_digest.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "engine/report/detail/order_status.hpp"
#include "engine/report/evaluation_report.hpp"

namespace hazeguard::engine::report::detail {
namespace {

// The report's order of the never-acknowledged list.
bool listed_before(OrderRecord const& a, OrderRecord const& b) {
    return std::tie(a.batch_id, a.credit_code, a.order_id) < std::tie(b.batch_id, b.credit_code, b.order_id);
}

// Tonnes of one pollutant; 0 when not listed.
double digest_amount(Tonnes const& tonnes, std::string const& pollutant) {
    auto it = tonnes.find(pollutant);
    return it == tonnes.end() ? 0.0 : it->second;
}

// The largest planned/baseline share over the order's pollutants with a baseline (0 if none).
double planned_share(OrderRecord const& o) {
    double share = 0;
    for (auto const& [pollutant, base] : o.baseline_t_per_day)
        if (base > 0) share = std::max(share, digest_amount(o.planned_t_per_day, pollutant) / base);
    return share;
}

}  // namespace

OrderDigest::OrderDigest(ReportContext const& c)
    : ctx(c), batches(c.batches.size()), last_order_id_(std::numeric_limits<std::int64_t>::min()) {}

void OrderDigest::add(OrderRecord const& o) {
    if (o.order_id < last_order_id_) throw std::invalid_argument("the report's orders must come by order id");
    last_order_id_ = o.order_id;
    auto const batch = ctx.batch_index(o.batch_id);
    if (batch) batches[*batch].tally.add(o);
    totals.add(o);
    by_district[o.district].add(o);
    by_industry[o.industry].add(o);
    by_grade[o.grade].add(o);
    if (o.termination) return;
    if (auto minutes = ack_minutes(o)) {
        all_minutes.push_back(*minutes);
        if (batch) batches[*batch].ack_minutes.push_back(*minutes);
    }
    if (ack_status(o) == AckStatus::never) {
        ++never_count;
        if (never_first.size() < kNeverAcknowledgedListed) {
            never_first.push_back(o);
            std::push_heap(never_first.begin(), never_first.end(), listed_before);
        } else if (!never_first.empty() && listed_before(o, never_first.front())) {
            std::pop_heap(never_first.begin(), never_first.end(), listed_before);
            never_first.back() = o;
            std::push_heap(never_first.begin(), never_first.end(), listed_before);
        }
    }
    add_electricity(o);
}

void OrderDigest::add_electricity(OrderRecord const& o) {
    if (!o.baseline_kwh_per_day || !o.reported_kwh_per_day || *o.baseline_kwh_per_day <= 0) return;
    double const tolerance = ctx.plan.evaluation.electricity_tolerance;
    double const reduction = 1.0 - *o.reported_kwh_per_day / *o.baseline_kwh_per_day;
    double const planned = planned_share(o);
    bool const is_short = reduction < planned - tolerance;
    electricity_short += is_short;
    // Members assigned one by one: half the cost of the initializer-list form per order.
    json row;
    row["order_id"] = o.order_id;
    row["ref"] = ref("batch", o.batch_id);
    row["credit_code"] = o.credit_code;
    row["name"] = o.name;
    row["baseline_kwh_per_day"] = rounded(*o.baseline_kwh_per_day);
    row["reported_kwh_per_day"] = rounded(*o.reported_kwh_per_day);
    row["reduction_share"] = rounded(reduction);
    row["planned_share"] = rounded(planned);
    row["short"] = is_short;
    electricity_rows.push_back(std::move(row));
}

std::vector<OrderRecord const*> OrderDigest::never_listed() const {
    std::vector<OrderRecord const*> out;
    out.reserve(never_first.size());
    for (auto const& o : never_first) out.push_back(&o);
    std::sort(out.begin(), out.end(), [](auto const* a, auto const* b) { return listed_before(*a, *b); });
    return out;
}

}  // namespace hazeguard::engine::report::detail
