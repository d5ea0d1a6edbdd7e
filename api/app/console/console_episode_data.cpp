// The episode pages' data from the services' views (through console_data).
#include "api/app/console/console_episode_data.hpp"

#include <algorithm>
#include <cctype>

#include "api/app/console/console_data.hpp"
#include "api/app/console/console_view.hpp"
#include "api/app/route.hpp"
#include "engine/service/warnings/wording.hpp"
#include "templates/console_assets.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

std::string order_status_cn(std::string const& status) {
    if (status == "sent") return "未签收";
    if (status == "acknowledged") return "已签收";
    if (status == "executed") return "已报告执行";
    return status;
}

int percent(std::int64_t part, std::int64_t whole) {
    return whole <= 0 ? 0 : static_cast<int>((part * 100 + whole / 2) / whole);
}

// One row of a progress table: its counts and the stacked bar's widths (of 100).
json tally_row(std::string const& name, json const& t) {
    auto const n = [&](char const* k) { return t.value(k, std::int64_t{0}); };
    auto const total = n("total"), executed = n("executed"), acknowledged = n("acknowledged");
    int const exec_w = percent(executed, total), ack_w = percent(executed + acknowledged, total) - exec_w;
    return {{"name", name}, {"total", total}, {"sent", n("sent")}, {"acknowledged", acknowledged + executed},
            {"executed", executed}, {"ack_overdue", n("ack_overdue")}, {"late", n("acknowledged_late")},
            {"share", percent(executed + acknowledged, total)}, {"exec_w", exec_w}, {"ack_w", ack_w}, {"ack_x", exec_w}};
}

json table_of(json const& by) {
    json rows = json::array();
    if (by.is_object())
        for (auto const& [name, t] : by.items()) rows.push_back(tally_row(name, t));
    return rows;
}

// The districts' tile cartogram (templates/console/assets/taiyuan-tiles.json), each tile coloured
// by its plants' acknowledgement share in five steps.
json district_map(json const& by_district) {
    static json const kTiles = json::parse(templates::console_assets().at("taiyuan-tiles.json").body);
    constexpr int kW = 100, kH = 60, kGap = 6;
    json tiles = json::array();
    for (auto const& tile : kTiles.at("tiles")) {
        auto const name = tile.at("district").get<std::string>();
        int const x = tile.at("col").get<int>() * (kW + kGap), y = tile.at("row").get<int>() * (kH + kGap);
        json const t = by_district.contains(name) ? by_district.at(name) : json(nullptr);
        auto const total = t.is_object() ? t.value("total", std::int64_t{0}) : 0;
        int const share = t.is_object() ? percent(t.value("acknowledged", std::int64_t{0}) + t.value("executed", std::int64_t{0}), total) : 0;
        tiles.push_back({{"district", name}, {"x", x}, {"y", y}, {"cx", x + kW / 2}, {"ny", y + 26}, {"sy", y + 46},
                         {"cls", total == 0 ? std::string("tn") : "t" + std::to_string(std::min(share / 20, 4))},
                         {"share_cn", total == 0 ? std::string("无企业") : std::to_string(share) + "%"}});
    }
    return {{"width", kTiles.at("columns").get<int>() * (kW + kGap)}, {"height", kTiles.at("rows").get<int>() * (kH + kGap)},
            {"tiles", tiles}};
}

json choice_list(json const& values, std::optional<std::string> const& chosen) {
    json out = json::array();
    for (auto const& v : values) {
        auto const value = v.is_object() ? v.at("value").get<std::string>() : v.get<std::string>();
        auto const label = v.is_object() ? v.at("label").get<std::string>() : value;
        out.push_back({{"value", value}, {"label", label}, {"selected", chosen && *chosen == value}});
    }
    return out;
}

// "?district=…&status=…" of a filter, for the CSV and the next page.
std::string query_of(service::OrderFilter const& f) {
    std::string q;
    auto const add = [&](char const* name, std::optional<std::string> const& v) {
        if (v) q += std::string(q.empty() ? "?" : "&") + name + "=" + percent_encode(*v);
    };
    add("district", f.district);
    add("industry", f.industry);
    add("grade", f.grade);
    add("status", f.status);
    add("overdue", f.overdue);
    if (f.reached) add("reached", std::string(*f.reached ? "true" : "false"));
    return q;
}

