// The console's one door to the application services (see console_data.hpp): requests are read
// and results presented by the same functions as the API's (api/resources/).
#include "api/app/console/console_data.hpp"

#include "api/resources/orders/order_json.hpp"
#include "api/resources/orders/order_requests.hpp"
#include "api/resources/route_kit.hpp"
#include "api/resources/warnings/warning_json.hpp"
#include "api/resources/warnings/warning_requests.hpp"
#include "engine/service/forecasts/stored_assessment.hpp"

namespace hazeguard::api::console_data {
using nlohmann::json;
using routes::json_answer;

json status(service::Service& s) { return status_json(s.views(), s.episodes().status()); }

json proposals(service::Service& s, std::optional<std::string> const& status) {
    return proposals_json(s.views(), s.proposals().proposals(status));
}

json proposal(service::Service& s, std::int64_t id) { return proposal_json(s.views(), s.proposals().proposal(id)); }

json directives(service::Service& s) { return directives_json(s.views(), s.directives().directives()); }

json forecast(service::Service& s, std::int64_t id) { return forecast_json(s.views(), s.forecasts().forecast(id)); }

json episodes(service::Service& s) { return episodes_json(s.views(), s.episodes().episodes()); }

json episode(service::Service& s, std::int64_t id) { return episode_json(s.views(), s.episodes().episode(id)); }

json progress(service::Service& s, std::int64_t episode) { return progress_json(s.views(), s.progress().episode_progress(episode)); }

json episode_orders(service::Service& s, std::int64_t episode, service::OrderFilter const& filter) {
    return order_page_json(s.views(), s.orders().episode_orders(episode, filter, s.now()));
}

json order_by_link(service::Service& s, std::string const& code) {
    return linked_order_json(s.views(), s.orders().order_by_link(code, s.now()));
}

// The forecast as the API would store and show it, assessed as if no warning were in force;
// nothing is stored.
json preview_assessment(service::Service& s, json const& body) {
    auto const& plan = s.plan();
    auto const& views = s.views();
    auto const submission = read_forecast_submission(body, plan, views.offset_minutes);
    service::ForecastSheet sheet{0, submission.forecast, {}};
    sheet.record.assessment =
        service::stored_assessment(views, submission.forecast, *plan.rule_set(plan.default_rule_set), engine::WarningState{})
            .dump();
    json out = forecast_json(views, sheet);
    out["id"] = nullptr;
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
    s.forecasts().submit(c, read_forecast_submission(body, s.plan(), s.views().offset_minutes),
                         json_answer(s.views(), &forecast_json, std::move(done), 201));
}

void create_proposal(service::Service& s, service::Command const& c, json const& body, service::Completion done) {
    s.proposals().create(c, read_proposal_request(body, s.plan()), json_answer(s.views(), &proposal_json, std::move(done), 201));
}

void approve(service::Service& s, service::Command const& c, std::int64_t id, json const& body, service::Completion done) {
    s.proposals().approve(c, id, read_approval(body), json_answer(s.views(), &proposal_json, std::move(done)));
}

void reject(service::Service& s, service::Command const& c, std::int64_t id, json const& body, service::Completion done) {
    s.proposals().reject(c, id, read_rejection(body), json_answer(s.views(), &proposal_json, std::move(done)));
}

void record_directive(service::Service& s, service::Command const& c, json const& body, service::Completion done) {
    s.directives().create(c, read_directive_request(body, s.plan()), json_answer(s.views(), &directive_json, std::move(done), 201));
}

void lift_directive(service::Service& s, service::Command const& c, std::int64_t id, service::Completion done) {
    s.directives().lift(c, id, read_directive_lift(json::object()), json_answer(s.views(), &directive_json, std::move(done)));
}

void acknowledge_by_link(service::Service& s, service::Command const& c, std::string const& code, json const& body,
                         service::Completion done) {
    s.orders().acknowledge_by_link(c, code, read_acknowledgement(body), json_answer(s.views(), &ack_json, std::move(done)));
}

void report_execution(service::Service& s, service::Command const& c, std::int64_t id, json const& body,
                      service::Completion done) {
    s.orders().report_execution(c, id, read_execution_report(body), json_answer(s.views(), &order_json, std::move(done)));
}

}  // namespace hazeguard::api::console_data
