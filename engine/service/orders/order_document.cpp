#include "engine/service/orders/order_document.hpp"

#include <array>
#include <cstdio>
#include <string_view>
#include <utility>

#include "engine/time/document_time.hpp"

namespace hazeguard::service {
using nlohmann::json;

namespace {

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

/// "重污染天气黄色预警" / "不利气象条件应对" — a level as the documents name it; "" for none.
std::string level_words(ViewContext const& views, std::optional<std::string> const& id) {
    auto const rank = id && !id->empty() ? views.plan.rank(*id) : std::nullopt;
    if (!rank) return "";
    auto const& level = views.plan.level_at(*rank);
    auto const* w = views.plan.documents.level(*id);
    if (!w) return level.name_cn;
    return level.pre_stage ? w->warning_cn : "重污染天气" + w->warning_cn;
}

std::vector<std::string> measures_cn(engine::OrderContent const& content) {
    std::vector<std::string> out;
    for (auto const& m : content.measures) {
        std::string lines;
        for (auto const& l : m.lines) lines += (lines.empty() ? "" : "、") + l;
        out.push_back(without_trailing_punctuation(m.text) + (lines.empty() ? "" : "，涉及生产线：" + lines));
    }
    if (!content.transport.empty()) out.push_back("运输管控：" + without_trailing_punctuation(content.transport));
    return out;
}

/// "二氧化硫0.094吨、氮氧化物0.409吨" — only the pollutants it cuts; "" when it cuts none.
std::string reductions_cn(engine::OrderContent const& content) {
    std::string out;
    auto const& r = content.reductions_t_per_day;
    for (auto const& [code, name] : kPollutantsCn) {
        auto const it = r.find(code);
        double const t = it == r.end() ? 0.0 : it->second;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3f", t);
        if (std::string(buf) == "0.000") continue;
        out += (out.empty() ? "" : "、") + std::string(name) + buf + "吨";
    }
    return out;
}

std::string plant_line(engine::Enterprise const& e) {
    std::string out = "统一社会信用代码：" + e.credit_code + "；所在地：" + e.district + "；行业：" + e.industry +
                      "；绩效分级：" + e.grade;
    if (!e.guarantee.empty()) out += "；保障类别：" + e.guarantee;
    std::string contacts;
    for (auto const& c : e.contacts)
        contacts += (contacts.empty() ? "" : "；") + c.role + c.name + "，电话" + c.phone;
    return contacts.empty() ? out : out + "。联系人：" + contacts;
}

std::string number_of(std::int64_t id) { return "第" + std::to_string(id) + "号"; }

}  // namespace

json order_page(ViewContext const& views, OrderSheet const& order) {
    auto const& issuer = views.plan.documents.issuer_cn;
    auto const& d = order.details;
    auto const& e = order.plant;
    bool const termination = order.order.kind == engine::OrderKind::termination;
    bool const cancellation = termination && order.cancellation();
    engine::DocumentTimes times(views.offset_minutes);   // every time in reading order: the first carries the year
    auto const level = level_words(views, d.level);
    auto const previous = level_words(views, d.previous_level);
    auto const supersedes = order.order.supersedes ? number_of(*order.order.supersedes) : std::string();
    json paragraphs = json::array();
    auto const add = [&](std::string text) { paragraphs.push_back({{"text_cn", std::move(text)}, {"heading", 0}}); };
    std::string title, number, addressees;
    if (!termination) {
        title = "重污染天气应急减排指令（一厂一策）";
        number = "指令编号：" + number_of(order.order.id) + (supersedes.empty() ? "" : "（替代" + supersedes + "指令）");
        addressees = e.name;
        add(plant_line(e));
        std::string basis_cn = issuer + "发布的" + level;
        if (order.basis) {
            basis_cn = issuer + "《" + order.basis->title_cn + "》";
            if (order.basis->number_cn) basis_cn += "（" + *order.basis->number_cn + "）";
        }
        std::string const keeps = order.advance_notice() && !supersedes.empty()
                                      ? "；在此之前，继续执行" + supersedes + "指令规定的措施" : "";
        auto const content = order.content.value_or(engine::OrderContent{});
        if (content.source == "self_determined") {
            add("根据" + basis_cn + "，你单位绩效分级为" + e.grade + "，自" +
                times.start(d.effective_from) + "起自主采取减排措施，直至接到新的指令或解除通知" + keeps + "。你单位须做到：");
            add("1．污染治理设施正常运行，污染物稳定达标排放");
            add("2．如实记录生产和排放情况，留存用电量等台账备查");
        } else {
            add("根据" + basis_cn + "，你单位须自" + times.start(d.effective_from) +
                "起执行以下减排措施，直至接到新的指令或解除通知" + keeps + "：");
            int index = 0;
            for (auto const& m : measures_cn(content)) add(std::to_string(++index) + "．" + m);
            if (auto const r = reductions_cn(content); !r.empty()) add("预计日减排量：" + r);
        }
        if (d.ack_due_at && d.execution_due_at) {
            std::string due = "你单位须于" + times.start(*d.ack_due_at) + "前确认收到本指令，于";
            add(due + times.start(*d.execution_due_at) + "前报告执行情况（含生产线状态及用电量）。");
        }
    } else {
        std::string const what = cancellation ? "撤销" : "终止";
        title = "重污染天气应急减排指令" + what + "通知";
        number = "通知编号：" + number_of(order.order.id) + "（" + what + supersedes + "指令）";
        addressees = e.name + "（统一社会信用代码：" + e.credit_code + "）";
        std::string const none = level.empty() ? "" : "；" + level + "期间你单位无须采取减排措施";
        if (cancellation && d.superseded_effective_from)
            add("原定于" + times.start(*d.superseded_effective_from) + "起执行的" + previous + "减排指令（" + supersedes +
                "）撤销，不再执行" + none + "。");
        else
            add("自" + times.start(d.effective_from) + "起，你单位此前执行的" + previous + "减排指令（" + supersedes + "）终止" +
                none + "。请按正常生产秩序组织生产，污染治理设施须保持正常运行。");
        if (d.ack_due_at) add("你单位须于" + times.start(*d.ack_due_at) + "前确认收到本通知。");
    }
    return {{"drill", views.drill},
            {"mark_cn", issuer},
            {"number_cn", number},
            {"title_cn", title},
            {"addressees_cn", addressees},
            {"paragraphs", paragraphs},
            {"signature", json::array({issuer, engine::document_date_cn(d.issued_at, views.offset_minutes)})},
            {"note_cn", nullptr},
            {"colophon", json::array()}};
}

}  // namespace hazeguard::service
