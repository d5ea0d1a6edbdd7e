// The transactional outbox: a message per cause, written in the cause's transaction, with a
// delivery per subscriber and the texts of the roster's recipients.
#include "engine/service/delivery/delivery_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "engine/delivery/webhook_signature.hpp"
#include "engine/domain/ref.hpp"
#include "engine/service/delivery/distribution.hpp"
#include "engine/service/roster/roster_service.hpp"
#include "engine/service/timeline.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {

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

}  // namespace hazeguard::service
