// An acknowledgement's path: OrdersService::acknowledge → CommandRunner (one transaction) →
// ports::OrderRepository. The decision is the lifecycle's (engine/orders/order_lifecycle.hpp).
#include "engine/service/orders/orders_service.hpp"

#include "engine/delivery/order_link.hpp"
#include "engine/domain/ref.hpp"
#include "engine/orders/order_lifecycle.hpp"
#include "engine/service/error.hpp"
#include "engine/service/input.hpp"
#include "engine/service/orders/execution_report.hpp"
#include "engine/service/orders/order_view.hpp"
#include "engine/service/documents/document_page.hpp"
#include "engine/service/orders/order_document.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
/// The document an order follows: the notice of the proposal that caused its batch, if any.
json basis(ports::Store& store, std::int64_t batch) {
    auto const cause = store.batches().cause(batch);
    if (!cause) return nullptr;
    auto const d = store.documents().find_by_ref(*cause);
    if (!d) return nullptr;
    // A 调度令 carries its number in its title.
    return {{"number_cn", d->series == "dispatch" ? json(nullptr) : json(d->number_cn)},
            {"title_cn", json::parse(d->body).at("title_cn")}};
}

[[noreturn]] void refuse_superseded(ports::Store& store, ports::OrderRecord const& order) {
    auto const next = store.orders().successor(order);
    throw Error(Errc::order_superseded,
                "order " + std::to_string(order.id) + " was superseded by a newer order; act on that one", {},
                {{"superseded_by", next ? json(*next) : json(nullptr)}});
}

struct AckInput {
    std::string by, phone, note;
};

AckInput read_acknowledgement(json const& body) {
    Input in(body);
    in.reject_unknown({"by", "phone", "note"});
    auto const by = in.text("by", true, 100);
    auto const phone = in.text("phone", true, 20);
    if (phone && (phone->size() < 7 || phone->find_first_not_of("0123456789+- ") != std::string::npos))
        in.error("phone", "must be a phone number of 7 to 20 digits");
    auto const note = in.text("note", false, 2000).value_or("");
    in.finish();
    return {*by, *phone, note};
}
}  // namespace

// Enterprises see only their own orders; officials see all. Another plant's order answers exactly
// as an id that does not exist, so an enterprise cannot learn which ids are in use.
ports::OrderRecord OrdersService::readable(ports::Store& store, Principal const& who, std::int64_t id) const {
    auto const order = store.orders().find(id);
    if (!order || (who.role == "enterprise" && who.enterprise_id != order->credit_code))
        not_found("order " + std::to_string(id));
    return *order;
}

void OrdersService::acknowledge(Command const& c, std::int64_t id, json const& body, Completion done) {
    auto const input = read_acknowledgement(body);
    // The job stays small (group commit: it runs on the one writer thread); the answer is built
    // from what it read and wrote, not from a full order view.
    runner_.run(c, [this, id, who = c.principal, input](Tx& tx) {
        return Reply{200, acknowledge_in(tx, readable(tx.store, who, id), {tx.now, input.by, input.phone, input.note, "api"}), ""};
    }, std::move(done));
}

json OrdersService::acknowledge_in(Tx& tx, ports::OrderRecord order, ports::Acknowledgement ack) const {
    auto const due = tx.store.orders().ack_due(order);
    switch (engine::decide_acknowledgement(order.facts(tx.now))) {
        case engine::AckDecision::superseded: refuse_superseded(tx.store, order);
        case engine::AckDecision::record:
            tx.store.orders().record_acknowledgement(order, ack, engine::is_late(tx.now, due));
            order.status = engine::OrderStatus::acknowledged;
            break;
        case engine::AckDecision::repeat: break;  // the first acknowledgement, unchanged
    }
    auto const stored = tx.store.orders().details(order.id).acknowledgement;
    return acknowledgement_answer(views_, order, *stored, due);
}

