#include "engine/storage/sqlite/sqlite_delivery_repository.hpp"

#include "engine/storage/sqlite/columns.hpp"

namespace hazeguard::storage {

namespace {

constexpr char const* kSubscriptionColumns = "id, name, topic, url, secret, created_by, created_at, district, enterprise, recipient";

ports::SubscriptionRecord subscription_at(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
            q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
            q.getColumn(6).getInt64(), optional_text(q.getColumn(7)), optional_text(q.getColumn(8)),
            optional_text(q.getColumn(9))};
}

constexpr char const* kDeliverySelect =
    "SELECT d.id, d.message_id, m.topic, m.ref, m.body, d.subscription_id, s.name, s.url, s.secret, d.state, "
    "d.attempts, d.next_try, d.tried_at, d.last_status, d.last_error, d.delivered_at "
    "FROM deliveries d JOIN outbox m ON m.id = d.message_id JOIN subscriptions s ON s.id = d.subscription_id ";

ports::DeliveryRecord delivery_at(SQLite::Statement& q) {
    ports::DeliveryRecord d;
    d.id = q.getColumn(0).getInt64();
    d.message_id = q.getColumn(1).getString();
    d.topic = q.getColumn(2).getString();
    d.ref = q.getColumn(3).getString();
    d.body = q.getColumn(4).getString();
    d.subscription_id = q.getColumn(5).getInt64();
    d.subscription_name = q.getColumn(6).getString();
    d.url = q.getColumn(7).getString();
    d.secret = q.getColumn(8).getString();
    d.state = q.getColumn(9).getString();
    d.attempts = q.getColumn(10).getInt();
    d.next_try = q.getColumn(11).getInt64();
    d.tried_at = optional_int(q.getColumn(12));
    if (auto const s = optional_int(q.getColumn(13))) d.last_status = static_cast<int>(*s);
    d.last_error = q.getColumn(14).getString();
    d.delivered_at = optional_int(q.getColumn(15));
    return d;
}

std::vector<ports::DeliveryRecord> all_deliveries(SQLite::Statement& q) {
    std::vector<ports::DeliveryRecord> out;
    while (q.executeStep()) out.push_back(delivery_at(q));
    return out;
}

}  // namespace

