// POST /v1/forecasts: validate a forecast product, assess it against the plan, store both.
#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/forecast/assessment.hpp"
#include "engine/service/forecast_codec.hpp"
#include "engine/service/input.hpp"
#include "engine/service/service.hpp"
#include "engine/service/service_tx.hpp"
#include "engine/service/roles.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

json Service::assessment_view(engine::Forecast const& f, plans::RuleSet const& rules,
                              engine::WarningState const& state) const {
    auto const a = engine::assess(plan_, rules, f);
    json fired = nullptr;
    if (a.recommendation) {
        fired = {{"level", a.recommendation->level_id}, {"group", a.recommendation->group_index},
                 {"conditions", json::array()}};
        for (auto const& m : a.recommendation->matched)
            fired["conditions"].push_back(
                {{"aqi_above", m.condition.aqi_above}, {"days", m.condition.days}, {"dates", m.dates}});
    }
    json view{{"rule_set", {{"id", rules.id}, {"title_cn", rules.title_cn}, {"source", rules.source}}},
              {"forecast_value", a.forecast_value},
              {"recommended_level", level_view(a.recommendation ? std::optional<int>(a.recommendation->level_rank)
                                                                 : std::nullopt)},
              {"fired", fired},
              {"pollutant_path", a.pollutant_path},
              {"primary_pollutants", a.primary_pollutants},
              {"explanation_cn", a.explanation_cn},
              {"active", nullptr}};
    if (!state.level) return view;
    // During a warning: would the plan let the level drop or lift from the next local midnight?
    std::string const current = plan_.level_at(*state.level).id;
    Instant const from = engine::local_midnight(f.issued_at, offset_minutes_) + engine::kDay;
    auto const fl = engine::check_fluctuation(plan_, rules, f, current, from);
    auto const lift = engine::check_lift(plan_, rules, f, current, from);
    int const rec = a.recommendation ? a.recommendation->level_rank : -1;
    std::string action = "maintain";
    if (rec > *state.level) action = "upgrade";
    else if (rec < *state.level && fl.applies) action = "maintain";
    else if (rec < 0 && lift.satisfied) action = "lift";
    else if (rec >= 0 && rec < *state.level) action = "downgrade";
    view["active"] = {{"level", level_view(state.level)},
                      {"evaluated_from", local(from)},
                      {"recommended_action", action},
                      {"fluctuation",
                       {{"applies", fl.applies}, {"thresholds", fl.thresholds}, {"crossings", fl.crossings},
                        {"explanation_cn", fl.explanation_cn}}},
                      {"lift",
                       {{"satisfied", lift.satisfied}, {"lift_below", lift.lift_below},
                        {"hours_below", lift.hours_below}, {"hours_required", lift.hours_required},
                        {"explanation_cn", lift.explanation_cn}}}};
    return view;
}

void Service::submit_forecast(Command const& c, json const& body, Completion done) {
    require_role(c.principal, {"duty_officer", "admin"});
    Input in(body);
    auto const f = read_forecast(in, offset_minutes_);
    auto const rule_set_id = in.text("rule_set", false);
    if (rule_set_id && !plan_.rule_set(*rule_set_id)) in.error("rule_set", "is not a rule set of the plan");
    in.finish();
    // `rules` points into plan_, which lives as long as the service.
    run_async(c, [this, f, rules = &rule_set(rule_set_id), who = c.principal](Tx& tx) {
        auto const state = load_machine().state();
        json const assessment = assessment_view(f, *rules, state);
        SQLite::Statement q(tx.db, "INSERT INTO forecasts(issued_at, issuer, consulted_at, body, assessment, rule_set, "
                                   "plan_version, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, f.issued_at);
        q.bind(2, f.issuer);
        q.bind(3, f.consulted_at.value_or(f.issued_at));
        q.bind(4, forecast_to_json(f).dump());
        q.bind(5, assessment.dump());
        q.bind(6, rules->id);
        q.bind(7, plan_.version);
        q.bind(8, who.name);
        q.bind(9, tx.real_now);
        q.exec();
        auto const id = tx.db.getLastInsertRowid();
        auto const rec = assessment.at("recommended_level");
        timeline(tx, state.episode, "forecast:" + std::to_string(id), f.issued_at, "forecast", who.name,
                 "录入预报（" + f.issuer + "）：" + assessment.at("explanation_cn").get<std::string>(),
                 {{"forecast_id", id}, {"recommended_level", rec.is_null() ? json(nullptr) : rec.at("id")},
                  {"rule_set", rules->id}});
        return Reply{201, forecast_view(id), "/v1/forecasts/" + std::to_string(id)};
    }, std::move(done));
}

json Service::forecast_view(std::int64_t id) {
    SQLite::Statement q(conn(), "SELECT body, assessment, created_by, plan_version FROM forecasts WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) not_found("forecast " + std::to_string(id));
    auto const f = forecast_from_json(json::parse(q.getColumn(0).getString()), offset_minutes_);
    json view = forecast_to_view(f, offset_minutes_);
    view["id"] = id;
    view["assessment"] = json::parse(q.getColumn(1).getString());
    view["created_by"] = q.getColumn(2).getString();
    view["plan_version"] = q.getColumn(3).getString();
    view["drill"] = options_.drill;
    return view;
}

std::optional<engine::Forecast> Service::stored_forecast(std::optional<std::int64_t> id) {
    SQLite::Statement q(conn(), id ? "SELECT body FROM forecasts WHERE id = ?"
                                 : "SELECT body FROM forecasts ORDER BY issued_at DESC, id DESC LIMIT 1");
    if (id) q.bind(1, *id);
    if (!q.executeStep()) return std::nullopt;
    return forecast_from_json(json::parse(q.getColumn(0).getString()), offset_minutes_);
}

}  // namespace hazeguard::service
