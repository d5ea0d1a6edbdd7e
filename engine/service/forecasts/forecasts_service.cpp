// A forecast's path: ForecastsService::submit → CommandRunner (one transaction) →
// ports::ForecastRepository (with its timeline row through the warning's repository).
#include "engine/service/forecasts/forecasts_service.hpp"

#include <nlohmann/json.hpp>

#include "engine/domain/ref.hpp"
#include "engine/service/error.hpp"
#include "engine/service/forecasts/stored_assessment.hpp"
#include "engine/service/forecasts/forecast_codec.hpp"
#include "engine/service/timeline.hpp"
#include "engine/service/warnings/wording.hpp"

namespace hazeguard::service {
using nlohmann::json;

void ForecastsService::submit(Command const& c, ForecastSubmission submission, Answer<ForecastSheet> answer) {
    auto const* rules = views_.plan.rule_set(submission.rule_set.value_or(views_.plan.default_rule_set));
    if (!rules) throw Error(Errc::validation, "1 field(s) are invalid: /rule_set is not a rule set of the plan", {{"/rule_set", "is not a rule set of the plan"}});
    // `rules` points into the plan, which lives as long as the services.
    runner_.run(c, [this, f = std::move(submission.forecast), rules, who = c.principal](Tx& tx) {
        auto const state = tx.store.warning().state();
        json const assessment = stored_assessment(views_, f, *rules, state);
        auto const id = tx.store.forecasts().add({f.issued_at, f.issuer, f.consulted_at.value_or(f.issued_at),
                                                  forecast_to_json(f).dump(), assessment.dump(), rules->id,
                                                  views_.plan.version, who.name, tx.real_now});
        auto const rec = assessment.at("recommended_level");
        record(tx.store, views_.plan.version,
               {state.episode, engine::to_string(engine::Ref::forecast(id)), f.issued_at, "forecast", who.name,
                "录入预报（" + forecast_issuer_cn(f.issuer) + "）：" + assessment.at("explanation_cn").get<std::string>(),
                {{"forecast_id", id},
                 {"recommended_level", rec.is_null() ? json(nullptr) : rec.at("id")},
                 {"rule_set", rules->id}}});
        return sheet(tx.store, id);
    }, std::move(answer));
}

ForecastSheet ForecastsService::sheet(ports::Store& store, std::int64_t id) const {
    auto stored = store.forecasts().find(id);
    if (!stored) not_found("forecast " + std::to_string(id));
    auto f = forecast_from_json(json::parse(stored->body), views_.offset_minutes);
    return {id, std::move(f), std::move(*stored)};
}

ForecastSheet ForecastsService::forecast(std::int64_t id) {
    ForecastSheet out;
    transactions_.read([&](ports::Store& store) { out = sheet(store, id); });
    return out;
}

std::optional<engine::Forecast> ForecastsService::stored(ports::Store& store, std::optional<std::int64_t> id) const {
    if (!id) id = store.forecasts().latest();
    if (!id) return std::nullopt;
    auto const found = store.forecasts().find(*id);
    if (!found) return std::nullopt;
    return forecast_from_json(json::parse(found->body), views_.offset_minutes);
}

}  // namespace hazeguard::service
