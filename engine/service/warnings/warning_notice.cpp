#include "engine/service/warnings/warning_notice.hpp"

#include "engine/service/warnings/wording.hpp"
#include "templates/renderer.hpp"

namespace hazeguard::service {
using nlohmann::json;

namespace {
std::string basis(ViewContext const& views, ports::Store& store, json const& proposal) {
    std::string const plan = "根据" + views.plan.name_cn + "（" + views.plan.version + "）";
    if (!proposal.at("forecast_id").is_null())
        if (auto const f = store.forecasts().find(proposal.at("forecast_id").get<std::int64_t>()))
            return plan + "及预报会商结果：" + json::parse(f->assessment).at("explanation_cn").get<std::string>();
    if (!proposal.at("directive_id").is_null())
        if (auto const d = store.directives().find(proposal.at("directive_id").get<std::int64_t>()))
            return plan + "及区域预警指令（" + d->reference + "）。";
    return plan + "及会商意见。";
}
// The path of the proposal's forecast: a health-advisory episode lists no curtailment measures.
std::string forecast_path(ports::Store& store, json const& proposal) {
    if (proposal.at("forecast_id").is_null()) return "full_response";
    auto const f = store.forecasts().find(proposal.at("forecast_id").get<std::int64_t>());
    return f ? json::parse(f->assessment).value("pollutant_path", "full_response") : "full_response";
}
}  // namespace

std::string render_warning_notice(ViewContext const& views, ports::Store& store, json const& p,
                                  engine::WarningState const& state, Principal const& signer, engine::Instant signed_at) {
    auto const& plan = views.plan;
    auto const action = p.at("action").get<std::string>();
    std::optional<int> rank = state.level;
    if (!p.at("level").is_null()) rank = plan.rank(p.at("level").at("id").get<std::string>());
    std::string const level_cn = rank ? plan.level_at(*rank).name_cn : "";
    auto const* authority = plan.authority(signer.authority);
    json measures = json::array();
    if (rank && action != "lift")
        for (auto const* m : plan.public_measures_for(plan.level_at(*rank).id, forecast_path(store, p)))
            measures.push_back({{"index", std::to_string(measures.size() + 1)}, {"sector_cn", sector_cn(m->sector)},
                                {"text_cn", m->text_cn}});
    json data{{"office_cn", plan.city_cn + "重污染天气应急指挥部办公室"},
              {"action_cn", action_cn(action)},
              {"level_cn", level_cn},
              {"basis_cn", basis(views, store, p)},
              {"authority_cn", (authority ? authority->name_cn : signer.authority) + "（" + signer.name + "）"},
              {"decision_cn", "决定" + action_cn(action) + level_cn},
              {"start_local", p.at("start_at")},
              {"end_local", p.at("end_at")},
              {"open_ended", p.at("open_ended")},
              {"has_measures", !measures.empty()},
              {"measures", measures},
              {"consultation_note", p.at("consultation_note")},
              {"signed_local", views.local(signed_at)},
              {"plan_version", plan.version},
              {"proposal_id", std::to_string(p.at("id").get<std::int64_t>())},
              {"drill", views.drill}};
    return templates::render("notices/warning_notice", data);
}

}  // namespace hazeguard::service
