// Text messages: queued with their cause, sent by the dispatcher, settled by receipts; replies
// acknowledge. The network is not here: the dispatcher is handed an SmsSender by the edge.
#include "engine/service/delivery/sms_service.hpp"

#include "engine/delivery/retry_schedule.hpp"
#include "engine/delivery/sms_text.hpp"
#include "engine/delivery/webhook_signature.hpp"
#include "engine/orders/order_lifecycle.hpp"
#include "engine/service/delivery/distribution.hpp"
#include "engine/service/error.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;


SmsService::SmsService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views, Clock const& clock,
                       OrdersService& orders, std::string const& key)
    : runner_(runner), transactions_(transactions), views_(views), clock_(clock), orders_(orders),
      inbound_token_(engine::hmac_sha256_base64url(key, "sms-inbound")) {}

bool SmsService::inbound_token_valid(std::string const& token) const {
    if (token.size() != inbound_token_.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < token.size(); ++i)
        diff |= static_cast<unsigned char>(token[i] ^ inbound_token_[i]);
    return diff == 0;
}

std::int64_t SmsService::enqueue_batch(Tx& tx, std::int64_t batch) const {
    return enabled_ ? tx.store.sms().queue_batch(batch, "order", tx.real_now) : 0;
}

std::int64_t SmsService::enqueue_reminders(Tx& tx, std::int64_t batch) const {
    return enabled_ ? tx.store.sms().queue_reminders(batch, tx.real_now) : 0;
}

std::int64_t SmsService::enqueue_roster_texts(Tx& tx, plans::RosterRecipient const& recipient, std::string const& kind,
                                              json const& params, std::string const& ref,
                                              std::optional<std::string> const& message_id) const {
    if (!enabled_) return 0;
    std::int64_t queued = 0;
    for (auto const& c : recipient.contacts) {
        if (c.mobile.empty()) continue;
        tx.store.sms().queue_text({kind, c.mobile, c.name, ref, recipient.id, message_id, params.dump()}, tx.real_now);
        ++queued;
    }
    return queued;
}

std::optional<std::string> SmsService::moot(std::optional<ports::OrderRecord> const& order, ports::SmsRecord const& sms,
                                            Instant now) const {
    if (!order) return "its order does not exist";
    if (!engine::in_force(order->replaced_from, now)) return "its order was replaced before the text went out";
    if (sms.kind == "reminder" && order->status != engine::OrderStatus::sent)
        return "the order was acknowledged before the reminder went out";
    return std::nullopt;
}

SmsMessage SmsService::compose(ports::Store& store, ports::SmsRecord const& sms, ports::OrderRecord const& order) const {
    // From the order's row and its batch only: a text needs neither the plant's measures nor the view.
    auto const details = store.orders().details(order.id);
    engine::SmsOrderFacts facts;
    facts.order_id = order.id;
    bool const termination = order.kind == engine::OrderKind::termination;
    bool const cancellation = termination && details.superseded_effective_from &&
                              *details.superseded_effective_from > details.effective_from;
    facts.kind = sms.kind == "reminder" ? "reminder" : !termination ? "order" : cancellation ? "cancellation" : "termination";
    if (details.level)
        if (auto const rank = views_.plan.rank(*details.level)) facts.level_cn = views_.plan.level_at(*rank).name_cn;
    facts.effective_from = details.effective_from;
    facts.ack_due = details.ack_due_at;
    facts.link = public_url_ + orders_.page_path(order.id, details.issued_at);  // a phone opens the page
    facts.offset_minutes = views_.offset_minutes;
    auto const content = engine::sms_content(facts);
    return {sms.id, sms.phone, content.template_kind, content.params, content.text_cn};
}

std::variant<SmsMessage, std::string> SmsService::prepare(ports::Store& store, ports::SmsRecord const& sms) const {
    if (!sms.order_id) {  // a roster recipient's: composed when queued
        auto const content = engine::roster_sms_content(sms.kind, json::parse(sms.params.value_or("{}")));
        return SmsMessage{sms.id, sms.phone, content.template_kind, content.params, content.text_cn};
    }
    auto const order = store.orders().find(*sms.order_id);
    if (auto why = moot(order, sms, clock_.now())) return std::move(*why);
    return compose(store, sms, *order);
}

