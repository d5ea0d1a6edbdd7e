#include "engine/service/delivery/distribution.hpp"

#include "engine/domain/ref.hpp"
#include "engine/service/timeline.hpp"

namespace hazeguard::service {

std::string roster_key(std::string const& recipient_id) { return "roster:" + recipient_id; }

void record_reached(ports::Store& store, ViewContext const& views, std::string const& message_id,
                    std::string const& key, engine::Instant now) {
    auto& deliveries = store.deliveries();
    if (!deliveries.reach_recipient(message_id, key, now)) return;
    auto const p = deliveries.progress(message_id);
    if (p.delivered != p.recipients) return;
    // Every recipient has the notice: it is distributed now, on time or not.
    std::optional<int> episode = store.warning().state().episode;
    if (auto const ref = engine::parse_ref(p.ref); ref && ref->is(engine::Ref::Kind::proposal))
        if (auto const proposal = store.proposals().find(ref->id); proposal && proposal->episode_id)
            episode = static_cast<int>(*proposal->episode_id);
    bool const on_time = !p.due_at || now <= *p.due_at;
    record(store, views.plan.version,
           {episode, p.ref, now, "distribution", "system",
            "通知已送达全部" + std::to_string(p.recipients) + "个接收单位" + (on_time ? "" : "（超过分发时限）"),
            {{"message_id", message_id}, {"recipients", p.recipients}, {"on_time", on_time},
             {"due_at", views.local_or_null(p.due_at)}}});
}

}  // namespace hazeguard::service