std::string OrdersService::acknowledge_by_sms(Tx& tx, std::int64_t order_id, std::string const& by,
                                              std::string const& phone) const {
    auto const order = tx.store.orders().find(order_id);
    if (!order) return "no_open_order";
    switch (engine::decide_acknowledgement(order->facts(tx.now))) {
        case engine::AckDecision::superseded: return "superseded";
        case engine::AckDecision::repeat: return "already_acknowledged";
        case engine::AckDecision::record: break;
    }
    acknowledge_in(tx, *order, {tx.now, by, phone, std::nullopt, "sms"});
    return "acknowledged";
}

std::string OrdersService::link_path(std::int64_t order, Instant issued_at) const {
    Instant const expires = issued_at + static_cast<Instant>(views_.plan.orders.link_hours) * engine::kHour;
    return "/v1/links/" + engine::order_link_token(link_key_, order, expires);
}

std::string OrdersService::page_path(std::int64_t order, Instant issued_at) const {
    return "/o/" + link_path(order, issued_at).substr(std::string_view("/v1/links/").size());
}

std::int64_t OrdersService::linked_order(std::string const& token, Instant now) const {
    auto const link = engine::verify_order_link(link_key_, token, now);
    if (!link) not_found("link");
    if (link->expired)
        throw Error(Errc::link_expired, "this link expired at " + views_.local(link->expires) +
                                            "; sign in with the enterprise's token or ask the duty room for the order",
                    {}, {{"order_id", link->order}, {"expired_at", views_.local(link->expires)}});
    return link->order;
}

json OrdersService::order_by_link(std::string const& token, Instant now) {
    json out;
    transactions_.read([&](ports::Store& store) {
        auto const id = linked_order(token, now);
        out = view(store, id, true);
        out["acknowledge"] = {{"method", "POST"}, {"href", "/v1/links/" + token + "/ack"}, {"body", {"by", "phone", "note"}}};
        if (out.contains("superseded_by") && out.at("superseded_by").is_number_integer()) {
            auto const next = out.at("superseded_by").get<std::int64_t>();
            out["current_link"] = link_path(next, store.orders().details(next).issued_at);
        }
    });
    return out;
}

void OrdersService::acknowledge_by_link(Command const& c, std::string const& token, json const& body, Completion done) {
    auto const input = read_acknowledgement(body);
    runner_.run(c, [this, token, input](Tx& tx) {
        auto const order = tx.store.orders().find(linked_order(token, tx.now));
        if (!order) not_found("link");
        return Reply{200, acknowledge_in(tx, *order, {tx.now, input.by, input.phone, input.note, "link"}), ""};
    }, std::move(done));
}

void OrdersService::report_execution(Command const& c, std::int64_t id, json const& body, Completion done) {
    auto report = read_execution_report(body, views_);
    runner_.run(c, [this, id, report = std::move(report), who = c.principal](Tx& tx) {
        auto const order = readable(tx.store, who, id);
        auto const decision = engine::decide_execution_report(order.facts(tx.now));
        switch (decision) {
            case engine::ExecutionDecision::superseded: refuse_superseded(tx.store, order);
            case engine::ExecutionDecision::not_an_order:
                throw Error(Errc::not_an_order, "a termination notice needs no execution report");
            case engine::ExecutionDecision::not_acknowledged:
                throw Error(Errc::order_not_acknowledged, "acknowledge the order before reporting its execution");
            case engine::ExecutionDecision::record_first:
            case engine::ExecutionDecision::record_again: break;
        }
        auto const errors = unknown_lines(report, views_.enterprise(tx.store.orders().enterprise_entry(order)));
        if (!errors.empty()) throw Error(Errc::validation, errors.front().message, errors);
        json const stored{{"reported_at", views_.local(tx.now)}, {"reported_by", who.name}, {"lines", report.lines},
                          {"electricity", report.readings}, {"note", report.note}};
        tx.store.orders().record_execution(order, tx.now, stored.dump(),
                                           decision == engine::ExecutionDecision::record_first);
        return Reply{200, view(tx.store, id, false), ""};
    }, std::move(done));
}

std::string OrdersService::order_html(Principal const& who, std::int64_t id) {
    std::string out;
    transactions_.read([&](ports::Store& store) {
        auto const order = readable(store, who, id);
        auto const details = store.orders().details(id);
        auto const follows = basis(store, order.batch);
        auto const v = order_view(views_, order, details, store.orders().successor(order), false, follows);
        out = page_html(order_page(views_, v, follows, details));
    });
    return out;
}

