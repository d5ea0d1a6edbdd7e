// Subscriptions, the outbox and the dispatcher's bookkeeping. The network is not here: the
// dispatcher is handed a WebhookSender by the edge (api/delivery/).
#include "engine/service/delivery/delivery_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "engine/delivery/retry_schedule.hpp"
#include "engine/delivery/webhook_signature.hpp"
#include "engine/domain/ref.hpp"
#include "engine/service/error.hpp"
#include "engine/service/input.hpp"
#include "engine/service/delivery/distribution.hpp"
#include "engine/service/roster/roster_service.hpp"
#include "engine/service/timeline.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {

constexpr int kListLimit = 500;

/// http(s)://host[:port][/path]: no spaces, no fragment, no user info.
bool is_webhook_url(std::string const& url) {
    auto const scheme = url.rfind("https://", 0) == 0 ? 8u : url.rfind("http://", 0) == 0 ? 7u : 0u;
    if (scheme == 0 || url.size() <= scheme || url[scheme] == '/' || url.size() > 500) return false;
    for (unsigned char ch : url)
        if (ch <= 0x20 || ch >= 0x7f || ch == '#' || ch == '@' || ch == '"' || ch == '<' || ch == '>' || ch == '\\')
            return false;
    return true;
}

json subscription_view(ports::SubscriptionRecord const& s, ViewContext const& views) {
    auto const or_null = [](std::optional<std::string> const& v) { return v ? json(*v) : json(nullptr); };
    return {{"id", s.id}, {"name", s.name}, {"topic", s.topic}, {"url", s.url}, {"district", or_null(s.district)},
            {"enterprise", or_null(s.enterprise)}, {"recipient", or_null(s.recipient)}, {"created_by", s.created_by}, {"created_at", views.local(s.created_at)}};
}

/// An enterprise sees (and removes, pings) only its own subscriptions; another one's does not exist for it.
bool may_see_subscription(ports::SubscriptionRecord const& s, Principal const& who) {
    return who.role != "enterprise" || (s.enterprise && *s.enterprise == who.enterprise_id);
}

json delivery_view(ports::DeliveryRecord const& d, ViewContext const& views) {
    auto const wall = [](std::optional<Instant> t) { return t ? json(engine::format_rfc3339(*t, 480)) : json(nullptr); };
    return {{"id", d.id},
            {"message_id", d.message_id},
            {"topic", d.topic},
            {"ref", d.ref.empty() ? json(nullptr) : json(d.ref)},
            {"subscription", {{"id", d.subscription_id}, {"name", d.subscription_name}, {"url", d.url}}},
            {"channel", "webhook"},
            {"state", d.state},
            {"attempts", d.attempts},
            {"next_try_at", d.state == "queued" ? wall(d.next_try) : json(nullptr)},
            {"last_attempt_at", wall(d.tried_at)},
            {"last_status", d.last_status ? json(*d.last_status) : json(nullptr)},
            {"last_error", d.last_error.empty() ? json(nullptr) : json(d.last_error)},
            {"delivered_at", views.local_or_null(d.delivered_at)}};
}

/// The receiver's URL, checked (see is_webhook_url).
std::optional<std::string> read_url(Input& in, bool required) {
    auto url = in.text("url", required, 500);
    if (url && !is_webhook_url(*url)) in.error("url", "must be an http:// or https:// URL without spaces, user info or fragment");
    return url;
}

/// A district of the plan, when given.
std::optional<std::string> read_district(Input& in, plans::Plan const& plan) {
    auto district = in.text("district", false, 100);
    if (district && std::find(plan.districts.begin(), plan.districts.end(), *district) == plan.districts.end())
        in.error("district", "is not a district of the plan");
    return district;
}

/// A recipient of the roster in force.
void check_recipient(ports::Store& store, plans::Plan const& plan, std::string const& id) {
    auto const roster = RosterService::in_force(store, plan);
    if (!roster || !roster->find(id))
        throw Error(Errc::validation, "recipient " + id + " is not on the roster in force",
                    {{"/recipient", "is not a recipient of the roster in force (GET /v1/roster)"}});
}

