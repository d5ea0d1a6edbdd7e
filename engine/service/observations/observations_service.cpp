// An observation batch's path: ObservationsService::record_observations → CommandRunner (one
// transaction) → ports::ObservationRepository, one row and change per value.
#include "engine/service/observations/observations_service.hpp"

#include <nlohmann/json.hpp>

namespace hazeguard::service {
using nlohmann::json;

void ObservationsService::record_observations(Command const& c, ObservationBatch batch, Answer<ObservationReceipt> answer) {
    auto const source = batch.source.value_or(c.principal.name);
    runner_.run(c, [source, batch = std::move(batch.observations), who = c.principal](Tx& tx) {
        auto& stored = tx.store.observations();
        ObservationReceipt out;
        out.received = batch.size();
        for (auto const& ob : batch) {
            int revision = 1;
            if (auto const old = stored.find(ob.granularity, ob.at)) {
                if (old->values == ob.values) {
                    ++out.unchanged;
                    continue;
                }
                revision = old->revision + 1;
                // The replaced values are kept as stored JSON, with the source that gave them.
                json previous{{"aqi", old->values.aqi},
                              {"pm25", old->values.pm25 ? json(*old->values.pm25) : json(nullptr)},
                              {"primary_pollutant", old->values.primary},
                              {"source", old->source}};
                stored.add_change({ob.granularity, ob.at, old->revision, previous.dump(), tx.real_now, who.name, source});
                ++out.replaced;
                out.changes.push_back({ob, revision, old->values});
            } else {
                ++out.created;
            }
            stored.put({ob.granularity, ob.at, ob.values, source, revision, tx.real_now, who.name});
        }
        return out;
    }, std::move(answer));
}

ObservationRange ObservationsService::observations(engine::Instant from, engine::Instant to) {
    ObservationRange out{from, to, {}};
    transactions_.read([&](ports::Store& store) {
        for (auto& r : store.observations().between(from, to)) {
            ObservationHistory row{std::move(r), {}};
            if (row.record.revision > 1) row.history = store.observations().changes(row.record.granularity, row.record.at);
            out.observations.push_back(std::move(row));
        }
    });
    return out;
}

}  // namespace hazeguard::service