json OrdersService::view(ports::Store& store, std::int64_t id, bool with_text, bool with_link) const {
    auto const order = store.orders().find(id);
    if (!order) not_found("order " + std::to_string(id));
    auto const details = store.orders().details(id);
    auto out = order_view(views_, *order, details, store.orders().successor(*order), with_text, basis(store, order->batch));
    if (with_link) out["link"] = link_path(id, details.issued_at);
    // Every text message about it, and whether it reached the plant through any channel (null:
    // nothing was sent through one).
    json messages = json::array();
    json best = nullptr;
    auto const rank = [](std::string const& state) {
        return state == "delivered" ? 4 : state == "sent" ? 3 : state == "queued" ? 2 : 1;  // failed, dead
    };
    auto const consider = [&](std::string const& channel, std::string const& state, std::optional<Instant> at) {
        if (best.is_null() || rank(state) > rank(best.at("state").get<std::string>()))
            best = {{"channel", channel}, {"state", state}, {"delivered_at", views_.local_or_null(at)}};
    };
    for (auto const& m : store.sms().of_order(id)) {
        messages.push_back({{"channel", "sms"}, {"kind", m.kind}, {"phone", m.phone}, {"contact", m.contact},
                            {"state", m.state}, {"attempts", m.attempts}, {"sent_at", views_.local_or_null(m.sent_at)},
                            {"delivered_at", views_.local_or_null(m.delivered_at)},
                            {"error", m.last_error.empty() ? json(nullptr) : json(m.last_error)}});
        consider("sms", m.state, m.delivered_at);
    }
    if (auto const reach = store.deliveries().reach(engine::to_string(engine::Ref::order(id))))
        consider("webhook", reach->state, reach->delivered_at);
    out["delivery"] = best;
    out["messages"] = messages;
    return out;
}

json OrdersService::order(Principal const& who, std::int64_t id, bool with_text) {
    json out;
    transactions_.read([&](ports::Store& store) {
        readable(store, who, id);
        out = view(store, id, with_text, who.role == "enterprise");
    });
    return out;
}

json OrdersService::my_orders(Principal const& who) {
    if (who.role != "enterprise") throw Error(Errc::forbidden_role, "only enterprise tokens have their own orders");
    json items = json::array();
    transactions_.read([&](ports::Store& store) {
        for (auto id : store.orders().ids_for_enterprise(who.enterprise_id, 200)) items.push_back(view(store, id, false, true));
    });
    return {{"enterprise", who.enterprise_id}, {"items", items}};
}

json OrdersService::episode_orders(std::int64_t episode, OrderFilter const& f, Instant now) {
    ports::OrderQuery q;
    q.episode = episode;
    q.after = f.after;
    q.limit = f.limit + 1;
    if (f.status) q.status = engine::order_status_named(*f.status);
    q.district = f.district;
    q.industry = f.industry;
    q.grade = f.grade;
    if (f.overdue) q.overdue = *f.overdue == "ack" ? ports::OrderQuery::Overdue::ack : ports::OrderQuery::Overdue::execution;
    q.now = now;
    json out;
    transactions_.read([&](ports::Store& store) {
        if (!store.orders().episode_exists(episode)) not_found("episode " + std::to_string(episode));
        auto const batch = f.batch ? f.batch : store.orders().latest_batch(episode);
        if (!batch) {
            out = {{"items", json::array()}, {"next_cursor", nullptr}};
            return;
        }
        q.batch = *batch;
        auto ids = store.orders().ids(q);
        bool const more = ids.size() > static_cast<std::size_t>(f.limit);
        if (more) ids.pop_back();
        json items = json::array();
        for (auto id : ids) items.push_back(view(store, id, false));
        out = {{"episode_id", episode}, {"batch_id", *batch}, {"items", items},
               {"next_cursor", more ? json(std::to_string(ids.back())) : json(nullptr)}};
    });
    return out;
}

}  // namespace hazeguard::service