std::string csv_cell(std::string v) {
    if (!v.empty() && std::string("=+-@").find(v.front()) != std::string::npos) v = "'" + v;  // no formulas
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string out = "\"";
    for (char ch : v) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

/// How far the order got through its best channel (短信/推送), as the duty room says it.
std::string delivery_cn(json const& delivery) {
    if (!delivery.is_object()) return "未发送";
    auto const channel = delivery.value("channel", "") == "sms" ? "短信" : "推送";
    auto const state = delivery.value("state", "");
    if (state == "delivered") return std::string(channel) + "已送达";
    if (state == "sent") return std::string(channel) + "已发出，未回执";
    if (state == "queued") return std::string(channel) + "待发送";
    return std::string(channel) + "发送失败";
}

json order_row(json const& o) {
    auto const& e = o.at("enterprise");
    auto const& ack = o.at("acknowledgement");
    return {{"id", o.at("id")}, {"enterprise", e.value("name", "")}, {"credit_code", e.value("credit_code", "")},
            {"district", e.value("district", "")}, {"industry", e.value("industry", "")}, {"grade", e.value("grade", "")},
            {"status_cn", order_status_cn(o.value("status", ""))},
            {"ack_by", ack.is_object() ? ack.value("by", "") : ""},
            {"ack_cn", ack.is_object() ? time_cn(ack.at("at")) : ""},
            {"late", ack.is_object() && ack.value("late", false)},
            {"delivery_cn", delivery_cn(o.at("delivery"))}};
}

}  // namespace

service::OrderFilter episode_filter(RouteMatch const& match) {
    service::OrderFilter f;
    auto const chosen = [&](char const* name) {
        auto v = match.query(name);
        return v && !v->empty() ? v : std::nullopt;
    };
    f.district = chosen("district");
    f.industry = chosen("industry");
    f.grade = chosen("grade");
    if (auto s = chosen("status"); s && (*s == "sent" || *s == "acknowledged" || *s == "executed")) f.status = s;
    if (auto o = chosen("overdue"); o && (*o == "ack" || *o == "execution")) f.overdue = o;
    if (auto r = chosen("reached"); r && (*r == "true" || *r == "false")) f.reached = *r == "true";
    if (auto a = chosen("after"); a && a->size() < 19 && a->find_first_not_of("0123456789") == std::string::npos) f.after = std::stoll(*a);
    f.limit = 50;
    return f;
}

json episodes_data(service::Service& s) {
    json items = json::array();
    auto const all = console_data::episodes(s);  // kept alive: the loop reads into it
    for (auto const& e : all.at("items"))
        items.push_back({{"id", e.at("id")}, {"opened_cn", time_cn(e.at("opened_at"))},
                         {"closed_cn", e.at("closed_at").is_null() ? json("进行中") : json(time_cn(e.at("closed_at")))},
                         {"peak_cn", e.at("peak_level").is_object() ? e.at("peak_level").value("name_cn", "") : ""}});
    return {{"episodes", items}, {"has_episodes", !items.empty()}};
}

json progress_data(service::Service& s, std::int64_t episode) {
    auto const p = console_data::progress(s, episode);
    json data{{"episode", episode}, {"now_cn", time_cn(p.at("now"))}, {"has_batch", !p.at("current_batch").is_null()}};
    if (p.at("current_batch").is_null()) return data;
    auto const& batch = p.at("batches").back();
    data["batch"] = {{"id", batch.at("id")}, {"issued_cn", time_cn(batch.at("issued_at"))},
                     {"effective_cn", time_cn(batch.at("effective_from"))}, {"ack_due_cn", time_cn(batch.at("ack_due_at"))}};
    data["all"] = tally_row("全市", p.at("counts"));
    data["delivery"] = p.at("delivery");
    data["by_district"] = table_of(p.at("by_district"));
    data["map"] = district_map(p.at("by_district"));
    data["by_industry"] = table_of(p.at("by_industry"));
    data["by_grade"] = table_of(p.at("by_grade"));
    json escalations = json::array();
    for (auto const& e : p.value("escalations", json::array()))
        escalations.push_back({{"district", e.at("district")}, {"count", e.at("count")}, {"at_cn", time_cn(e.at("at"))}});
    data["escalations"] = escalations;
    data["has_escalations"] = !escalations.empty();
    return data;
}