/// A notice's recipients: the roster's that receive notices, then each subscriber that stands
/// for no one of them.
struct NoticeAudience {
    std::vector<ports::NoticeRecipient> recipients;
    std::vector<plans::RosterRecipient const*> roster;             ///< to be texted
    std::vector<std::pair<std::int64_t, std::string>> webhooks;    ///< subscription, recipient key
};

NoticeAudience notice_audience(std::optional<plans::Roster> const& roster,
                               std::vector<ports::SubscriptionRecord> const& subscribers) {
    NoticeAudience a;
    if (roster)
        for (auto const& r : roster->recipients)
            if (r.notices) {
                a.recipients.push_back({roster_key(r.id), r.name, std::nullopt});
                a.roster.push_back(&r);
            }
    for (auto const& s : subscribers) {
        auto const* r = roster && s.recipient ? roster->find(*s.recipient) : nullptr;
        if (r && r->notices) {
            a.webhooks.emplace_back(s.id, roster_key(r->id));
            continue;
        }
        std::string const key = "subscription:" + std::to_string(s.id);
        a.recipients.push_back({key, s.name, std::nullopt});
        a.webhooks.emplace_back(s.id, key);
    }
    return a;
}

}  // namespace

void DeliveryService::subscribe(Command const& c, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({"name", "topic", "url", "district", "enterprise", "recipient"});
    auto const name = in.text("name", true, 100);
    auto const topic = in.one_of("topic", true, {"notices", "escalations", "orders"});
    auto const url = read_url(in, true);
    std::optional<std::string> district;
    if (topic && *topic != "escalations" && in.has("district") && !in.is_null("district"))
        in.error("district", "only an escalations subscription has a district");
    else
        district = read_district(in, views_.plan);
    // An enterprise registers for its own orders only; an admin may do it for a plant it names.
    bool const plant = c.principal.role == "enterprise";
    auto enterprise = in.text("enterprise", false, 32);
    if (plant) {
        if (topic && *topic != "orders") in.error("topic", "an enterprise may subscribe to its orders only");
        if (enterprise && *enterprise != c.principal.enterprise_id) in.error("enterprise", "is not the token's enterprise");
        enterprise = c.principal.enterprise_id;
    } else if (topic && *topic == "orders" && !enterprise) {
        in.error("enterprise", "an orders subscription names the plant (credit code)");
    } else if (topic && *topic != "orders" && enterprise) {
        in.error("enterprise", "only an orders subscription has an enterprise");
    }
    auto const recipient = in.text("recipient", false, 40);
    if (recipient && topic && *topic == "orders") in.error("recipient", "an orders subscription is the plant's own");
    in.finish();
    ports::SubscriptionRecord s{0,       *name, *topic, *url, engine::new_webhook_secret(), c.principal.name, 0, district,
                                enterprise, recipient};
    runner_.run(c, [this, s](Tx& tx) mutable {
        if (s.recipient) check_recipient(tx.store, views_.plan, *s.recipient);
        s.created_at = tx.now;
        s.id = tx.store.deliveries().add_subscription(s);
        auto view = subscription_view(s, views_);
        view["secret"] = s.secret;  // shown once: the receiver verifies signatures with it
        return Reply{201, view, "/v1/subscriptions/" + std::to_string(s.id)};
    }, std::move(done));
}

json DeliveryService::subscriptions(Principal const& who) {
    json items = json::array();
    transactions_.read([&](ports::Store& store) {
        for (auto const& s : store.deliveries().subscriptions(std::nullopt))
            if (may_see_subscription(s, who)) items.push_back(subscription_view(s, views_));
    });
    return {{"items", items}};
}