std::int64_t SqliteDeliveryRepository::add_subscription(ports::SubscriptionRecord const& s) {
    auto& q = st_.get("INSERT INTO subscriptions(name, topic, url, secret, created_by, created_at, district, enterprise, "
                      "recipient) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, s.name);
    q.bind(2, s.topic);
    q.bind(3, s.url);
    q.bind(4, s.secret);
    q.bind(5, s.created_by);
    q.bind(6, s.created_at);
    bind_optional(q, 7, s.district);
    bind_optional(q, 8, s.enterprise);
    bind_optional(q, 9, s.recipient);
    q.exec();
    return st_.db().getLastInsertRowid();
}

std::vector<ports::SubscriptionRecord> SqliteDeliveryRepository::subscriptions(std::optional<std::string> const& topic) {
    auto& q = st_.get(std::string("SELECT ") + kSubscriptionColumns +
                      " FROM subscriptions WHERE removed_at IS NULL AND (?1 IS NULL OR topic = ?1) ORDER BY id");
    bind_optional(q, 1, topic);
    std::vector<ports::SubscriptionRecord> out;
    while (q.executeStep()) out.push_back(subscription_at(q));
    return out;
}

std::optional<ports::SubscriptionRecord> SqliteDeliveryRepository::subscription(std::int64_t id) {
    auto& q = st_.get(std::string("SELECT ") + kSubscriptionColumns + " FROM subscriptions WHERE id = ? AND removed_at IS NULL");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    auto s = subscription_at(q);
    q.reset();
    return s;
}

void SqliteDeliveryRepository::update_subscription(ports::SubscriptionRecord const& s) {
    auto& q = st_.get("UPDATE subscriptions SET name = ?, url = ?, district = ?, recipient = ? WHERE id = ? AND "
                      "removed_at IS NULL");
    q.bind(1, s.name);
    q.bind(2, s.url);
    bind_optional(q, 3, s.district);
    bind_optional(q, 4, s.recipient);
    q.bind(5, s.id);
    q.exec();
}

bool SqliteDeliveryRepository::remove_subscription(std::int64_t id, engine::Instant at) {
    auto& q = st_.get("UPDATE subscriptions SET removed_at = ? WHERE id = ? AND removed_at IS NULL");
    q.bind(1, at);
    q.bind(2, id);
    if (q.exec() == 0) return false;
    auto& d = st_.get("UPDATE deliveries SET state = 'dead', last_error = 'subscription removed' "
                      "WHERE subscription_id = ? AND state = 'queued'");
    d.bind(1, id);
    d.exec();
    return true;
}

void SqliteDeliveryRepository::add_message(std::string const& id, std::string const& topic, std::string const& ref,
                                           std::string const& body, engine::Instant created_at,
                                           std::optional<engine::Instant> due_at) {
    auto& q = st_.get("INSERT INTO outbox(id, topic, ref, body, created_at, due_at) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, id);
    q.bind(2, topic);
    q.bind(3, ref);
    q.bind(4, body);
    q.bind(5, created_at);
    bind_optional(q, 6, due_at);
    q.exec();
}

std::int64_t SqliteDeliveryRepository::add_delivery(std::string const& message_id, std::int64_t subscription_id,
                                                    engine::Instant next_try) {
    auto& q = st_.get("INSERT INTO deliveries(message_id, subscription_id, state, attempts, next_try, last_error) "
                      "VALUES (?, ?, 'queued', 0, ?, '')");
    q.bind(1, message_id);
    q.bind(2, subscription_id);
    q.bind(3, next_try);
    q.exec();
    return st_.db().getLastInsertRowid();
}

std::vector<ports::DeliveryRecord> SqliteDeliveryRepository::due(engine::Instant now, int limit, ports::Shard shard) {
    auto& q = st_.get(std::string(kDeliverySelect) +
                      "WHERE d.state = 'queued' AND d.next_try <= ? AND d.id % ? = ? ORDER BY d.next_try, d.id LIMIT ?");
    q.bind(1, now);
    q.bind(2, shard.count);
    q.bind(3, shard.index);
    q.bind(4, limit);
    return all_deliveries(q);
}

std::optional<ports::DeliveryRecord> SqliteDeliveryRepository::delivery(std::int64_t id) {
    auto& q = st_.get(std::string(kDeliverySelect) + "WHERE d.id = ?");
    q.bind(1, id);
    auto all = all_deliveries(q);
    if (all.empty()) return std::nullopt;
    return std::move(all.front());
}

std::vector<ports::DeliveryRecord> SqliteDeliveryRepository::deliveries(std::optional<std::string> const& state, int limit) {
    auto& q = st_.get(std::string(kDeliverySelect) + "WHERE (?1 IS NULL OR d.state = ?1) ORDER BY d.id DESC LIMIT ?2");
    bind_optional(q, 1, state);
    q.bind(2, limit);
    return all_deliveries(q);
}

bool SqliteDeliveryRepository::delivered(std::int64_t id, engine::Instant tried_at, int status, engine::Instant delivered_at) {
    auto& q = st_.get("UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, tried_at = ?, last_status = ?, "
                      "last_error = '', delivered_at = ? WHERE id = ? AND state = 'queued'");
    q.bind(1, tried_at);
    q.bind(2, status);
    q.bind(3, delivered_at);
    q.bind(4, id);
    return q.exec() > 0;
}

void SqliteDeliveryRepository::failed(std::int64_t id, engine::Instant tried_at, std::optional<int> status,
                                      std::string const& error, std::optional<engine::Instant> next_try) {
    auto& q = st_.get("UPDATE deliveries SET attempts = attempts + 1, tried_at = ?, last_status = ?, last_error = ?, "
                      "state = CASE WHEN ? IS NULL THEN 'dead' ELSE 'queued' END, next_try = COALESCE(?, next_try) "
                      "WHERE id = ? AND state = 'queued'");
    q.bind(1, tried_at);
    bind_optional(q, 2, status);
    q.bind(3, error);
    bind_optional(q, 4, next_try);
    bind_optional(q, 5, next_try);
    q.bind(6, id);
    q.exec();
}

bool SqliteDeliveryRepository::requeue(std::int64_t id, engine::Instant next_try) {
    auto& q = st_.get("UPDATE deliveries SET state = 'queued', attempts = 0, next_try = ? WHERE id = ? AND state = 'dead' "
                      "AND subscription_id IN (SELECT id FROM subscriptions WHERE removed_at IS NULL)");
    q.bind(1, next_try);
    q.bind(2, id);
    return q.exec() > 0;
}

std::optional<ports::ReachState> SqliteDeliveryRepository::reach(std::string const& ref) {
    // delivered beats queued beats dead; the first delivery's time.
    auto& q = st_.get("SELECT MAX(d.state = 'delivered'), MAX(d.state = 'queued'), MIN(d.delivered_at), COUNT(d.id) "
                      "FROM outbox m JOIN deliveries d ON d.message_id = m.id WHERE m.ref = ?");
    q.bind(1, ref);
    q.executeStep();
    std::optional<ports::ReachState> out;
    if (q.getColumn(3).getInt() > 0)
        out = ports::ReachState{q.getColumn(0).getInt() ? "delivered" : q.getColumn(1).getInt() ? "queued" : "dead",
                                optional_int(q.getColumn(2))};
    q.reset();
    return out;
}

ports::MessageProgress SqliteDeliveryRepository::progress(std::string const& message_id) {
    auto& q = st_.get("SELECT m.topic, m.ref, m.due_at, COUNT(r.recipient), COUNT(r.reached_at) FROM outbox m "
                      "LEFT JOIN notice_recipients r ON r.message_id = m.id WHERE m.id = ? GROUP BY m.id");
    q.bind(1, message_id);
    ports::MessageProgress p;
    if (q.executeStep()) {
        p.topic = q.getColumn(0).getString();
        p.ref = q.getColumn(1).getString();
        p.due_at = optional_int(q.getColumn(2));
        p.recipients = q.getColumn(3).getInt();
        p.delivered = q.getColumn(4).getInt();
    }
    q.reset();
    return p;
}

std::vector<ports::DeliveryRecord> SqliteDeliveryRepository::deliveries_of(std::string const& message_id) {
    auto& q = st_.get(std::string(kDeliverySelect) + "WHERE d.message_id = ? ORDER BY d.id");
    q.bind(1, message_id);
    return all_deliveries(q);
}

void SqliteDeliveryRepository::add_notice_recipient(std::string const& message_id, ports::NoticeRecipient const& r) {
    auto& q = st_.get("INSERT OR IGNORE INTO notice_recipients(message_id, recipient, name) VALUES (?, ?, ?)");
    q.bind(1, message_id);
    q.bind(2, r.key);
    q.bind(3, r.name);
    q.exec();
}

bool SqliteDeliveryRepository::reach_recipient(std::string const& message_id, std::string const& key, engine::Instant at) {
    auto& q = st_.get("UPDATE notice_recipients SET reached_at = ? WHERE message_id = ? AND recipient = ? AND "
                      "reached_at IS NULL");
    q.bind(1, at);
    q.bind(2, message_id);
    q.bind(3, key);
    return q.exec() > 0;
}

std::vector<ports::NoticeRecipient> SqliteDeliveryRepository::notice_recipients(std::string const& message_id) {
    auto& q = st_.get("SELECT recipient, name, reached_at FROM notice_recipients WHERE message_id = ? ORDER BY rowid");
    q.bind(1, message_id);
    std::vector<ports::NoticeRecipient> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), optional_int(q.getColumn(2))});
    return out;
}

}  // namespace hazeguard::storage
