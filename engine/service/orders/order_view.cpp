#include "engine/service/orders/order_view.hpp"


#include "engine/orders/order_content.hpp"
#include "engine/orders/order_lifecycle.hpp"
#include "engine/service/documents/document_page.hpp"
#include "engine/service/orders/order_document.hpp"

namespace hazeguard::service {
using nlohmann::json;

namespace {
json optional_json(std::optional<std::string> const& text) { return text ? json(*text) : json(nullptr); }

json level_named(ViewContext const& views, std::optional<std::string> const& id) {
    return id && !id->empty() ? views.level(views.plan.rank(*id)) : json(nullptr);
}

json acknowledgement_json(ViewContext const& views, ports::Acknowledgement const& ack,
                          std::optional<engine::Instant> due) {
    return {{"at", views.local(ack.at)}, {"by", ack.by},   {"phone", ack.phone}, {"note", optional_json(ack.note)},
            {"channel", ack.channel},           {"late", engine::is_late(ack.at, due)}};
}

json plant_json(engine::Enterprise const& e) {
    json contacts = json::array();
    for (auto const& c : e.contacts) contacts.push_back({{"role", c.role}, {"name", c.name}, {"phone", c.phone}});
    return {{"credit_code", e.credit_code}, {"name", e.name},         {"district", e.district}, {"park", e.park},
            {"industry", e.industry},       {"grade", e.grade},       {"guarantee", e.guarantee}, {"contacts", contacts}};
}

}  // namespace

json order_view(ViewContext const& views, ports::OrderRecord const& order, ports::OrderDetails const& d,
                std::optional<std::int64_t> superseded_by, bool with_text, json const& basis) {
    bool const termination = order.kind == engine::OrderKind::termination;
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
              {"superseded_by", superseded_by ? json(*superseded_by) : json(nullptr)},
              {"in_force_until", views.local_or_null(order.replaced_from)},
              {"acknowledgement", d.acknowledgement ? acknowledgement_json(views, *d.acknowledgement, d.ack_due_at)
                                                    : json(nullptr)},
              {"execution", d.execution ? json::parse(*d.execution) : json(nullptr)},
              {"reminded_at", views.local_or_null(d.reminded_at)},
              {"escalated_at", views.local_or_null(d.escalated_at)},
              {"drill", views.drill}};
    // Sent ahead of its effective time (a change signed before its start): until then the order
    // it replaces still holds. A termination of an order that never took effect cancels it.
    view["advance_notice"] = d.issued_at < d.effective_from;
    if (termination)
        view["cancellation"] = d.superseded_effective_from && *d.superseded_effective_from > d.effective_from;
    auto const plant = views.enterprise(d.enterprise);
    view["enterprise"] = plant_json(plant);
    if (!termination) {
        auto const content = engine::select_order(views.plan, plant, d.level.value_or(""));
        json measures = json::array();
        for (auto const& m : content.measures) measures.push_back({{"text", m.text}, {"lines", m.lines}, {"action", m.action}});
        view["content"] = {{"source", content.source}, {"measures", measures}, {"transport", content.transport},
                           {"reductions_t_per_day", content.reductions_t_per_day}};
    }
    if (with_text) view["text_cn"] = page_text(order_page(views, view, basis, d));
    return view;
}

json acknowledgement_answer(ViewContext const& views, ports::OrderRecord const& order, ports::Acknowledgement const& ack,
                            std::optional<engine::Instant> due) {
    return {{"id", order.id},
            {"status", std::string(engine::to_string(order.status))},
            {"current", order.current()},
            {"acknowledgement", acknowledgement_json(views, ack, due)},
            {"drill", views.drill}};
}

}  // namespace hazeguard::service
