#include "engine/report/detail/sections.hpp"

#include <string_view>

#include "engine/domain/words_cn.hpp"

namespace hazeguard::engine::report::detail {
namespace {

/// The reduction pollutants as Taiyuan's notices name them.
std::string pollutant_name_cn(std::string const& code) {
    if (code == "SO2") return "二氧化硫";
    if (code == "NOx") return "氮氧化物";
    if (code == "PM") return "颗粒物";
    if (code == "VOCs") return "挥发性有机物";
    return code;
}

// Builds the findings list from the finished sections of the report.
class Findings {
public:
    Findings(ReportContext const& ctx, json const& report) : ctx_(ctx), report_(report) {}

    json build() {
        proposals();
        onset();
        directives();
        level_runs();
        forecast_misses();
        orders();
        reductions();
        return std::move(out_);
    }

private:
    ReportContext const& ctx_;
    json const& report_;
    json out_ = json::array();

    void add(char const* code, char const* severity, std::string text, std::vector<std::string> evidence) {
        out_.push_back(
            {{"code", code}, {"severity", severity}, {"text_cn", std::move(text)}, {"evidence", std::move(evidence)}});
    }

    // "12月15日08:00" for an RFC 3339 member of the report.
    std::string when(json const& rfc3339) const {
        return ctx_.time_cn(parse_rfc3339(rfc3339.get<std::string>()).value_or(0));
    }
    // "12月15日" for a local date member of the report.
    std::string day(json const& date) const {
        return format_local_date_cn(parse_local_date(date.get<std::string>(), ctx_.offset_minutes).value_or(0),
                                    ctx_.offset_minutes);
    }
    std::string level(json const& id) const {
        return id.is_null() ? std::string("无预警") : ctx_.level_name_cn(id.get<std::string>());
    }
    static std::string number(json const& value) { return decimal(value.get<double>()); }
    static std::string pointer(std::string_view base, std::size_t index) {
        return std::string(base) + "/" + std::to_string(index);
    }

    static std::string_view action_cn(std::string const& action) {
        if (action == "issue") return "发布";
        if (action == "upgrade") return "升级";
        if (action == "downgrade") return "降级";
        if (action == "extend") return "延长";
        if (action == "lift") return "解除";
        return action;
    }

    void proposals() {
        struct Step {
            char const* member;
            char const* code;
            char const* done_cn;     // what happened at "at"
            char const* counted_cn;  // what the time limit counts from
        };
        static constexpr Step steps[] = {{"form", "form_late", "审批表完成", "会商结束后"},
                                         {"signature", "signature_late", "签发", "审批表完成后"},
                                         {"distribution", "distribution_late", "印发各部门", "签发后"}};
        auto const& list = report_.at("timeliness").at("proposals");
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto const& p = list[i];
            std::string label = engine::ref_cn(p.at("ref").get<std::string>()) + "（" +
                                std::string(action_cn(p.at("action").get<std::string>()));
            if (!p.at("level").is_null()) label += level(p.at("level"));
            label += "）";
            for (auto const& s : steps) {
                auto const& step = p.at(s.member);
                if (step.at("on_time") != false) continue;
                auto const late = parse_rfc3339(step.at("at").get<std::string>()).value_or(0) -
                                  parse_rfc3339(step.at("due_at").get<std::string>()).value_or(0);
                add(s.code, "medium",
                    label + "：" + when(step.at("at")) + s.done_cn + "，超过时限" + when(step.at("due_at")) + "（" +
                        s.counted_cn + std::to_string(step.at("limit_hours").get<int>()) + "小时内），超时" +
                        decimal(static_cast<double>(late) / kHour) + "小时。",
                    {pointer("/timeliness/proposals", i) + "/" + s.member});
            }
            proposal_rules(p, label, pointer("/timeliness/proposals", i));
        }
    }

    // Deviation needs a reason; a warning the plan wants announced ahead should be (domain §4.4).
    void proposal_rules(json const& p, std::string const& label, std::string const& at) {
        if (auto const& d = p.at("deviation"); !d.is_null()) {
            auto const& why = d.at("justification").get<std::string>();
            add("level_deviation", why.empty() ? "high" : "low",
                label + "：级别与预报评估建议（" + level(d.at("recommended_level")) + "）不一致，" +
                    (why.empty() ? std::string("未说明理由。") : "理由：" + why + (why.ends_with("。") ? "" : "。")),
                {at + "/deviation"});
        }
        if (auto const& n = p.at("advance_notice"); !n.is_null() && n.at("short") == true)
            add("short_notice", "medium",
                label + "：签发后" + number(n.at("hours")) + "小时即生效，少于预案要求的提前" +
                    std::to_string(n.at("required_hours").get<int>()) + "小时发布。",
                {at + "/advance_notice"});
    }

    void onset() {
        auto const& list = report_.at("timeliness").at("onset");
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto const& c = list[i];
            if (c.at("warned_first") != false) continue;
            add("onset_after_pollution", "high",
                "首个小时AQI＞" + std::to_string(c.at("aqi_above").get<int>()) + "出现在" +
                    when(c.at("first_hour_above")) + "，" + level(c.at("level")) + "或更高级别于" +
                    when(c.at("level_start")) + "才生效，晚" + decimal(-c.at("lead_hours").get<double>()) + "小时。",
                {pointer("/timeliness/onset", i)});
        }
    }

