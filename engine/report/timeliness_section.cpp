#include "engine/report/detail/sections.hpp"

#include <algorithm>
#include <tuple>

namespace hazeguard::engine::report::detail {
namespace {

// One step of the approval chain: done `at` (if done), due `due_at`, counted from `since`.
json step(ReportContext const& ctx, std::optional<Instant> since, std::optional<Instant> at,
          std::optional<Instant> due_at, int limit_hours) {
    bool const measurable = since && at;
    return {{"at", ctx.time_or_null(at)},
            {"due_at", ctx.time_or_null(due_at)},
            {"hours", measurable ? hours_between(*since, *at) : json(nullptr)},
            {"limit_hours", limit_hours},
            {"on_time", at && due_at ? json(*at <= *due_at) : json(nullptr)}};
}

// A signed issue or upgrade at a level the plan wants announced ahead: how far ahead it was signed.
json advance_notice(ReportContext const& ctx, ProposalRecord const& p) {
    auto const& required = ctx.plan.time_limits.advance_notice_hours;
    auto const it = required.find(p.level);
    if (!p.signed_at || it == required.end() || (p.action != "issue" && p.action != "upgrade")) return nullptr;
    Instant const start = std::max(p.start_at, *p.signed_at);
    return {{"required_hours", it->second},
            {"hours", hours_between(*p.signed_at, start)},
            {"short", start - *p.signed_at < static_cast<Instant>(it->second) * kHour}};
}

json proposals(ReportContext const& ctx) {
    std::vector<ProposalRecord const*> sorted;
    for (auto const& p : ctx.input.proposals) sorted.push_back(&p);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto const* a, auto const* b) {
        return std::tie(a->created_at, a->id) < std::tie(b->created_at, b->id);
    });
    auto const& limits = ctx.plan.time_limits;
    json out = json::array();
    for (auto const* p : sorted)
        out.push_back(
            {{"ref", ref("proposal", p->id)},
             {"action", p->action},
             {"level", text_or_null(p->level)},
             {"status", p->status},
             {"consulted_at", ctx.time(p->consulted_at)},
             {"form", step(ctx, p->consulted_at, p->created_at, p->form_due_at, limits.approval_form_hours)},
             {"signature", step(ctx, p->created_at, p->signed_at, p->approval_due_at, limits.signature_hours)},
             {"distribution",
              step(ctx, p->signed_at, p->distributed_at, p->distribution_due_at, limits.distribution_hours)},
             {"effective", {{"requested_at", ctx.time(p->start_at)}, {"at", ctx.time_or_null(p->effective_at)}}},
             {"deviation", p->deviates ? json{{"recommended_level", text_or_null(p->recommended_level)},
                                              {"justification", p->justification}}
                                       : json(nullptr)},
             {"advance_notice", advance_notice(ctx, *p)}});
    return out;
}

// The earliest start of a period at `rank` or higher whose cause begins with `cause_prefix`.
std::optional<Instant> first_start_at_or_above(ReportContext const& ctx, int rank, std::string const& cause_prefix) {
    for (auto const* period : ctx.levels) {
        auto const r = ctx.plan.rank(period->level);
        if (r && *r >= rank && period->cause.starts_with(cause_prefix)) return period->from;
    }
    return std::nullopt;
}

json onset(ReportContext const& ctx) {
    json out = json::array();
    for (auto const& check : ctx.plan.evaluation.onset_checks) {
        std::optional<Instant> first_hour;
        for (auto const* h : ctx.hourly)
            if (h->aqi > check.aqi_above) {
                first_hour = h->hour_start;
                break;
            }
        auto const rank = ctx.plan.rank(check.level);
        auto const level_start = rank ? first_start_at_or_above(ctx, *rank, "") : std::nullopt;
        bool const both = first_hour && level_start;
        out.push_back({{"aqi_above", check.aqi_above},
                       {"level", check.level},
                       {"first_hour_above", ctx.time_or_null(first_hour)},
                       {"level_start", ctx.time_or_null(level_start)},
                       {"lead_hours", both ? hours_between(*level_start, *first_hour) : json(nullptr)},
                       {"warned_first", both ? json(*level_start <= *first_hour) : json(nullptr)}});
    }
    return out;
}

// The earliest time the city's own signed issue or upgrade at `rank` or higher took effect — or
// would have, had a directive not already held the level there (then nothing changed in force).
std::optional<Instant> first_adoption_at_or_above(ReportContext const& ctx, int rank) {
    std::optional<Instant> first = first_start_at_or_above(ctx, rank, "proposal:");
    for (auto const& p : ctx.input.proposals) {
        auto const r = ctx.plan.rank(p.level);
        if (!p.signed_at || !r || *r < rank || (p.action != "issue" && p.action != "upgrade")) continue;
        Instant const at = p.effective_at.value_or(std::max(p.start_at, *p.signed_at));
        if (!first || at < *first) first = at;
    }
    return first;
}

json directives(ReportContext const& ctx) {
    std::vector<DirectiveRecord const*> sorted;
    for (auto const& d : ctx.input.directives) sorted.push_back(&d);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto const* a, auto const* b) {
        return std::tie(a->start_at, a->id) < std::tie(b->start_at, b->id);
    });
    json out = json::array();
    for (auto const* d : sorted) {
        auto const rank = ctx.plan.rank(d->level);
        auto const local_start = rank ? first_adoption_at_or_above(ctx, *rank) : std::nullopt;
        out.push_back({{"ref", ref("directive", d->id)},
                       {"issuer", d->issuer},
                       {"reference", d->reference},
                       {"level", d->level},
                       {"recorded_at", ctx.time(d->recorded_at)},
                       {"start_at", ctx.time(d->start_at)},
                       {"end_at", ctx.time_or_null(d->end_at)},
                       {"local_start_at", ctx.time_or_null(local_start)},
                       {"lag_hours", local_start ? hours_between(d->start_at, *local_start) : json(nullptr)}});
    }
    return out;
}

}  // namespace

json timeliness_section(ReportContext const& ctx) {
    return {{"proposals", proposals(ctx)}, {"onset", onset(ctx)}, {"directives", directives(ctx)}};
}

}  // namespace hazeguard::engine::report::detail
