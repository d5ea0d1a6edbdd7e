// The console's one door to the application services (see console_data.hpp).
#include "api/app/console/console_data.hpp"

#include "engine/service/forecasts/assessment_view.hpp"
#include "engine/service/forecasts/forecast_codec.hpp"
#include "engine/service/input.hpp"

namespace hazeguard::api::console_data {
using nlohmann::json;

json status(service::Service& s) { return s.episodes().status(); }

json proposals(service::Service& s, std::optional<std::string> const& status) { return s.proposals().proposals(status); }

json proposal(service::Service& s, std::int64_t id) { return s.proposals().proposal(id); }

json directives(service::Service& s) { return s.directives().directives(); }

json forecast(service::Service& s, std::int64_t id) { return s.forecasts().forecast(id); }

json episodes(service::Service& s) { return s.episodes().episodes(); }

json episode(service::Service& s, std::int64_t id) { return s.episodes().episode(id); }

json progress(service::Service& s, std::int64_t episode) { return s.progress().episode_progress(episode); }

json episode_orders(service::Service& s, std::int64_t episode, service::OrderFilter const& filter) {
    return s.orders().episode_orders(episode, filter, s.now());
}

json order_by_link(service::Service& s, std::string const& code) { return s.orders().order_by_link(code, s.now()); }

json preview_assessment(service::Service& s, json const& body) {
    auto const& plan = s.plan();
    int const offset = engine::parse_utc_offset(plan.utc_offset).value_or(480);
    service::Input in(body);
    auto const f = service::read_forecast(in, offset);
    in.finish();
    service::ViewContext const views{plan, offset, false};
    json out = service::forecast_to_view(f, offset);
    out["id"] = nullptr;
    out["created_by"] = "";
    out["assessment"] = service::assessment_view(views, f, *plan.rule_set(plan.default_rule_set), engine::WarningState{});
    return out;
}

json plan_choices(service::Service& s) {
    auto const& plan = s.plan();
    json levels = json::array();
    for (auto const& l : plan.levels) levels.push_back({{"id", l.id}, {"name_cn", l.name_cn}});
    return {{"levels", levels}, {"districts", plan.districts}, {"industries", plan.industries}, {"grades", plan.grades},
            {"utc_offset", plan.utc_offset}};
}

std::string notice_html(service::Service& s, std::int64_t proposal) { return s.proposals().notice_html(proposal); }

std::string order_html(service::Service& s, service::Principal const& who, std::int64_t order) {
    return s.orders().order_html(who, order);
}

std::string report_html(service::Service& s, std::int64_t episode) { return s.reports().episode_report_html(episode); }

void submit_forecast(service::Service& s, service::Command const& c, json const& body, service::Completion done) {
    s.forecasts().submit(c, body, std::move(done));
}

void create_proposal(service::Service& s, service::Command const& c, json const& body, service::Completion done) {
    s.proposals().create(c, body, std::move(done));
}

void approve(service::Service& s, service::Command const& c, std::int64_t id, json const& body, service::Completion done) {
    s.proposals().approve(c, id, body, std::move(done));
}

void reject(service::Service& s, service::Command const& c, std::int64_t id, json const& body, service::Completion done) {
    s.proposals().reject(c, id, body, std::move(done));
}

void acknowledge_by_link(service::Service& s, service::Command const& c, std::string const& code, json const& body,
                         service::Completion done) {
    s.orders().acknowledge_by_link(c, code, body, std::move(done));
}

void report_execution(service::Service& s, service::Command const& c, std::int64_t id, json const& body,
                      service::Completion done) {
    s.orders().report_execution(c, id, body, std::move(done));
}

}  // namespace hazeguard::api::console_data
