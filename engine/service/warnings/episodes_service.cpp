// Times are shown in the plan's zone with the offset (Asia/Shanghai, +08:00).
#include "engine/service/warnings/episodes_service.hpp"

#include "engine/service/error.hpp"
#include "engine/workflow/warning_state.hpp"

namespace hazeguard::service {
using nlohmann::json;

json EpisodesService::status() {
    json out;
    transactions_.read([&](ports::Store& store) {
        auto const s = store.warning().state();
        json directives = json::array();
        for (auto const& d : s.directives) directives.push_back({{"id", d.id}, {"level", views_.level(d.level)}});
        json next = json::array();
        for (auto const& t : store.timers().next(20))
            next.push_back({{"kind", t.kind}, {"ref", t.ref}, {"due_at", views_.local(t.due_at)}});
        json scheduled = nullptr;
        if (s.scheduled) {
            // Its orders went out at the signature: the batch and the episode to follow them in.
            auto const advance = store.batches().advance(s.scheduled->cause);
            scheduled = {{"action", s.scheduled->action}, {"level", views_.level(s.scheduled->level)},
                         {"start_at", views_.local(s.scheduled->start_at)}, {"cause", s.scheduled->cause},
                         {"episode_id", advance ? json(advance->episode) : json(nullptr)},
                         {"batch_id", advance ? json(advance->id) : json(nullptr)}};
        }
        auto const& plan = views_.plan;
        out = json{{"now", views_.local(clock_.now())},
                   {"drill", views_.drill},
                   {"plan", {{"id", plan.id}, {"version", plan.version}, {"rule_set", plan.default_rule_set}}},
                   {"state", std::string(engine::phase_name(s.phase))},
                   {"level", views_.level(s.level)},
                   {"local_level", views_.level(s.local_level)},
                   {"directives_in_force", directives},
                   {"since", views_.local_or_null(s.level_since)},
                   {"planned_end", views_.local_or_null(s.planned_end)},
                   {"open_ended", s.level.has_value() && !s.planned_end},
                   {"episode_id", s.episode ? json(*s.episode) : json(nullptr)},
                   {"scheduled", scheduled},
                   {"pending_proposals", store.proposals().count_pending()},
                   {"next", next}};
    });
    return out;
}

json EpisodesService::view(ports::EpisodeRecord const& e) const {
    return {{"id", e.id},
            {"opened_at", views_.local(e.opened_at)},
            {"closed_at", views_.local_or_null(e.closed_at)},
            {"plan_version", e.plan_version},
            {"rule_set", e.rule_set},
            {"drill", e.drill},
            {"peak_level", views_.level(views_.plan.rank(e.peak_level))},
            {"list_version", e.list_version ? json(*e.list_version) : json(nullptr)}};
}

json EpisodesService::episodes() {
    json items = json::array();
    transactions_.read([&](ports::Store& store) {
        for (auto const& e : store.episodes().recent(200)) items.push_back(view(e));
    });
    return {{"items", items}};
}

json EpisodesService::episode(std::int64_t id) {
    json out;
    transactions_.read([&](ports::Store& store) {
        auto const e = store.episodes().find(id);
        if (!e) not_found("episode " + std::to_string(id));
        out = view(*e);
        out["timeline"] = json::array();
        for (auto const& t : store.episodes().timeline(id))
            out["timeline"].push_back({{"seq", t.id},
                                       {"ref", t.ref},
                                       {"at", views_.local(t.at)},
                                       {"kind", t.kind},
                                       {"actor", t.actor},
                                       {"summary_cn", t.summary_cn},
                                       {"detail", json::parse(t.detail)},
                                       {"plan_version", t.plan_version}});
    });
    return out;
}

}  // namespace hazeguard::service
