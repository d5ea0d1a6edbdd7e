#pragma once
/// @file delivery_service.hpp
/// @brief Who is told, and whether they were (docs/delivery.md): webhook subscriptions (admin),
/// the transactional outbox (a message per cause, a delivery per subscriber, written in the
/// cause's transaction), the dispatcher's attempts with retries and a dead-letter state, and the
/// distribution of a notice recorded when — and only when — every recipient has it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/ports/transactions.hpp"
#include "engine/service/clock.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/delivery/sms_service.hpp"
#include "engine/service/principal.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

/// @brief One signed POST the dispatcher asks the edge to send.
struct WebhookRequest {
    std::string url;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

/// @brief What came back: an HTTP status, or 0 and why there was none (refused, timeout, TLS);
/// and the answer's body (at most 64 KB).
struct WebhookResult {
    int status = 0;
    std::string error;
    std::string body;
};

/// @brief Sends one request and waits for its answer (api/delivery/webhook_client.hpp in the
/// server; a fake in the tests).
using WebhookSender = std::function<WebhookResult(WebhookRequest const&)>;

/// @brief A signed notice for the outbox: the webhook's data, the distribution deadline and the
/// sentence the roster's contacts get by text (engine::notice_decision_cn).
struct NoticeMessage {
    std::string ref;  ///< proposal:3, directive:2
    nlohmann::json data;
    engine::Instant due = 0;
    std::string decision_cn;
};

/// @brief POST /v1/subscriptions, read and checked in shape (api/resources/delivery/): the
/// recipient, when named, is checked against the roster in force in the command's transaction.
struct SubscriptionRequest {
    std::string name, topic, url;
    std::optional<std::string> district, enterprise, recipient;
};

/// @brief PUT /v1/subscriptions/{id}: what is given changes, a cleared district or recipient is
/// removed.
struct SubscriptionChange {
    std::optional<std::string> name, url, district, recipient;
    bool clear_district = false, clear_recipient = false;
};

/// @brief A subscription removed.
struct RemovedSubscription {
    std::int64_t id = 0;
};

/// @brief A ping queued to one subscriber.
struct QueuedPing {
    std::string message_id;
    std::int64_t delivery_id = 0;
};

/// @brief Who a notice went to and how far each got.
struct NoticeDistribution {
    std::string message_id;
    ports::MessageProgress progress;
    std::vector<ports::NoticeRecipient> recipients;
    std::vector<ports::DeliveryRecord> webhooks;
    std::vector<ports::SmsRecord> texts;
};

class DeliveryService {
public:
    DeliveryService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views, Clock const& clock,
                    SmsService const& sms)
        : runner_(runner), transactions_(transactions), views_(views), clock_(clock), sms_(sms) {}

    // --- subscriptions (admin) ------------------------------------------------------------
    /// @brief A new subscription with its secret (shown only in the answer to this command). A
    /// district (of the plan) narrows escalations to its plants; an enterprise subscribes to its
    /// own orders only (an admin names the plant); a recipient (of the roster in force) says whose
    /// system it is, so the recipient counts once however it is reached. Enterprises see, remove
    /// and ping only their own subscriptions.
    void subscribe(Command const& c, SubscriptionRequest request, Answer<ports::SubscriptionRecord> answer);
    /// @brief An admin sees every subscription, an enterprise its own.
    std::vector<ports::SubscriptionRecord> subscriptions(Principal const& who);
    /// @brief What a subscription may change (not its topic, plant or secret); queued deliveries
    /// go to the new URL.
    void update(Command const& c, std::int64_t id, SubscriptionChange change, Answer<ports::SubscriptionRecord> answer);
    void unsubscribe(Command const& c, std::int64_t id, Answer<RemovedSubscription> answer);
    /// @brief Queues a signed "ping" message to one subscriber only.
    void ping(Command const& c, std::int64_t id, Answer<QueuedPing> answer);

    // --- the outbox -------------------------------------------------------------------------
    /// @brief In the cause's transaction: the notice of a signed proposal or a starting directive
    /// to every recipient — each of the roster's that receives notices (a text to each mobile
    /// contact, a webhook to its system if one is registered) and every other subscriber of
    /// "notices" — and the timeline row that says so, naming those no channel reaches (or that
    /// there is nobody to receive it).
    void enqueue_notice(Tx& tx, NoticeMessage const& notice) const;
    /// @brief Who a notice went to and how far each got: recipients with their reach, each
    /// webhook delivery and each text (staff).
    NoticeDistribution notice(std::string const& message_id);
    /// @brief In the fan-out's transaction: each plant of `batch` that registered for its orders
    /// gets its order (or termination notice) pushed; `facts` are the batch's (level, deadlines).
    void enqueue_orders(Tx& tx, std::int64_t batch, nlohmann::json const& facts) const;
    /// @brief Set once at start: the one-time link path of an order issued at an instant.
    void link_orders_with(std::function<std::string(std::int64_t order, engine::Instant issued_at)> f) {
        link_for_ = std::move(f);
    }
    /// @brief In the escalation's transaction: plants of `district` overdue, to every subscriber of
    /// "escalations" for that district or for all, and by text to the mobile contacts of the
    /// roster's recipients for the district that receive escalations. Returns the names of those
    /// it goes to (none: nobody can be told of the district, and nothing is sent).
    /// `text_params`: the escalation template's variables (district, count, what, due).
    std::vector<std::string> enqueue_escalation(Tx& tx, std::string const& ref, std::string const& district,
                                                nlohmann::json const& data, nlohmann::json const& text_params) const;
    /// @brief Newest first (at most 500), of one state (queued, delivered, dead) when given.
    std::vector<ports::DeliveryRecord> deliveries(std::optional<std::string> const& state);
    /// @brief A dead delivery tried again now, its attempts counted afresh.
    void retry(Command const& c, std::int64_t id, Answer<ports::DeliveryRecord> answer);

    // --- the dispatcher -----------------------------------------------------------------------
    /// @brief Sends up to `limit` deliveries of `shard` due at `wall_now` (the wall clock: the
    /// server passes real_now(), a test any time it likes), one after the other, and records each
    /// attempt in its own transaction. Several dispatchers, each with its own shard, send side by
    /// side. Returns how many were attempted.
    int dispatch_due(WebhookSender const& send, int limit, engine::Instant wall_now, ports::Shard shard = {});

private:
    std::string new_message(ports::Store& store, std::string const& topic, std::string const& ref,
                            nlohmann::json data, engine::Instant now, std::optional<engine::Instant> due) const;
    void record_attempt(ports::Store& store, ports::DeliveryRecord const& d, engine::Instant tried_at,
                        WebhookResult const& result) const;
    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
    Clock const& clock_;
    SmsService const& sms_;
    std::function<std::string(std::int64_t, engine::Instant)> link_for_;
};

}  // namespace hazeguard::service