json episode_data(service::Service& s, std::int64_t episode, RouteMatch const& match) {
    auto const e = console_data::episode(s, episode);
    auto const filter = episode_filter(match);
    json timeline = json::array();
    for (auto const& t : e.value("timeline", json::array()))
        timeline.push_back({{"at_cn", time_cn(t.at("at"))}, {"actor", service::actor_cn(t.value("actor", ""))}, {"summary_cn", t.value("summary_cn", "")}});
    auto const listing = console_data::episode_orders(s, episode, filter);
    json orders = json::array();
    for (auto const& o : listing.at("items")) orders.push_back(order_row(o));
    auto const choices = console_data::plan_choices(s);
    json const statuses = json::array({{{"value", "sent"}, {"label", "未签收"}}, {{"value", "acknowledged"}, {"label", "已签收"}},
                                       {{"value", "executed"}, {"label", "已报告执行"}}});
    json const overdue = json::array({{{"value", "ack"}, {"label", "签收逾期"}}, {{"value", "execution"}, {"label", "执行报告逾期"}}});
    json const reached = json::array({{{"value", "true"}, {"label", "已送达"}}, {{"value", "false"}, {"label", "未送达"}}});
    auto const query = query_of(filter);
    auto const next = listing.value("next_cursor", json(nullptr));
    return {{"id", episode},
            {"opened_cn", time_cn(e.at("opened_at"))},
            {"closed_cn", e.at("closed_at").is_null() ? json(nullptr) : json(time_cn(e.at("closed_at")))},
            {"peak_cn", e.at("peak_level").is_object() ? e.at("peak_level").value("name_cn", "") : ""},
            {"timeline", timeline},
            {"orders", orders},
            {"has_orders", !orders.empty()},
            {"districts", choice_list(choices.at("districts"), filter.district)},
            {"industries", choice_list(choices.at("industries"), filter.industry)},
            {"grades", choice_list(choices.at("grades"), filter.grade)},
            {"statuses", choice_list(statuses, filter.status)},
            {"overdues", choice_list(overdue, filter.overdue)},
            {"reacheds", choice_list(reached, filter.reached ? std::optional<std::string>(*filter.reached ? "true" : "false")
                                                           : std::nullopt)},
            {"csv", "/episodes/" + std::to_string(episode) + "/orders.csv" + query},
            {"next", next.is_null() ? json(nullptr)
                                    : json("/episodes/" + std::to_string(episode) + query + (query.empty() ? "?" : "&") +
                                           "after=" + next.get<std::string>() + "#orders")}};
}

std::string orders_csv(service::Service& s, std::int64_t episode, service::OrderFilter filter) {
    std::string out = "\xEF\xBB\xBF指令编号,企业名称,统一社会信用代码,区县,行业,绩效等级,状态,签收人,签收时间,逾期签收\r\n";
    filter.limit = 1000;
    filter.after = 0;
    for (;;) {
        auto const page = console_data::episode_orders(s, episode, filter);
        for (auto const& o : page.at("items")) {
            auto const r = order_row(o);
            out += std::to_string(r.at("id").get<std::int64_t>());
            for (char const* k : {"enterprise", "credit_code", "district", "industry", "grade", "status_cn", "ack_by", "ack_cn"})
                out += "," + csv_cell(r.at(k).get<std::string>());
            out += std::string(",") + (r.at("late").get<bool>() ? "是" : "否") + "\r\n";
        }
        auto const next = page.value("next_cursor", json(nullptr));
        if (next.is_null()) return out;
        filter.after = std::stoll(next.get<std::string>());
    }
}

}  // namespace hazeguard::api
