#include "engine/service/warnings/episodes_service.hpp"

#include "engine/service/error.hpp"

namespace hazeguard::service {

WarningStatus EpisodesService::status() {
    WarningStatus out;
    out.now = clock_.now();
    transactions_.read([&](ports::Store& store) {
        out.state = store.warning().state();
        // Its orders went out at the signature: the batch and the episode to follow them in.
        if (out.state.scheduled) out.scheduled_batch = store.batches().advance(out.state.scheduled->cause);
        out.pending_proposals = store.proposals().count_pending();
        out.next = store.timers().next(20);
    });
    return out;
}

std::vector<ports::EpisodeRecord> EpisodesService::episodes() {
    std::vector<ports::EpisodeRecord> items;
    transactions_.read([&](ports::Store& store) { items = store.episodes().recent(200); });
    return items;
}

EpisodeSheet EpisodesService::episode(std::int64_t id) {
    EpisodeSheet out;
    transactions_.read([&](ports::Store& store) {
        auto e = store.episodes().find(id);
        if (!e) not_found("episode " + std::to_string(id));
        out.episode = std::move(*e);
        out.timeline = store.episodes().timeline(id);
    });
    return out;
}

}  // namespace hazeguard::service