void DeliveryService::update(Command const& c, std::int64_t id, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({"name", "url", "district", "recipient"});
    auto const name = in.text("name", false, 100);
    auto const url = read_url(in, false);
    bool const clear_district = in.is_null("district");
    auto const district = read_district(in, views_.plan);
    bool const clear_recipient = in.is_null("recipient");
    auto const recipient = in.text("recipient", false, 40);
    in.finish();
    runner_.run(c, [this, id, name, url, district, clear_district, recipient, clear_recipient, who = c.principal](Tx& tx) {
        auto s = tx.store.deliveries().subscription(id);
        if (!s || !may_see_subscription(*s, who)) not_found("subscription " + std::to_string(id));
        if ((recipient || clear_recipient) && s->topic == "orders")
            throw Error(Errc::validation, "an orders subscription is the plant's own",
                        {{"/recipient", "an orders subscription is the plant's own"}});
        if (recipient) check_recipient(tx.store, views_.plan, *recipient);
        if (recipient) s->recipient = recipient;
        if (clear_recipient) s->recipient.reset();
        if ((district || clear_district) && s->topic != "escalations")
            throw Error(Errc::validation, "only an escalations subscription has a district",
                        {{"/district", "only an escalations subscription has a district"}});
        if (name) s->name = *name;
        if (url) s->url = *url;
        if (district) s->district = district;
        if (clear_district) s->district.reset();
        tx.store.deliveries().update_subscription(*s);
        return Reply{200, subscription_view(*s, views_), ""};
    }, std::move(done));
}

void DeliveryService::unsubscribe(Command const& c, std::int64_t id, Completion done) {
    runner_.run(c, [id, who = c.principal](Tx& tx) {
        auto const s = tx.store.deliveries().subscription(id);
        if (!s || !may_see_subscription(*s, who) || !tx.store.deliveries().remove_subscription(id, tx.now))
            not_found("subscription " + std::to_string(id));
        return Reply{200, {{"id", id}, {"removed", true}}, ""};
    }, std::move(done));
}

void DeliveryService::ping(Command const& c, std::int64_t id, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({});
    in.finish();
    runner_.run(c, [this, id, who = c.principal](Tx& tx) {
        auto const s = tx.store.deliveries().subscription(id);
        if (!s || !may_see_subscription(*s, who)) not_found("subscription " + std::to_string(id));
        auto const message = new_message(tx.store, "ping", "", {{"subscription_id", id}}, tx.now, std::nullopt);
        auto const delivery = tx.store.deliveries().add_delivery(message, id, tx.real_now);
        return Reply{202, {{"message_id", message}, {"delivery_id", delivery}}, ""};
    }, std::move(done));
}

std::string DeliveryService::new_message(ports::Store& store, std::string const& topic, std::string const& ref,
                                         json data, Instant now, std::optional<Instant> due) const {
    auto const id = engine::new_message_id();
    json const body{{"id", id}, {"type", topic}, {"created_at", views_.local(now)}, {"drill", views_.drill},
                    {"data", std::move(data)}};
    store.deliveries().add_message(id, topic, ref, body.dump(), now, due);
    return id;
}

void DeliveryService::enqueue_notice(Tx& tx, NoticeMessage const& notice) const {
    auto const& plan = views_.plan;
    auto const roster = RosterService::in_force(tx.store, plan);
    auto const audience = notice_audience(roster, tx.store.deliveries().subscriptions("notices"));
    auto const episode = tx.store.warning().state().episode;
    auto const due = views_.local(notice.due);
    auto const due_cn = engine::format_local_time_cn(notice.due, views_.offset_minutes);
    if (audience.recipients.empty()) {
        record(tx.store, plan.version,
               {episode, notice.ref, tx.now, "notice_unsent", "system",
                "未确定通知接收单位（名单或订阅），通知未分发（时限至" + due_cn + "）",
                {{"due_at", due}, {"recipients", 0}}});
        return;
    }
    auto const message = new_message(tx.store, "notices", notice.ref, notice.data, tx.now, notice.due);
    for (auto const& r : audience.recipients) tx.store.deliveries().add_notice_recipient(message, r);
    std::set<std::string> channelled;
    for (auto const& [subscription, key] : audience.webhooks) {
        tx.store.deliveries().add_delivery(message, subscription, tx.real_now);
        channelled.insert(key);
    }
    std::int64_t texts = 0;
    json const params{{"decision", notice.decision_cn}};
    for (auto const* r : audience.roster)
        if (auto const n = sms_.enqueue_roster_texts(tx, *r, "notice", params, notice.ref, message); n > 0) {
            texts += n;
            channelled.insert(roster_key(r->id));
        }
    json names = json::array(), unreachable = json::array();
    for (auto const& r : audience.recipients) (channelled.count(r.key) ? names : unreachable).push_back(r.name);
    std::string summary = "通知已进入分发队列：" + std::to_string(audience.recipients.size()) + "个接收单位";
    if (texts > 0) summary += "（短信" + std::to_string(texts) + "条）";
    if (!unreachable.empty()) summary += "，其中" + std::to_string(unreachable.size()) + "个无送达渠道、无法送达";
    record(tx.store, plan.version,
           {episode, notice.ref, tx.now, "notice_queued", "system", summary + "（时限至" + due_cn + "）",
            {{"message_id", message}, {"due_at", due}, {"recipients", names}, {"unreachable", unreachable},
             {"texts", texts}}});
}

