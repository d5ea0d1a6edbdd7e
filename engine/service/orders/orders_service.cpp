// An acknowledgement's path: OrdersService::acknowledge → CommandRunner (one transaction) →
// ports::OrderRepository. The decision is the lifecycle's (engine/orders/order_lifecycle.hpp).
#include "engine/service/orders/orders_service.hpp"

#include "engine/delivery/order_link.hpp"
#include "engine/domain/ref.hpp"
#include "engine/orders/order_lifecycle.hpp"
#include "engine/service/error.hpp"
#include "engine/service/documents/document_page.hpp"
#include "engine/service/orders/order_document.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
/// The document an order follows: the notice of the proposal that caused its batch, if any.
std::optional<DocumentTitle> basis(ports::Store& store, std::int64_t batch) {
    auto const cause = store.batches().cause(batch);
    if (!cause) return std::nullopt;
    auto const d = store.documents().find_by_ref(*cause);
    if (!d) return std::nullopt;
    // A 调度令 carries its number in its title.
    return DocumentTitle{d->series == "dispatch" ? std::nullopt : std::optional(d->number_cn),
                         json::parse(d->body).at("title_cn").get<std::string>()};
}

[[noreturn]] void refuse_superseded(ports::Store& store, ports::OrderRecord const& order) {
    auto const next = store.orders().successor(order);
    throw Error(Errc::order_superseded,
                "order " + std::to_string(order.id) + " was superseded by a newer order; act on that one", {},
                {{"superseded_by", next ? json(*next) : json(nullptr)}});
}

/// An execution report as stored: the report with who sent it and when (JSON text).
std::string stored_report(ViewContext const& views, ExecutionReport const& report, engine::Instant at,
                          std::string const& by) {
    json lines = json::array(), readings = json::array();
    for (auto const& l : report.lines) lines.push_back({{"line_id", l.line_id}, {"status", l.status}, {"note", l.note}});
    for (auto const& r : report.readings)
        readings.push_back({{"meter", r.meter}, {"kwh", r.kwh}, {"at", r.at ? json(views.local(*r.at)) : json(nullptr)}});
    return json{{"reported_at", views.local(at)}, {"reported_by", by}, {"lines", lines},
                {"electricity", readings}, {"note", report.note}}.dump();
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

void OrdersService::acknowledge(Command const& c, std::int64_t id, AckRequest ack, Answer<AckOutcome> answer) {
    // The job stays small (group commit: it runs on the one writer thread); the answer is built
    // from what it read and wrote, not from a whole order.
    runner_.run(c, [this, id, who = c.principal, ack = std::move(ack)](Tx& tx) {
        return acknowledge_in(tx, readable(tx.store, who, id), {tx.now, ack.by, ack.phone, ack.note, "api"});
    }, std::move(answer));
}

AckOutcome OrdersService::acknowledge_in(Tx& tx, ports::OrderRecord order, ports::Acknowledgement ack) const {
    auto const due = tx.store.orders().ack_due(order);
    switch (engine::decide_acknowledgement(order.facts(tx.now))) {
        case engine::AckDecision::superseded: refuse_superseded(tx.store, order);
        case engine::AckDecision::record:
            tx.store.orders().record_acknowledgement(order, ack, engine::is_late(tx.now, due));
            order.status = engine::OrderStatus::acknowledged;
            // What was just stored, as details() would read it back (the note is stored as text).
            ack.note = ack.note.value_or("");
            return {order, std::move(ack), due};
        case engine::AckDecision::repeat: break;  // the first acknowledgement, unchanged
    }
    return {order, *tx.store.orders().details(order.id).acknowledgement, due};
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

LinkedOrder OrdersService::order_by_link(std::string const& token, Instant now) {
    LinkedOrder out;
    transactions_.read([&](ports::Store& store) {
        out.sheet = sheet(store, linked_order(token, now), true);
        out.token = token;
        if (auto const next = out.sheet.superseded_by)
            out.current_link = link_path(*next, store.orders().details(*next).issued_at);
    });
    return out;
}

void OrdersService::acknowledge_by_link(Command const& c, std::string const& token, AckRequest ack,
                                        Answer<AckOutcome> answer) {
    runner_.run(c, [this, token, ack = std::move(ack)](Tx& tx) {
        auto const order = tx.store.orders().find(linked_order(token, tx.now));
        if (!order) not_found("link");
        return acknowledge_in(tx, *order, {tx.now, ack.by, ack.phone, ack.note, "link"});
    }, std::move(answer));
}

void OrdersService::report_execution(Command const& c, std::int64_t id, ExecutionReport report, Answer<OrderSheet> answer) {
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
        tx.store.orders().record_execution(order, tx.now, stored_report(views_, report, tx.now, who.name),
                                           decision == engine::ExecutionDecision::record_first);
        return sheet(tx.store, id, false);
    }, std::move(answer));
}

