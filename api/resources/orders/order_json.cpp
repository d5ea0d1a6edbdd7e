#include "api/resources/orders/order_json.hpp"

#include "engine/orders/order_lifecycle.hpp"

namespace hazeguard::api {
using nlohmann::json;
using service::ViewContext;

namespace {
json optional_json(std::optional<std::string> const& text) { return text ? json(*text) : json(nullptr); }

json level_named(ViewContext const& views, std::optional<std::string> const& id) {
    return id && !id->empty() ? views.level(views.plan.rank(*id)) : json(nullptr);
}

// Member by member rather than from an initializer list, which builds every pair as an array
// first: this runs for every acknowledgement's answer.
json acknowledgement_json(ViewContext const& views, ports::Acknowledgement const& ack,
                          std::optional<engine::Instant> due) {
    json out = json::object();
    out["at"] = views.local(ack.at);
    out["by"] = ack.by;
    out["phone"] = ack.phone;
    out["note"] = optional_json(ack.note);
    out["channel"] = ack.channel;
    out["late"] = engine::is_late(ack.at, due);
    return out;
}

json plant_json(engine::Enterprise const& e) {
    json contacts = json::array();
    for (auto const& c : e.contacts) contacts.push_back({{"role", c.role}, {"name", c.name}, {"phone", c.phone}});
    return {{"credit_code", e.credit_code}, {"name", e.name},         {"district", e.district}, {"park", e.park},
            {"industry", e.industry},       {"grade", e.grade},       {"guarantee", e.guarantee}, {"contacts", contacts}};
}

json content_json(engine::OrderContent const& content) {
    json measures = json::array();
    for (auto const& m : content.measures) measures.push_back({{"text", m.text}, {"lines", m.lines}, {"action", m.action}});
    return {{"source", content.source}, {"measures", measures}, {"transport", content.transport},
            {"reductions_t_per_day", content.reductions_t_per_day}};
}

/// Every text message about the order, and whether it reached the plant through any channel
/// (null: nothing was sent through one).
void add_messages(ViewContext const& views, service::OrderSheet const& order, json& view) {
    json messages = json::array();
    json best = nullptr;
    auto const rank = [](std::string const& state) {
        return state == "delivered" ? 4 : state == "sent" ? 3 : state == "queued" ? 2 : 1;  // failed, dead
    };
    auto const consider = [&](std::string const& channel, std::string const& state, std::optional<engine::Instant> at) {
        if (best.is_null() || rank(state) > rank(best.at("state").get<std::string>()))
            best = {{"channel", channel}, {"state", state}, {"delivered_at", views.local_or_null(at)}};
    };
    for (auto const& m : order.messages) {
        messages.push_back({{"channel", "sms"}, {"kind", m.kind}, {"phone", m.phone}, {"contact", m.contact},
                            {"state", m.state}, {"attempts", m.attempts}, {"sent_at", views.local_or_null(m.sent_at)},
                            {"delivered_at", views.local_or_null(m.delivered_at)},
                            {"error", m.last_error.empty() ? json(nullptr) : json(m.last_error)}});
        consider("sms", m.state, m.delivered_at);
    }
    if (order.webhook) consider("webhook", order.webhook->state, order.webhook->delivered_at);
    view["delivery"] = best;
    view["messages"] = messages;
}

}  // namespace

json order_json(ViewContext const& views, service::OrderSheet const& sheet) {
    auto const& order = sheet.order;
    auto const& d = sheet.details;
    json view{{"id", order.id},
              {"kind", std::string(engine::to_string(order.kind))},
              {"episode_id", order.episode},
              {"batch_id", order.batch},
              {"list_version", order.list_version},
              {"level", level_named(views, d.level)},
              {"previous_level", level_named(views, d.previous_level)},
              {"issued_at", views.local(d.issued_at)},
              {"effective_from", views.local(d.effective_from)},
              {"deadlines", {{"ack_due_at", views.local_or_null(d.ack_due_at)},
                             {"execution_due_at", views.local_or_null(d.execution_due_at)}}},
              {"status", std::string(engine::to_string(order.status))},
              {"current", order.current()},
              {"supersedes", order.supersedes ? json(*order.supersedes) : json(nullptr)},
              {"superseded_by", sheet.superseded_by ? json(*sheet.superseded_by) : json(nullptr)},
              {"in_force_until", views.local_or_null(order.replaced_from)},
              {"acknowledgement", d.acknowledgement ? acknowledgement_json(views, *d.acknowledgement, d.ack_due_at)
                                                    : json(nullptr)},
              {"execution", d.execution ? json::parse(*d.execution) : json(nullptr)},
              {"reminded_at", views.local_or_null(d.reminded_at)},
              {"escalated_at", views.local_or_null(d.escalated_at)},
              {"advance_notice", sheet.advance_notice()},
              {"enterprise", plant_json(sheet.plant)},
              {"drill", views.drill}};
    if (order.kind == engine::OrderKind::termination) view["cancellation"] = sheet.cancellation();
    if (sheet.content) view["content"] = content_json(*sheet.content);
    if (sheet.text_cn) view["text_cn"] = *sheet.text_cn;
    if (sheet.link) view["link"] = *sheet.link;
    add_messages(views, sheet, view);
    return view;
}

json linked_order_json(ViewContext const& views, service::LinkedOrder const& linked) {
    auto out = order_json(views, linked.sheet);
    out["acknowledge"] = {{"method", "POST"}, {"href", "/v1/links/" + linked.token + "/ack"}, {"body", {"by", "phone", "note"}}};
    if (linked.current_link) out["current_link"] = *linked.current_link;
    return out;
}

json ack_json(ViewContext const& views, service::AckOutcome const& outcome) {
    json out = json::object();
    out["id"] = outcome.order.id;
    out["status"] = std::string(engine::to_string(outcome.order.status));
    out["current"] = outcome.order.current();
    out["acknowledgement"] = acknowledgement_json(views, outcome.acknowledgement, outcome.due);
    out["drill"] = views.drill;
    return out;
}

json order_page_json(ViewContext const& views, service::OrderPage const& page) {
    if (!page.batch) return {{"items", json::array()}, {"next_cursor", nullptr}};
    json items = json::array();
    for (auto const& o : page.items) items.push_back(order_json(views, o));
    return {{"episode_id", page.episode}, {"batch_id", *page.batch}, {"items", items},
            {"next_cursor", page.more ? json(std::to_string(page.items.back().order.id)) : json(nullptr)}};
}

json plant_orders_json(ViewContext const& views, service::PlantOrders const& orders) {
    json items = json::array();
    for (auto const& o : orders.items) items.push_back(order_json(views, o));
    return {{"enterprise", orders.enterprise}, {"items", items}};
}

}  // namespace hazeguard::api