json DeliveryService::notice(std::string const& message_id) {
    json out;
    transactions_.read([&](ports::Store& store) {
        auto const p = store.deliveries().progress(message_id);
        if (p.topic != "notices") not_found("notice " + message_id);
        json recipients = json::array();
        for (auto const& r : store.deliveries().notice_recipients(message_id))
            recipients.push_back({{"key", r.key}, {"name", r.name}, {"reached_at", views_.local_or_null(r.reached_at)}});
        json webhooks = json::array(), texts = json::array();
        for (auto const& d : store.deliveries().deliveries_of(message_id)) webhooks.push_back(delivery_view(d, views_));
        for (auto const& t : store.sms().of_message(message_id))
            texts.push_back({{"id", t.id}, {"recipient", t.recipient ? json(*t.recipient) : json(nullptr)},
                             {"contact", t.contact}, {"phone", t.phone}, {"state", t.state},
                             {"sent_at", views_.local_or_null(t.sent_at)},
                             {"delivered_at", views_.local_or_null(t.delivered_at)},
                             {"error", t.last_error.empty() ? json(nullptr) : json(t.last_error)}});
        out = {{"message_id", message_id}, {"ref", p.ref},
               {"due_at", views_.local_or_null(p.due_at)},
               {"recipients_total", p.recipients}, {"recipients_reached", p.delivered},
               {"distributed", p.recipients > 0 && p.delivered == p.recipients},
               {"recipients", recipients}, {"webhooks", webhooks}, {"texts", texts}};
    });
    return out;
}

void DeliveryService::enqueue_orders(Tx& tx, std::int64_t batch, json const& facts) const {
    // One message per plant that registered for its orders, with one delivery per registration.
    std::map<std::string, std::vector<std::int64_t>> by_plant;
    for (auto const& s : tx.store.deliveries().subscriptions("orders"))
        if (s.enterprise) by_plant[*s.enterprise].push_back(s.id);
    for (auto const& [code, subscriptions] : by_plant) {
        auto const ids = tx.store.orders().ids_for_enterprise(code, 1);
        if (ids.empty()) continue;
        auto const order = tx.store.orders().find(ids.front());
        if (!order || order->batch != batch) continue;  // not among this batch's plants
        json data = facts;
        data.update({{"order_id", order->id},
                     {"kind", order->kind == engine::OrderKind::order ? "order" : "termination"},
                     {"credit_code", code},
                     {"href", "/v1/orders/" + std::to_string(order->id)}});
        if (link_for_) data["link"] = link_for_(order->id, tx.now);
        if (order->supersedes) data["supersedes"] = *order->supersedes;
        auto const message = new_message(tx.store, "orders", engine::to_string(engine::Ref::order(order->id)), data,
                                         tx.now, std::nullopt);
        for (auto const id : subscriptions) tx.store.deliveries().add_delivery(message, id, tx.real_now);
    }
}

