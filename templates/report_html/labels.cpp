#include "templates/report_html/labels.hpp"

#include <initializer_list>
#include <string_view>
#include <utility>

#include "templates/report_html/format.hpp"

namespace hazeguard::templates::report_html {
namespace {
using Wording = std::initializer_list<std::pair<std::string_view, std::string_view>>;

std::string translate(json const& code, Wording wording) {
    if (!code.is_string()) return text(code);
    for (auto const& [from, to] : wording) {
        if (code.get_ref<std::string const&>() == from) return std::string(to);
    }
    return code.get<std::string>();
}
}  // namespace

std::optional<plans::Level> plan_level(plans::Plan const& plan, json const& level_id) {
    if (!level_id.is_string()) return std::nullopt;
    auto const rank = plan.rank(level_id.get<std::string>());
    if (!rank) return std::nullopt;
    return plan.level_at(*rank);
}

std::string level_name(plans::Plan const& plan, json const& level_id, std::string const& none_cn) {
    if (level_id.is_null() || level_id == "") return none_cn;
    auto const level = plan_level(plan, level_id);
    return level ? level->name_cn : text(level_id);
}

std::string rule_set_title(plans::Plan const& plan, json const& rule_set_id) {
    if (!rule_set_id.is_string()) return text(rule_set_id);
    auto const* rule_set = plan.rule_set(rule_set_id.get<std::string>());
    if (rule_set == nullptr) return rule_set_id.get<std::string>();
    return rule_set->title_cn + "（" + rule_set->source + "）";
}

std::string action_cn(json const& action) {
    return translate(action, {{"issue", "发布"}, {"upgrade", "升级"}, {"downgrade", "降级"}, {"extend", "延长"}, {"lift", "解除"}});
}

std::string proposal_status_cn(json const& status) {
    return translate(status, {{"approved", "已签发"}, {"rejected", "未批准"}, {"pending", "待签发"},
                              {"cancelled", "已撤回"}, {"superseded", "已被替代"}});
}

std::string timeline_kind_cn(json const& kind) {
    return translate(kind, {{"episode_opened", "过程开始"}, {"episode_closed", "过程结束"}, {"forecast", "预报会商"},
                            {"proposal", "审批单"}, {"signature", "签发"}, {"distribution", "分发"},
                            {"transition", "级别生效"}, {"directive", "上级指令"}, {"directive_lift", "上级解除"},
                            {"orders", "指令下达"}, {"orders_skipped", "未下达指令"}, {"ack_reminder", "签收提醒"},
                            {"ack_escalation", "签收督办"}, {"execution_overdue", "执行逾期"},
                            {"approval_overdue", "审批超时"}, {"scheduled", "定时安排"},
                            {"schedule_cancelled", "取消定时"}, {"planned_end", "计划结束"},
                            {"timer_refused", "定时未执行"}, {"list_import", "清单导入"},
                            {"extension_reminder", "延长提醒"}, {"notice_queued", "通知分发"},
                            {"notice_unsent", "通知未分发"}, {"ack_pre_reminder", "签收预提醒"},
                            {"orders_effective", "指令生效"}});
}

std::string verdict_cn(json const& verdict) {
    return translate(verdict, {{"ok", "适当"}, {"under", "偏低"}, {"over", "偏高"}});
}

std::string severity_cn(json const& severity) {
    return translate(severity, {{"high", "高"}, {"medium", "中"}, {"low", "低"}});
}

std::string on_time_cn(json const& on_time) {
    if (on_time.is_boolean()) return on_time.get<bool>() ? "按时" : "超时";
    return "未完成";
}

std::string tone_of_outcome(json const& outcome) {
    if (outcome.is_boolean()) return outcome.get<bool>() ? "good" : "bad";
    return "none";
}

std::string tone_of_verdict(json const& verdict) {
    if (verdict == "ok") return "good";
    if (verdict == "under") return "bad";
    if (verdict == "over") return "warn";
    return "none";
}

}  // namespace hazeguard::templates::report_html