std::string OrdersService::order_html(Principal const& who, std::int64_t id) {
    std::string out;
    transactions_.read([&](ports::Store& store) {
        readable(store, who, id);
        out = page_html(order_page(views_, sheet(store, id, false)));
    });
    return out;
}

OrderSheet OrdersService::sheet(ports::Store& store, std::int64_t id, bool with_text, bool with_link) const {
    auto const order = store.orders().find(id);
    if (!order) not_found("order " + std::to_string(id));
    OrderSheet out;
    out.order = *order;
    out.details = store.orders().details(id);
    out.superseded_by = store.orders().successor(*order);
    out.basis = basis(store, order->batch);
    out.plant = views_.enterprise(out.details.enterprise);
    if (order->kind != engine::OrderKind::termination)
        out.content = engine::select_order(views_.plan, out.plant, out.details.level.value_or(""));
    if (with_text) out.text_cn = page_text(order_page(views_, out));
    if (with_link) out.link = link_path(id, out.details.issued_at);
    out.messages = store.sms().of_order(id);
    out.webhook = store.deliveries().reach(engine::to_string(engine::Ref::order(id)));
    return out;
}

OrderSheet OrdersService::order(Principal const& who, std::int64_t id, bool with_text) {
    OrderSheet out;
    transactions_.read([&](ports::Store& store) {
        readable(store, who, id);
        out = sheet(store, id, with_text, who.role == "enterprise");
    });
    return out;
}

PlantOrders OrdersService::my_orders(Principal const& who) {
    if (who.role != "enterprise") throw Error(Errc::forbidden_role, "only enterprise tokens have their own orders");
    PlantOrders out{who.enterprise_id, {}};
    transactions_.read([&](ports::Store& store) {
        for (auto id : store.orders().ids_for_enterprise(who.enterprise_id, 200)) out.items.push_back(sheet(store, id, false, true));
    });
    return out;
}

OrderPage OrdersService::episode_orders(std::int64_t episode, OrderFilter const& f, Instant now) {
    ports::OrderQuery q;
    q.episode = episode;
    q.after = f.after;
    q.limit = f.limit + 1;
    if (f.status) q.status = engine::order_status_named(*f.status);
    q.district = f.district;
    q.industry = f.industry;
    q.grade = f.grade;
    q.reached = f.reached;
    if (f.overdue) q.overdue = *f.overdue == "ack" ? ports::OrderQuery::Overdue::ack : ports::OrderQuery::Overdue::execution;
    q.now = now;
    OrderPage out;
    out.episode = episode;
    transactions_.read([&](ports::Store& store) {
        if (!store.orders().episode_exists(episode)) not_found("episode " + std::to_string(episode));
        out.batch = f.batch ? f.batch : store.orders().latest_batch(episode);
        if (!out.batch) return;
        q.batch = *out.batch;
        auto ids = store.orders().ids(q);
        out.more = ids.size() > static_cast<std::size_t>(f.limit);
        if (out.more) ids.pop_back();
        for (auto id : ids) out.items.push_back(sheet(store, id, false));
    });
    return out;
}

}  // namespace hazeguard::service
