#include "engine/service/timeline.hpp"

namespace hazeguard::service {

void record(ports::Store& store, std::string const& plan_version, TimelineEntry const& e) {
    engine::TimelineRecord row{0, std::nullopt, e.ref, e.at, e.kind, e.actor, e.summary_cn, e.detail.dump(), plan_version};
    if (e.episode) row.episode_id = *e.episode;
    store.warning().append_timeline(std::move(row));
}

}  // namespace hazeguard::service
