#include "engine/storage/sqlite/sqlite_sms_repository.hpp"

#include "engine/orders/order_lifecycle.hpp"
#include "engine/storage/sqlite/columns.hpp"

namespace hazeguard::storage {
using engine::Instant;

namespace {
constexpr char kSmsColumns[] = "id, order_id, kind, phone, contact, state, attempts, next_try, tried_at, last_error, "
                               "biz_id, sent_at, delivered_at, ref, recipient, message_id, params";

ports::SmsRecord sms_row(SQLite::Statement& q) {
    ports::SmsRecord r;
    r.id = q.getColumn(0).getInt64();
    r.order_id = optional_int(q.getColumn(1));
    r.kind = q.getColumn(2).getString();
    r.phone = q.getColumn(3).getString();
    r.contact = q.getColumn(4).getString();
    r.state = q.getColumn(5).getString();
    r.attempts = q.getColumn(6).getInt();
    r.next_try = q.getColumn(7).getInt64();
    r.tried_at = optional_int(q.getColumn(8));
    r.last_error = q.getColumn(9).getString();
    r.biz_id = optional_text(q.getColumn(10));
    r.sent_at = optional_int(q.getColumn(11));
    r.delivered_at = optional_int(q.getColumn(12));
    r.ref = optional_text(q.getColumn(13));
    r.recipient = optional_text(q.getColumn(14));
    r.message_id = optional_text(q.getColumn(15));
    r.params = optional_text(q.getColumn(16));
    return r;
}
}  // namespace

std::int64_t SqliteSmsRepository::queue(std::int64_t batch, std::string const& kind, bool unacknowledged_only,
                                        Instant wall_now) {
    // Mainland mobile numbers only: an SMS cannot reach the landlines a list also names.
    auto& q = st_.get(std::string("INSERT INTO sms(order_id, kind, phone, contact, state, attempts, next_try, "
                                  "last_error) SELECT o.id, :kind, json_extract(c.value, '$.phone'), "
                                  "COALESCE(json_extract(c.value, '$.name'), ''), 'queued', 0, :now, '' FROM orders o "
                                  "JOIN order_batches b ON b.id = o.batch_id JOIN enterprise_bodies e ON e.list_version "
                                  "= b.list_version AND e.id = o.enterprise_id, json_each(e.body, '$.contacts') c WHERE "
                                  "o.batch_id = :batch AND json_extract(c.value, '$.phone') GLOB "
                                  "'1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'") +
                      (unacknowledged_only ? " AND o.status = :sent" : "") + " ORDER BY o.id");
    q.bind(":kind", kind);
    q.bind(":now", wall_now);
    q.bind(":batch", batch);
    if (unacknowledged_only) q.bind(":sent", static_cast<int>(engine::OrderStatus::sent));
    return q.exec();
}

std::int64_t SqliteSmsRepository::queue_batch(std::int64_t batch, std::string const& kind, Instant wall_now) {
    return queue(batch, kind, false, wall_now);
}

std::int64_t SqliteSmsRepository::queue_reminders(std::int64_t batch, Instant wall_now) {
    return queue(batch, "reminder", true, wall_now);
}

std::int64_t SqliteSmsRepository::queue_text(ports::RosterText const& t, Instant wall_now) {
    auto& q = st_.get("INSERT INTO sms(kind, phone, contact, state, attempts, next_try, last_error, ref, recipient, "
                      "message_id, params) VALUES (?, ?, ?, 'queued', 0, ?, '', ?, ?, ?, ?)");
    q.bind(1, t.kind);
    q.bind(2, t.phone);
    q.bind(3, t.contact);
    q.bind(4, wall_now);
    q.bind(5, t.ref);
    q.bind(6, t.recipient);
    if (t.message_id) q.bind(7, *t.message_id);
    else q.bind(7);
    q.bind(8, t.params);
    q.exec();
    return st_.db().getLastInsertRowid();
}

std::vector<ports::SmsRecord> SqliteSmsRepository::of_message(std::string const& message_id) {
    auto& q = st_.get(std::string("SELECT ") + kSmsColumns + " FROM sms WHERE message_id = ? ORDER BY id");
    q.bind(1, message_id);
    std::vector<ports::SmsRecord> out;
    while (q.executeStep()) out.push_back(sms_row(q));
    return out;
}

std::vector<ports::SmsRecord> SqliteSmsRepository::due(Instant wall_now, int limit, ports::Shard shard) {
    auto& q = st_.get(std::string("SELECT ") + kSmsColumns +
                      " FROM sms WHERE state = 'queued' AND next_try <= ? AND id % ? = ? ORDER BY next_try, id LIMIT ?");
    q.bind(1, wall_now);
    q.bind(2, shard.count);
    q.bind(3, shard.index);
    q.bind(4, limit);
    std::vector<ports::SmsRecord> out;
    while (q.executeStep()) out.push_back(sms_row(q));
    return out;
}

std::optional<ports::SmsRecord> SqliteSmsRepository::find(std::int64_t id) {
    auto& q = st_.get(std::string("SELECT ") + kSmsColumns + " FROM sms WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    auto r = sms_row(q);
    q.reset();
    return r;
}

std::vector<ports::SmsRecord> SqliteSmsRepository::of_order(std::int64_t order_id) {
    auto& q = st_.get(std::string("SELECT ") + kSmsColumns + " FROM sms WHERE order_id = ? ORDER BY id DESC LIMIT 50");
    q.bind(1, order_id);
    std::vector<ports::SmsRecord> out;
    while (q.executeStep()) out.push_back(sms_row(q));
    return out;
}

std::vector<ports::SmsRecord> SqliteSmsRepository::newest(std::optional<std::string> const& state, int limit) {
    auto& q = st_.get(std::string("SELECT ") + kSmsColumns +
                      " FROM sms WHERE (?1 IS NULL OR state = ?1) ORDER BY id DESC LIMIT ?2");
    if (state) q.bind(1, *state);
    else q.bind(1);
    q.bind(2, limit);
    std::vector<ports::SmsRecord> out;
    while (q.executeStep()) out.push_back(sms_row(q));
    return out;
}

bool SqliteSmsRepository::requeue(std::int64_t id, Instant next_try) {
    auto& u = st_.get("UPDATE sms SET state = 'queued', attempts = 0, next_try = ? WHERE id = ? AND state = 'dead'");
    u.bind(1, next_try);
    u.bind(2, id);
    return u.exec() > 0;
}

void SqliteSmsRepository::sent(std::int64_t id, Instant tried_at, std::string const& biz_id, Instant sent_at) {
    // A receipt can overtake the dispatcher's record of the send: the state it gave stays.
    auto& u = st_.get("UPDATE sms SET state = CASE state WHEN 'queued' THEN 'sent' ELSE state END, attempts = attempts "
                      "+ 1, tried_at = ?, biz_id = ?, sent_at = ?, last_error = CASE state WHEN 'queued' THEN '' ELSE "
                      "last_error END WHERE id = ? AND (state = 'queued' OR (state IN ('delivered', 'failed') AND "
                      "sent_at IS NULL))");
    u.bind(1, tried_at);
    u.bind(2, biz_id);
    u.bind(3, sent_at);
    u.bind(4, id);
    u.exec();
}

void SqliteSmsRepository::withdraw(std::int64_t id, std::string const& why) {
    auto& u = st_.get("UPDATE sms SET state = 'withdrawn', last_error = ? WHERE id = ? AND state = 'queued'");
    u.bind(1, why);
    u.bind(2, id);
    u.exec();
}

void SqliteSmsRepository::failed(std::int64_t id, Instant tried_at, std::string const& error,
                                 std::optional<Instant> next_try) {
    auto& u = st_.get("UPDATE sms SET attempts = attempts + 1, tried_at = ?, last_error = ?, state = ?, "
                      "next_try = COALESCE(?, next_try) WHERE id = ? AND state = 'queued'");
    u.bind(1, tried_at);
    u.bind(2, error);
    u.bind(3, next_try ? "queued" : "dead");
    if (next_try) u.bind(4, *next_try);
    else u.bind(4);
    u.bind(5, id);
    u.exec();
}

bool SqliteSmsRepository::receipt(std::int64_t id, std::string const& phone, bool delivered, std::string const& code,
                                  Instant at) {
    // 'queued' too: the gateway took it (a receipt says so) before the dispatcher recorded the send.
    auto& u = st_.get("UPDATE sms SET state = ?, delivered_at = ?, last_error = ? WHERE id = ? AND phone = ? AND "
                      "state IN ('queued', 'sent')");
    u.bind(1, delivered ? "delivered" : "failed");
    if (delivered) u.bind(2, at);
    else u.bind(2);
    u.bind(3, delivered ? std::string() : code);
    u.bind(4, id);
    u.bind(5, phone);
    return u.exec() > 0;
}

std::optional<std::int64_t> SqliteSmsRepository::newest_order_to(std::string const& phone) {
    auto& q = st_.get("SELECT order_id FROM sms WHERE phone = ? AND order_id IS NOT NULL AND state IN ('sent', "
                      "'delivered') ORDER BY id DESC LIMIT 1");
    q.bind(1, phone);
    if (!q.executeStep()) return std::nullopt;
    auto const id = q.getColumn(0).getInt64();
    q.reset();
    return id;
}

std::string SqliteSmsRepository::contact_of(std::string const& phone) {
    auto& q = st_.get("SELECT contact FROM sms WHERE phone = ? ORDER BY id DESC LIMIT 1");
    q.bind(1, phone);
    std::string name = q.executeStep() ? q.getColumn(0).getString() : std::string();
    q.reset();
    return name;
}

bool SqliteSmsRepository::add_reply(ports::SmsReply const& r) {
    auto& q = st_.get("INSERT OR IGNORE INTO sms_replies(phone, content, sequence_id, received_at, outcome, order_id) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, r.phone);
    q.bind(2, r.content);
    q.bind(3, r.sequence_id);
    q.bind(4, r.received_at);
    q.bind(5, r.outcome);
    if (r.order_id) q.bind(6, *r.order_id);
    else q.bind(6);
    return q.exec() > 0;
}

bool SqliteSmsRepository::has_reply(std::string const& phone, std::string const& sequence_id) {
    auto& q = st_.get("SELECT 1 FROM sms_replies WHERE phone = ? AND sequence_id = ?");
    q.bind(1, phone);
    q.bind(2, sequence_id);
    bool const found = q.executeStep();
    q.reset();
    return found;
}

}  // namespace hazeguard::storage
