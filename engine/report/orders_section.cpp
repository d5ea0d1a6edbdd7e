#include "engine/report/detail/sections.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "engine/report/detail/ack_latency.hpp"
#include "engine/report/detail/never_acknowledged.hpp"
#include "engine/report/detail/order_digest.hpp"
#include "engine/report/evaluation_report.hpp"

namespace hazeguard::engine::report::detail {
namespace {

json batch_row(ReportContext const& ctx, OrderBatchRecord const& b, OrderTally const& tally) {
    json row = {{"ref", ref("batch", b.id)},
                {"kind", b.kind},
                {"level", text_or_null(b.level)},
                {"issued_at", ctx.time(b.issued_at)},
                {"effective_from", ctx.time(b.effective_from)},
                {"ack_due_at", ctx.time_or_null(b.ack_due_at)},
                {"execution_due_at", ctx.time_or_null(b.execution_due_at)}};
    tally.write(row);
    return row;
}

json breakdown(std::map<std::string, OrderTally> const& tallies) {
    json out = json::array();
    for (auto const& [key, tally] : tallies) {
        json row = {{"key", key}};
        tally.write(row);
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace

json orders_section(ReportContext const& ctx, OrderDigest const& digest) {
    auto const& work = digest.batches;
    json batches = json::array(), curves = json::array();
    for (std::size_t i = 0; i < ctx.batches.size(); ++i) {
        auto const& b = *ctx.batches[i];
        batches.push_back(batch_row(ctx, b, work[i].tally));
        if (work[i].tally.orders > 0)
            curves.push_back({{"ref", ref("batch", b.id)},
                              {"points", ack_curve_points(work[i].ack_minutes, work[i].tally.orders)}});
    }
    json const listed = never_acknowledged_rows(ctx, digest.never_listed(), 0, kNeverAcknowledgedListed);
    json all = {{"count", digest.never_count},
                {"listed", listed.size()},
                {"href", "/v1/episodes/" + std::to_string(ctx.input.episode_id) + "/report/unacknowledged"}};
    json totals_json = json::object();
    digest.totals.write(totals_json);
    return {{"batches", std::move(batches)},
            {"totals", std::move(totals_json)},
            {"ack_latency_minutes", latency_summary(digest.all_minutes)},
            {"by_district", breakdown(digest.by_district)},
            {"by_industry", breakdown(digest.by_industry)},
            {"by_grade", breakdown(digest.by_grade)},
            {"never_acknowledged", listed},
            {"never_acknowledged_all", std::move(all)},
            {"ack_curve", std::move(curves)}};
}

}  // namespace hazeguard::engine::report::detail
