#include "engine/service/orders/order_view.hpp"

#include <array>
#include <cstdio>
#include <string_view>
#include <utility>

#include "engine/orders/order_content.hpp"
#include "engine/orders/order_lifecycle.hpp"
#include "engine/time/document_time.hpp"
#include "templates/renderer.hpp"

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

// The pollutants in the fixed order of Taiyuan's notices, by the names they go by there.
constexpr std::array<std::pair<char const*, char const*>, 4> kPollutantsCn = {
    {{"SO2", "二氧化硫"}, {"NOx", "氮氧化物"}, {"PM", "颗粒物"}, {"VOCs", "挥发性有机物"}}};

/// A measure as one numbered line: no closing punctuation (the list supplies the structure).
std::string without_trailing_punctuation(std::string text) {
    for (std::string_view const p : {"。", "；", "，", "、"})
        while (text.size() >= p.size() && text.compare(text.size() - p.size(), p.size(), p) == 0)
            text.erase(text.size() - p.size());
    while (!text.empty() && (text.back() == '.' || text.back() == ';' || text.back() == ',')) text.pop_back();
    return text;
}

/// "重污染天气黄色预警" / "不利气象条件应对" — a level as the documents name it.
std::string level_words(ViewContext const& views, json const& level) {
    if (level.is_null()) return "";
    auto const id = level.at("id").get<std::string>();
    auto const* w = views.plan.documents.level(id);
    if (!w) return level.at("name_cn").get<std::string>();
    return views.plan.level_at(*views.plan.rank(id)).pre_stage ? w->warning_cn : "重污染天气" + w->warning_cn;
}

json measures_cn(json const& content) {
    json out = json::array();
    auto add = [&](std::string text) {
        out.push_back({{"index", static_cast<int>(out.size()) + 1}, {"text_cn", without_trailing_punctuation(std::move(text))}});
    };
    for (auto const& m : content.at("measures")) {
        std::string lines;
        for (auto const& l : m.at("lines")) lines += (lines.empty() ? "" : "、") + l.get<std::string>();
        add(without_trailing_punctuation(m.at("text").get<std::string>()) + (lines.empty() ? "" : "，涉及生产线：" + lines));
    }
    if (auto const t = content.at("transport").get<std::string>(); !t.empty()) add("运输管控：" + t);
    return out;
}

/// "二氧化硫0.094吨、氮氧化物0.409吨" — only the pollutants it cuts; "" when it cuts none.
std::string reductions_cn(json const& content) {
    std::string out;
    auto const& r = content.at("reductions_t_per_day");
    for (auto const& [code, name] : kPollutantsCn) {
        double const t = r.contains(code) ? r.at(code).get<double>() : 0.0;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3f", t);
        if (std::string(buf) == "0.000") continue;
        out += (out.empty() ? "" : "、") + std::string(name) + buf + "吨";
    }
    return out;
}

std::string contacts_cn(json const& enterprise) {
    std::string out;
    for (auto const& c : enterprise.at("contacts"))
        out += (out.empty() ? "" : "；") + c.at("role").get<std::string>() + c.at("name").get<std::string>() + "，电话" +
               c.at("phone").get<std::string>();
    return out;
}

// What the Mustache templates of orders read besides the view itself: every time and name as the
// documents write them (templates/README.md).
json template_data(ViewContext const& views, json const& view, json const& basis, ports::OrderDetails const& d) {
    json data = view;
    engine::DocumentTimes times(views.offset_minutes);
    data["office_cn"] = views.plan.documents.issuer_cn;
    auto const level = level_words(views, view.at("level"));
    data["level_cn"] = level.empty() ? json(nullptr) : json(level);
    data["previous_level_cn"] = level_words(views, view.at("previous_level"));
    data["keeps_previous"] = view.at("advance_notice").get<bool>() && !view.at("supersedes").is_null();
    data["basis_cn"] = basis.is_null() ? views.plan.documents.issuer_cn + "发布的" + level
                                       : views.plan.documents.issuer_cn + "《" + basis.at("title_cn").get<std::string>() +
                                             "》（" + basis.at("number_cn").get<std::string>() + "）";
    // In reading order, so that the first time printed carries the year.
    bool const cancellation = view.value("cancellation", false);
    if (cancellation && d.superseded_effective_from) data["cancelled_from_cn"] = times.start(*d.superseded_effective_from);
    data["effective_from_cn"] = times.start(d.effective_from);
    if (!cancellation && d.superseded_effective_from) data["cancelled_from_cn"] = times.start(*d.superseded_effective_from);
    data["ack_due_cn"] = d.ack_due_at ? json(times.start(*d.ack_due_at)) : json(nullptr);
    data["execution_due_cn"] = d.execution_due_at ? json(times.start(*d.execution_due_at)) : json(nullptr);
    data["date_cn"] = engine::document_date_cn(d.issued_at, views.offset_minutes);
    data["contacts_cn"] = contacts_cn(view.at("enterprise"));
    if (view.at("enterprise").at("guarantee") == "") data["enterprise"]["guarantee"] = nullptr;
    if (view.contains("content")) {
        auto const& content = view.at("content");
        data["measures_cn"] = measures_cn(content);
        data["self_determined"] = content.at("source") == "self_determined";
        auto const reductions = reductions_cn(content);
        data["reductions_cn"] = reductions.empty() ? json(nullptr) : json(reductions);
    }
    return data;
}
}  // namespace

json order_template_data(ViewContext const& views, json const& view, json const& basis, ports::OrderDetails const& d) {
    return template_data(views, view, basis, d);
}

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
    if (with_text) view["text_cn"] = templates::render(termination ? "orders/termination" : "orders/order",
                                                       template_data(views, view, basis, d));
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