std::vector<std::string> DeliveryService::enqueue_escalation(Tx& tx, std::string const& ref, std::string const& district,
                                                             json const& data, json const& text_params) const {
    std::vector<std::string> names;
    std::vector<std::int64_t> ids;
    for (auto const& s : tx.store.deliveries().subscriptions("escalations"))
        if (!s.district || *s.district == district) {
            names.push_back(s.name);
            ids.push_back(s.id);
        }
    if (!ids.empty()) {
        auto const message = new_message(tx.store, "escalations", ref, data, tx.now, std::nullopt);
        for (auto const id : ids) tx.store.deliveries().add_delivery(message, id, tx.real_now);
    }
    if (auto const roster = RosterService::in_force(tx.store, views_.plan))
        for (auto const& r : roster->recipients)
            if (r.escalations && r.district && *r.district == district &&
                sms_.enqueue_roster_texts(tx, r, "escalation", text_params, ref, std::nullopt) > 0 &&
                std::find(names.begin(), names.end(), r.name) == names.end())
                names.push_back(r.name);
    return names;
}

json DeliveryService::deliveries(std::optional<std::string> const& state) {
    json items = json::array();
    transactions_.read([&](ports::Store& store) {
        for (auto const& d : store.deliveries().deliveries(state, kListLimit)) items.push_back(delivery_view(d, views_));
    });
    return {{"items", items}};
}

void DeliveryService::retry(Command const& c, std::int64_t id, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({});
    in.finish();
    runner_.run(c, [this, id](Tx& tx) {
        auto const d = tx.store.deliveries().delivery(id);
        if (!d) not_found("delivery " + std::to_string(id));
        if (!tx.store.deliveries().requeue(id, tx.real_now))
            throw Error(Errc::delivery_not_dead, "delivery " + std::to_string(id) + " is " + d->state +
                                                     (d->state == "dead" ? " and its subscription was removed" : ""),
                        {}, {{"delivery_state", d->state}});
        return Reply{200, delivery_view(*tx.store.deliveries().delivery(id), views_), ""};
    }, std::move(done));
}

void DeliveryService::record_attempt(ports::Store& store, ports::DeliveryRecord const& d, Instant tried_at,
                                     WebhookResult const& result) const {
    bool const ok = result.status >= 200 && result.status < 300;
    auto& deliveries = store.deliveries();
    if (!ok) {
        auto const next = engine::next_attempt(d.attempts + 1, tried_at);
        std::string const error = result.status ? "HTTP " + std::to_string(result.status) : result.error;
        deliveries.failed(d.id, tried_at, result.status ? std::optional<int>(result.status) : std::nullopt, error, next);
        return;
    }
    Instant const now = clock_.now();
    deliveries.delivered(d.id, tried_at, result.status, now);
    if (d.topic != "notices") return;
    // The subscriber counts as itself, or as the roster recipient whose system it is: whichever
    // the notice listed when it was queued.
    record_reached(store, views_, d.message_id, "subscription:" + std::to_string(d.subscription_id), now);
    if (auto const s = deliveries.subscription(d.subscription_id); s && s->recipient)
        record_reached(store, views_, d.message_id, roster_key(*s->recipient), now);
}

int DeliveryService::dispatch_due(WebhookSender const& send, int limit, Instant wall_now, ports::Shard shard) {
    std::vector<ports::DeliveryRecord> due;
    transactions_.read([&](ports::Store& store) { due = store.deliveries().due(wall_now, limit, shard); });
    for (auto const& d : due) {
        Instant const tried_at = wall_now;
        WebhookResult result;
        if (auto const signature = engine::webhook_signature(d.secret, d.message_id, tried_at, d.body)) {
            result = send({d.url, d.body,
                           {{"Content-Type", "application/json"},
                            {"webhook-id", d.message_id},
                            {"webhook-timestamp", std::to_string(tried_at)},
                            {"webhook-signature", *signature}}});
        } else {
            result.error = "the subscription's secret is not usable";
        }
        try {
            transactions_.write([&](ports::Store& store) { record_attempt(store, d, tried_at, result); });
        } catch (Error const& e) {
            if (e.code == Errc::storage_unavailable) runner_.mark_storage_failed();
            throw;
        }
    }
    return static_cast<int>(due.size());
}

}  // namespace hazeguard::service