    void directives() {
        auto const& list = report_.at("timeliness").at("directives");
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto const& d = list[i];
            std::string const head = engine::directive_issuer_cn(d.at("issuer").get<std::string>()) + "指令" + d.at("reference").get<std::string>() +
                                     "要求自" + when(d.at("start_at")) + "启动" + level(d.at("level"));
            if (d.at("lag_hours").is_null())
                add("directive_not_followed", "high", head + "，本市未自行审批启动同级或更高级别预警。",
                    {pointer("/timeliness/directives", i)});
            else if (d.at("lag_hours").get<double>() > 0)
                add("directive_lag", "high",
                    head + "，本市同级或更高级别预警于" + when(d.at("local_start_at")) + "生效，滞后" +
                        number(d.at("lag_hours")) + "小时。",
                    {pointer("/timeliness/directives", i)});
        }
    }

    void level_runs() {
        auto const& section = report_.at("level_appropriateness");
        auto const& runs = section.at("runs");
        std::string const rules = ctx_.rules ? "《" + ctx_.rules->title_cn + "》" : std::string("预警分级标准");
        for (std::size_t i = 0; i < runs.size(); ++i) {
            auto const& r = runs[i];
            std::string span = day(r.at("from"));
            if (r.at("from") != r.at("to")) span += "至" + day(r.at("to"));
            span += "（" + std::to_string(r.at("days").get<int>()) + "天）";
            bool const under = r.at("verdict") == "under";
            add(under ? "under_warned" : "over_warned", under ? "high" : "medium",
                span + "：按" + rules + "，实测日均AQI对应" + level(r.at("justified")) + "，实际执行" +
                    level(r.at("in_force")) + "，预警级别" + (under ? "偏低。" : "偏高。"),
                {pointer("/level_appropriateness/runs", i),
                 pointer("/level_appropriateness/days", r.at("first_day").get<std::size_t>())});
        }
    }

    void forecast_misses() {
        auto const& days = report_.at("forecast_performance").at("days");
        for (std::size_t i = 0; i < days.size(); ++i) {
            auto const& d = days[i];
            if (d.at("hit") != false) continue;
            add("forecast_category_miss", "low",
                day(d.at("date")) + "：" + engine::ref_cn(d.at("forecast_ref").get<std::string>()) + "（提前" +
                    std::to_string(d.at("lead_days").get<int>()) + "天）预报AQI " +
                    std::to_string(d.at("forecast").get<int>()) + "（" +
                    d.at("category_forecast_cn").get<std::string>() + "），实测" +
                    std::to_string(d.at("observed").get<int>()) + "（" +
                    d.at("category_observed_cn").get<std::string>() + "），类别未命中。",
                {pointer("/forecast_performance/days", i)});
        }
    }

    void orders() {
        auto const& totals = report_.at("orders").at("totals");
        struct Count {
            char const* member;  // the tally member, also the finding's code
            char const* severity;
            char const* text;
            char const* list;  // an extra evidence pointer, or nullptr
        };
        static constexpr Count counts[] = {
            {"never_acknowledged", "high", "份减排指令至签收时限未签收，且未被后续指令替代。",
             "/orders/never_acknowledged"},
            {"acknowledged_late", "medium", "份减排指令超过签收时限才签收。", nullptr},
            {"execution_missing", "high", "份减排指令未报送执行情况。", nullptr},
            {"executed_late", "medium", "份减排指令超过时限才报送执行情况。", nullptr},
            {"escalated", "medium", "份减排指令因逾期未签收被上报督办。", nullptr},
        };
        for (auto const& c : counts) {
            auto const n = totals.at(c.member).get<std::int64_t>();
            if (n == 0) continue;
            std::vector<std::string> evidence{std::string("/orders/totals/") + c.member};
            if (c.list) evidence.emplace_back(c.list);
            add(c.member, c.severity, std::to_string(n) + c.text, std::move(evidence));
        }
    }

    void reductions() {
        auto const& batches = report_.at("reductions").at("by_batch");
        for (std::size_t i = 0; i < batches.size(); ++i) {
            auto const& b = batches[i];
            for (auto const& [pollutant, meets] : b.at("meets_target").items()) {
                if (meets.get<bool>()) continue;
                add("reduction_below_target", "high",
                    engine::ref_cn(b.at("ref").get<std::string>()) + "（" + level(b.at("level")) + "）" + pollutant_name_cn(pollutant) + "计划减排" +
                        number(b.at("planned_t_per_day").at(pollutant)) + "吨/日，低于目标" +
                        number(b.at("required_t_per_day").at(pollutant)) + "吨/日（全市基准排放的" +
                        decimal(b.at("target_share").at(pollutant).get<double>() * 100) + "%）。",
                    {pointer("/reductions/by_batch", i) + "/meets_target/" + pollutant});
            }
        }
        auto const& electricity = report_.at("reductions").at("electricity");
        if (auto const n = electricity.at("short").get<std::int64_t>(); n > 0)
            add("electricity_short", "medium",
                std::to_string(n) + "份执行报告的用电量降幅低于计划减排比例（容差" +
                    decimal(electricity.at("tolerance").get<double>() * 100) + "%），需现场核查。",
                {"/reductions/electricity/short", "/reductions/electricity/rows"});
    }
};

}  // namespace

json findings_section(ReportContext const& ctx, json const& report) { return Findings(ctx, report).build(); }

}  // namespace hazeguard::engine::report::detail