int SmsService::dispatch_due(SmsSender const& send, int limit, Instant wall_now, ports::Shard shard) {
    // One read composes the batch, one write records it: per message, only the send itself. A
    // text whose order was acknowledged (a reminder) or replaced meanwhile is withdrawn, not sent.
    std::vector<ports::SmsRecord> due;
    std::vector<SmsMessage> messages;
    std::vector<std::pair<std::int64_t, std::string>> withdrawn;
    transactions_.read([&](ports::Store& store) {
        for (auto const& sms : store.sms().due(wall_now, limit, shard)) {
            auto prepared = prepare(store, sms);
            if (auto* why = std::get_if<std::string>(&prepared)) {
                withdrawn.emplace_back(sms.id, std::move(*why));
                continue;
            }
            due.push_back(sms);
            messages.push_back(std::get<SmsMessage>(std::move(prepared)));
        }
    });
    std::vector<SmsResult> results;
    for (auto const& message : messages) {
        results.push_back(send(message));
        if (!results.back().accepted) break;  // the gateway refuses or is away: the rest wait their turn
    }
    try {
        transactions_.write([&](ports::Store& store) {
            for (auto const& [id, why] : withdrawn) store.sms().withdraw(id, why);
            for (std::size_t i = 0; i < results.size(); ++i) {
                auto const& sms = due[i];
                if (results[i].accepted) store.sms().sent(sms.id, wall_now, results[i].biz_id, clock_.now());
                else store.sms().failed(sms.id, wall_now, results[i].error, engine::next_attempt(sms.attempts + 1, wall_now));
            }
        });
    } catch (Error const& e) {
        if (e.code == Errc::storage_unavailable) runner_.mark_storage_failed();
        throw;
    }
    return static_cast<int>(results.size() + withdrawn.size());
}

std::vector<ports::SmsRecord> SmsService::messages(std::optional<std::string> const& state) {
    std::vector<ports::SmsRecord> items;
    transactions_.read([&](ports::Store& store) { items = store.sms().newest(state, 500); });
    return items;
}

void SmsService::retry(Command const& c, std::int64_t id, Answer<ports::SmsRecord> answer) {
    runner_.run(c, [id](Tx& tx) {
        auto const s = tx.store.sms().find(id);
        if (!s) not_found("text message " + std::to_string(id));
        if (!tx.store.sms().requeue(id, tx.real_now))
            throw Error(Errc::delivery_not_dead, "text message " + std::to_string(id) + " is " + s->state, {},
                        {{"delivery_state", s->state}});
        return *tx.store.sms().find(id);
    }, std::move(answer));
}

void SmsService::receipts(Command const& c, std::vector<SmsReceipt> receipts, Answer<SettledReceipts> answer) {
    runner_.run(c, [this, receipts = std::move(receipts)](Tx& tx) {
        SettledReceipts out;
        for (auto const& r : receipts) {
            if (!tx.store.sms().receipt(r.id, r.phone, r.delivered, r.error_code, tx.now)) continue;
            ++out.settled;
            auto const sms = tx.store.sms().find(r.id);
            // A text about an order that arrived: the order reached its plant (counted once).
            if (r.delivered && sms && sms->order_id) tx.store.orders().mark_reached(*sms->order_id, tx.now);
            // A notice's text that arrived reaches its recipient (and may complete the distribution).
            if (r.delivered && sms && sms->message_id && sms->recipient)
                record_reached(tx.store, views_, *sms->message_id, roster_key(*sms->recipient), tx.now);
        }
        return out;
    }, std::move(answer));
}

std::string SmsService::reply_outcome(Tx& tx, std::string const& phone, std::optional<std::int64_t>& order_id) const {
    order_id = tx.store.sms().newest_order_to(phone);
    if (!order_id) return "no_open_order";
    return orders_.acknowledge_by_sms(tx, *order_id, tx.store.sms().contact_of(phone), phone);
}

void SmsService::replies(Command const& c, std::vector<SmsInboundReply> replies,
                         Answer<std::vector<ReplyOutcome>> answer) {
    runner_.run(c, [this, replies = std::move(replies)](Tx& tx) {
        std::vector<ReplyOutcome> outcomes;
        for (auto const& r : replies) {
            if (tx.store.sms().has_reply(r.phone, r.sequence_id)) {  // pushed again: handled once
                outcomes.push_back({r.phone, "duplicate", std::nullopt});
                continue;
            }
            ports::SmsReply reply{r.phone, r.content, r.sequence_id, tx.now, "not_understood", std::nullopt};
            if (engine::is_acknowledging_reply(reply.content)) reply.outcome = reply_outcome(tx, reply.phone, reply.order_id);
            tx.store.sms().add_reply(reply);
            outcomes.push_back({reply.phone, reply.outcome, reply.order_id});
        }
        return outcomes;
    }, std::move(answer));
}

}  // namespace hazeguard::service
