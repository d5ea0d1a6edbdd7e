#include "api/app/public_alerts.hpp"

#include <nlohmann/json.hpp>

#include "api/app/problem.hpp"
#include "templates/xml_renderer.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

int offset_of(plans::Plan const& plan) { return engine::parse_utc_offset(plan.utc_offset).value_or(480); }

std::string alert_url(std::string const& base, std::string const& identifier) {
    return base + "/v1/public/alerts/" + identifier;
}

}  // namespace

Response cap_feed_response(service::PublicAlertsService& alerts, plans::Plan const& plan, std::string const& base,
                           engine::Instant now) {
    int const offset = offset_of(plan);
    auto const recent = alerts.recent(kFeedEntries);
    json entries = json::array();
    for (auto const& a : recent)
        entries.push_back({{"url", alert_url(base, a.identifier)},
                           {"title", a.headline_cn},
                           {"sent", engine::format_rfc3339(a.sent, offset)},
                           {"summary", a.msg_type + "：" + a.headline_cn}});
    std::string const sender = plan.public_alert ? plan.public_alert->sender_name_cn : plan.city_cn;
    json const data{{"feed_url", base + "/v1/public/alerts"},
                    {"title", plan.city_cn + "重污染天气预警（CAP 1.2）"},
                    {"updated", engine::format_rfc3339(recent.empty() ? now : recent.front().sent, offset)},
                    {"author", sender},
                    {"entries", entries}};
    Response r;
    r.content_type = "application/atom+xml; charset=utf-8";
    r.body = templates::render_xml("cap/feed.atom", data);
    return r;
}

Response cap_alert_response(service::PublicAlertsService& alerts, std::string const& identifier) {
    auto const a = alerts.find(identifier);
    if (!a) throw Problem(404, "/problems/not-found", "Not found", "no public alert " + identifier);
    Response r;
    r.content_type = "application/cap+xml; charset=utf-8";
    r.body = a->xml;
    return r;
}

}  // namespace hazeguard::api
