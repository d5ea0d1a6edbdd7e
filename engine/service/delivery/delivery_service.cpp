// Subscriptions, the notices' distribution as read back, retries and the dispatcher's
// bookkeeping. The network is not here: the dispatcher is handed a WebhookSender by the edge
// (api/delivery/); the outbox is delivery_outbox.cpp.
#include "engine/service/delivery/delivery_service.hpp"

#include "engine/delivery/retry_schedule.hpp"
#include "engine/delivery/webhook_signature.hpp"
#include "engine/domain/ref.hpp"
#include "engine/service/error.hpp"
#include "engine/service/delivery/distribution.hpp"
#include "engine/service/roster/roster_service.hpp"

namespace hazeguard::service {
using engine::Instant;

namespace {

constexpr int kDeliveriesListed = 500;

/// An enterprise sees (and removes, pings) only its own subscriptions; another one's does not exist for it.
bool may_see_subscription(ports::SubscriptionRecord const& s, Principal const& who) {
    return who.role != "enterprise" || (s.enterprise && *s.enterprise == who.enterprise_id);
}

/// A recipient of the roster in force.
void check_recipient(ports::Store& store, plans::Plan const& plan, std::string const& id) {
    auto const roster = RosterService::in_force(store, plan);
    if (!roster || !roster->find(id))
        throw Error(Errc::validation, "recipient " + id + " is not on the roster in force",
                    {{"/recipient", "is not a recipient of the roster in force (GET /v1/roster)"}});
}

}  // namespace

void DeliveryService::subscribe(Command const& c, SubscriptionRequest request, Answer<ports::SubscriptionRecord> answer) {
    ports::SubscriptionRecord fresh{0, std::move(request.name), std::move(request.topic), std::move(request.url),
                                    engine::new_webhook_secret(), c.principal.name, 0, std::move(request.district),
                                    std::move(request.enterprise), std::move(request.recipient)};
    runner_.run(c, [this, fresh = std::move(fresh)](Tx& tx) {
        if (fresh.recipient) check_recipient(tx.store, views_.plan, *fresh.recipient);
        auto s = fresh;
        s.created_at = tx.now;
        s.id = tx.store.deliveries().add_subscription(s);
        return s;
    }, std::move(answer));
}

std::vector<ports::SubscriptionRecord> DeliveryService::subscriptions(Principal const& who) {
    std::vector<ports::SubscriptionRecord> items;
    transactions_.read([&](ports::Store& store) {
        for (auto& s : store.deliveries().subscriptions(std::nullopt))
            if (may_see_subscription(s, who)) items.push_back(std::move(s));
    });
    return items;
}

void DeliveryService::update(Command const& c, std::int64_t id, SubscriptionChange change,
                             Answer<ports::SubscriptionRecord> answer) {
    runner_.run(c, [this, id, change = std::move(change), who = c.principal](Tx& tx) {
        auto s = tx.store.deliveries().subscription(id);
        if (!s || !may_see_subscription(*s, who)) not_found("subscription " + std::to_string(id));
        if ((change.recipient || change.clear_recipient) && s->topic == "orders")
            throw Error(Errc::validation, "an orders subscription is the plant's own",
                        {{"/recipient", "an orders subscription is the plant's own"}});
        if (change.recipient) check_recipient(tx.store, views_.plan, *change.recipient);
        if (change.recipient) s->recipient = change.recipient;
        if (change.clear_recipient) s->recipient.reset();
        if ((change.district || change.clear_district) && s->topic != "escalations")
            throw Error(Errc::validation, "only an escalations subscription has a district",
                        {{"/district", "only an escalations subscription has a district"}});
        if (change.name) s->name = *change.name;
        if (change.url) s->url = *change.url;
        if (change.district) s->district = change.district;
        if (change.clear_district) s->district.reset();
        tx.store.deliveries().update_subscription(*s);
        return *s;
    }, std::move(answer));
}

void DeliveryService::unsubscribe(Command const& c, std::int64_t id, Answer<RemovedSubscription> answer) {
    runner_.run(c, [id, who = c.principal](Tx& tx) {
        auto const s = tx.store.deliveries().subscription(id);
        if (!s || !may_see_subscription(*s, who) || !tx.store.deliveries().remove_subscription(id, tx.now))
            not_found("subscription " + std::to_string(id));
        return RemovedSubscription{id};
    }, std::move(answer));
}

void DeliveryService::ping(Command const& c, std::int64_t id, Answer<QueuedPing> answer) {
    runner_.run(c, [this, id, who = c.principal](Tx& tx) {
        auto const s = tx.store.deliveries().subscription(id);
        if (!s || !may_see_subscription(*s, who)) not_found("subscription " + std::to_string(id));
        auto const message = new_message(tx.store, "ping", "", {{"subscription_id", id}}, tx.now, std::nullopt);
        auto const delivery = tx.store.deliveries().add_delivery(message, id, tx.real_now);
        return QueuedPing{message, delivery};
    }, std::move(answer));
}

NoticeDistribution DeliveryService::notice(std::string const& message_id) {
    NoticeDistribution out{message_id, {}, {}, {}, {}};
    transactions_.read([&](ports::Store& store) {
        out.progress = store.deliveries().progress(message_id);
        if (out.progress.topic != "notices") not_found("notice " + message_id);
        out.recipients = store.deliveries().notice_recipients(message_id);
        out.webhooks = store.deliveries().deliveries_of(message_id);
        out.texts = store.sms().of_message(message_id);
    });
    return out;
}

std::vector<ports::DeliveryRecord> DeliveryService::deliveries(std::optional<std::string> const& state) {
    std::vector<ports::DeliveryRecord> items;
    transactions_.read([&](ports::Store& store) { items = store.deliveries().deliveries(state, kDeliveriesListed); });
    return items;
}

void DeliveryService::retry(Command const& c, std::int64_t id, Answer<ports::DeliveryRecord> answer) {
    runner_.run(c, [id](Tx& tx) {
        auto const d = tx.store.deliveries().delivery(id);
        if (!d) not_found("delivery " + std::to_string(id));
        if (!tx.store.deliveries().requeue(id, tx.real_now))
            throw Error(Errc::delivery_not_dead, "delivery " + std::to_string(id) + " is " + d->state +
                                                     (d->state == "dead" ? " and its subscription was removed" : ""),
                        {}, {{"delivery_state", d->state}});
        return *tx.store.deliveries().delivery(id);
    }, std::move(answer));
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
    if (!deliveries.delivered(d.id, tried_at, result.status, now)) return;
    // A webhook of an order reached its plant: counted in its batch's progress, once.
    if (auto const ref = engine::parse_ref(d.ref); ref && ref->is(engine::Ref::Kind::order))
        store.orders().mark_reached(ref->id, now);
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
