#include "api/resources/delivery/delivery_json.hpp"

#include "engine/time/timestamp.hpp"

namespace hazeguard::api {
using nlohmann::json;
using engine::Instant;

namespace {
template <class T>
json or_null(std::optional<T> const& v) {
    return v ? json(*v) : json(nullptr);
}
json text_or_null(std::string const& s) { return s.empty() ? json(nullptr) : json(s); }
/// The dispatcher's wall-clock times, always in +08:00.
json wall(std::optional<Instant> t) { return t ? json(engine::format_rfc3339(*t, 480)) : json(nullptr); }

template <class Record, class View>
json items_json(std::vector<Record> const& items, View view) {
    json out = json::array();
    for (auto const& item : items) out.push_back(view(item));
    return {{"items", out}};
}
}  // namespace

json subscription_json(service::ViewContext const& views, ports::SubscriptionRecord const& s) {
    return {{"id", s.id}, {"name", s.name}, {"topic", s.topic}, {"url", s.url}, {"district", or_null(s.district)},
            {"enterprise", or_null(s.enterprise)}, {"recipient", or_null(s.recipient)}, {"created_by", s.created_by}, {"created_at", views.local(s.created_at)}};
}

json subscriptions_json(service::ViewContext const& views, std::vector<ports::SubscriptionRecord> const& items) {
    return items_json(items, [&](auto const& s) { return subscription_json(views, s); });
}

json new_subscription_json(service::ViewContext const& views, ports::SubscriptionRecord const& s) {
    auto view = subscription_json(views, s);
    view["secret"] = s.secret;
    return view;
}

json removed_subscription_json(service::RemovedSubscription const& r) { return {{"id", r.id}, {"removed", true}}; }

json ping_json(service::QueuedPing const& p) { return {{"message_id", p.message_id}, {"delivery_id", p.delivery_id}}; }

json delivery_json(service::ViewContext const& views, ports::DeliveryRecord const& d) {
    return {{"id", d.id},
            {"message_id", d.message_id},
            {"topic", d.topic},
            {"ref", text_or_null(d.ref)},
            {"subscription", {{"id", d.subscription_id}, {"name", d.subscription_name}, {"url", d.url}}},
            {"channel", "webhook"},
            {"state", d.state},
            {"attempts", d.attempts},
            {"next_try_at", d.state == "queued" ? wall(d.next_try) : json(nullptr)},
            {"last_attempt_at", wall(d.tried_at)},
            {"last_status", or_null(d.last_status)},
            {"last_error", text_or_null(d.last_error)},
            {"delivered_at", views.local_or_null(d.delivered_at)}};
}

json deliveries_json(service::ViewContext const& views, std::vector<ports::DeliveryRecord> const& items) {
    return items_json(items, [&](auto const& d) { return delivery_json(views, d); });
}

json notice_json(service::ViewContext const& views, service::NoticeDistribution const& n) {
    auto const& p = n.progress;
    json recipients = json::array();
    for (auto const& r : n.recipients)
        recipients.push_back({{"key", r.key}, {"name", r.name}, {"reached_at", views.local_or_null(r.reached_at)}});
    json webhooks = json::array(), texts = json::array();
    for (auto const& d : n.webhooks) webhooks.push_back(delivery_json(views, d));
    for (auto const& t : n.texts)
        texts.push_back({{"id", t.id}, {"recipient", or_null(t.recipient)},
                         {"contact", t.contact}, {"phone", t.phone}, {"state", t.state},
                         {"sent_at", views.local_or_null(t.sent_at)},
                         {"delivered_at", views.local_or_null(t.delivered_at)},
                         {"error", text_or_null(t.last_error)}});
    return {{"message_id", n.message_id}, {"ref", p.ref},
            {"due_at", views.local_or_null(p.due_at)},
            {"recipients_total", p.recipients}, {"recipients_reached", p.delivered},
            {"distributed", p.recipients > 0 && p.delivered == p.recipients},
            {"recipients", recipients}, {"webhooks", webhooks}, {"texts", texts}};
}

json sms_json(service::ViewContext const& views, ports::SmsRecord const& s) {
    return {{"id", s.id},
            {"order_id", or_null(s.order_id)},
            {"recipient", or_null(s.recipient)},
            {"ref", or_null(s.ref)},
            {"kind", s.kind},
            {"phone", s.phone},
            {"contact", s.contact},
            {"state", s.state},
            {"attempts", s.attempts},
            {"next_try_at", s.state == "queued" ? json(engine::format_rfc3339(s.next_try, 480)) : json(nullptr)},
            {"sent_at", views.local_or_null(s.sent_at)},
            {"delivered_at", views.local_or_null(s.delivered_at)},
            {"error", text_or_null(s.last_error)}};
}

json sms_list_json(service::ViewContext const& views, std::vector<ports::SmsRecord> const& items) {
    return items_json(items, [&](auto const& s) { return sms_json(views, s); });
}

json receipts_json(service::SettledReceipts const& r) { return {{"code", 0}, {"msg", "成功"}, {"settled", r.settled}}; }

json replies_json(std::vector<service::ReplyOutcome> const& outcomes) {
    json replies = json::array();
    for (auto const& o : outcomes) {
        if (o.outcome == "duplicate") replies.push_back({{"phone_number", o.phone}, {"outcome", o.outcome}});
        else replies.push_back({{"phone_number", o.phone}, {"outcome", o.outcome}, {"order_id", or_null(o.order_id)}});
    }
    return {{"code", 0}, {"msg", "成功"}, {"replies", replies}};
}

json roster_json(service::ViewContext const& views, service::RosterSheet const& r) {
    auto const& v = r.version;
    int texted = 0;
    for (auto const& recipient : r.roster.recipients)
        for (auto const& c : recipient.contacts) texted += !c.mobile.empty();
    json out{{"version", v.version},          {"imported_at", views.local(v.imported_at)},
             {"imported_by", v.imported_by},  {"source", v.source},
             {"sha256", v.sha256},            {"recipients", r.roster.recipients.size()},
             {"mobile_contacts", texted},     {"roster", plans::to_json(r.roster)}};
    if (r.unchanged) out["unchanged"] = true;
    return out;
}

}  // namespace hazeguard::api
