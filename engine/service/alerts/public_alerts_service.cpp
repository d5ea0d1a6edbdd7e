#include "engine/service/alerts/public_alerts_service.hpp"

#include <algorithm>

#include "engine/alerts/cap_document.hpp"
#include "engine/alerts/public_alert.hpp"
#include "templates/xml_renderer.hpp"

namespace hazeguard::service {

namespace {

/// The latest expiry an alert states; empty when one of its periods runs until further notice.
std::optional<engine::Instant> expiry_of(engine::PublicAlert const& a, engine::Instant sent, int all_clear_hours) {
    if (a.type == engine::CapMsgType::cancel) return sent;
    if (a.periods.empty()) return sent + static_cast<engine::Instant>(all_clear_hours) * engine::kHour;
    std::optional<engine::Instant> latest;
    for (auto const& p : a.periods) {
        if (!p.expires) return std::nullopt;
        latest = std::max(latest.value_or(*p.expires), *p.expires);
    }
    return latest;
}

}  // namespace

void PublicAlertsService::publish(Tx& tx, engine::WarningState const& before, std::string const& action) const {
    auto const& plan = views_.plan;
    if (!plan.public_alert) return;
    auto& alerts = tx.store.public_alerts();
    auto const last = alerts.last_warning();
    std::vector<engine::PublishedAlert> published;
    for (auto const& r : last) published.push_back({r.identifier, r.sent, r.expires, r.closes});
    auto const alert = engine::next_public_alert(plan, before, tx.store.warning().state(), action, published, tx.now);
    if (!alert) return;
    engine::CapHeader const header{
        engine::cap_identifier(plan.public_alert->issuer_code, tx.now, views_.offset_minutes, alerts.count_sent_at(tx.now)),
        tx.now, views_.drill};
    int const warning = last.empty() ? 1 : last.back().warning + (alert->type == engine::CapMsgType::alert ? 1 : 0);
    alerts.append({header.identifier, tx.now, engine::cap_msg_type_name(alert->type),
                   expiry_of(*alert, tx.now, plan.public_alert->all_clear_hours), alert->closes, warning,
                   engine::cap_headline_cn(plan, *alert),
                   templates::render_xml("cap/alert.xml", engine::cap_document(plan, *alert, header))});
}

std::vector<ports::PublicAlertRecord> PublicAlertsService::recent(int limit) {
    std::vector<ports::PublicAlertRecord> out;
    transactions_.read([&](ports::Store& store) { out = store.public_alerts().recent(limit); });
    return out;
}

std::optional<ports::PublicAlertRecord> PublicAlertsService::find(std::string const& identifier) {
    std::optional<ports::PublicAlertRecord> out;
    transactions_.read([&](ports::Store& store) { out = store.public_alerts().find(identifier); });
    return out;
}

}  // namespace hazeguard::service
