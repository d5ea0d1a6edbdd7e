// Turning the machine's effects into timeline rows and episode records; firing due timers.
#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/service/error.hpp"
#include "engine/service/service.hpp"
#include "engine/service/service_tx.hpp"
#include "engine/storage/group_commit.hpp"
#include "templates/renderer.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

std::string sector_cn(std::string const& sector) {
    if (sector == "health") return "健康防护引导措施";
    if (sector == "advocacy") return "倡议性减排措施";
    if (sector == "industrial") return "强制性减排措施（工业源）";
    if (sector == "mobile") return "强制性减排措施（移动源）";
    if (sector == "dust") return "强制性减排措施（扬尘源）";
    return "其他措施";
}

std::string action_cn(std::string const& action) {
    if (action == "issue") return "发布";
    if (action == "upgrade") return "升级为";
    if (action == "downgrade") return "降级为";
    if (action == "extend") return "延长";
    if (action == "lift") return "解除";
    return action;
}
}  // namespace

void Service::link_episode(Tx& tx, int episode, std::string const& cause) {
    // Rows recorded before the episode existed (the proposal, its forecast, the directive) join it.
    std::vector<std::string> refs{cause};
    if (cause.rfind("proposal:", 0) == 0) {
        auto const id = cause.substr(9);
        SQLite::Statement q(tx.db, "SELECT forecast_id FROM proposals WHERE id = ?");
        q.bind(1, id);
        if (q.executeStep() && !q.getColumn(0).isNull()) refs.push_back("forecast:" + q.getColumn(0).getString());
        tx.db.exec("UPDATE proposals SET episode_id = " + std::to_string(episode) + " WHERE id = " + id +
                   " AND episode_id IS NULL");
    }
    // Timeline rows are hash-chained and never updated: the episode adopts them by a link.
    for (auto const& r : refs) {
        SQLite::Statement u(tx.db, "INSERT OR IGNORE INTO timeline_links(timeline_id, episode_id) "
                                   "SELECT id, ? FROM timeline WHERE ref = ? AND episode_id IS NULL");
        u.bind(1, episode);
        u.bind(2, r);
        u.exec();
    }
}

void Service::record_effects(Tx& tx, std::vector<engine::Effect> const& effects, std::optional<int> episode,
                             std::string const& actor) {
    auto name = [&](std::optional<int> rank) { return rank ? plan_.level_at(*rank).name_cn : std::string("无预警"); };
    auto id_of = [&](std::optional<int> rank) { return rank ? json(plan_.level_at(*rank).id) : json(nullptr); };
    for (auto const& effect : effects) {
        std::visit(Overloaded{
                       [&](engine::ChangeScheduled const& e) {
                           timeline(tx, episode, e.cause, tx.now, "scheduled", actor,
                                    "已批准" + action_cn(e.action) + (e.level ? name(e.level) : "") + "，定于" +
                                        local(e.start_at) + "生效",
                                    {{"action", e.action}, {"level", id_of(e.level)}, {"start_at", local(e.start_at)}});
                       },
                       [&](engine::ScheduleCancelled const& e) {
                           timeline(tx, episode, e.cause, tx.now, "schedule_cancelled", actor,
                                    "已排定的" + action_cn(e.action) + "取消", {{"action", e.action}});
                       },
                       [&](engine::PlannedEndChanged const& e) {
                           timeline(tx, episode, e.cause, tx.now, "planned_end", actor,
                                    e.end_at ? "计划结束时间：" + local(*e.end_at) : "解除时间另行通知（不设结束时间）",
                                    {{"end_at", local_or_null(e.end_at)}});
                       },
                       [&](engine::EpisodeOpened const& e) {
                           episode = e.episode;
                           if (e.reopened) {
                               tx.db.exec("UPDATE episodes SET closed_at = NULL WHERE id = " + std::to_string(e.episode));
                           } else {
                               SQLite::Statement q(tx.db, "INSERT INTO episodes(id, opened_at, plan_version, rule_set, "
                                                          "drill, peak_level) VALUES (?, ?, ?, ?, ?, '')");
                               q.bind(1, e.episode);
                               q.bind(2, e.at);
                               q.bind(3, plan_.version);
                               q.bind(4, plan_.default_rule_set);
                               q.bind(5, options_.drill ? 1 : 0);
                               q.exec();
                               // The episode keeps the list version current when it opened.
                               if (auto lv = current_list_version())
                                   tx.db.exec("UPDATE episodes SET list_version = " + std::to_string(*lv) +
                                              " WHERE id = " + std::to_string(e.episode));
                           }
                           timeline(tx, episode, "episode:" + std::to_string(e.episode), e.at, "episode_opened", actor,
                                    e.reopened ? "距上次过程结束不足" + std::to_string(plan_.episode_merge_hours) +
                                                     "小时，并入同一污染过程"
                                               : "污染过程开始",
                                    {{"episode_id", e.episode}, {"reopened", e.reopened}});
                       },
                       [&](engine::LevelChanged const& e) {
                           if (!e.from && episode) link_episode(tx, *episode, e.cause);
                           timeline(tx, episode, e.cause, e.at, "transition", actor,
                                    name(e.from) + " → " + name(e.to) + "（" + e.action + "）",
                                    {{"from", id_of(e.from)}, {"to", id_of(e.to)}, {"action", e.action},
                                     {"cause", e.cause}});
                           if (episode) fan_out(tx, *episode, e);
                           if (e.to && episode) {
                               SQLite::Statement q(tx.db, "SELECT peak_level FROM episodes WHERE id = ?");
                               q.bind(1, *episode);
                               q.executeStep();
                               auto const peak = plan_.rank(q.getColumn(0).getString());
                               if (!peak || *e.to > *peak)
                                   tx.db.exec("UPDATE episodes SET peak_level = '" + plan_.level_at(*e.to).id +
                                              "' WHERE id = " + std::to_string(*episode));
                           }
                       },
                       [&](engine::EpisodeClosed const& e) {
                           tx.db.exec("UPDATE episodes SET closed_at = " + std::to_string(e.at) +
                                      " WHERE id = " + std::to_string(e.episode));
                           timeline(tx, e.episode, "episode:" + std::to_string(e.episode), e.at, "episode_closed",
                                    actor, "预警解除，污染过程结束", {{"episode_id", e.episode}});
                           episode.reset();
                       }},
                   effect);
    }
}

bool Service::fire_one(ports::Store& store, Instant until) {
    SQLite::Statement q(conn(), "SELECT id, kind, ref, due_at FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL "
                              "AND due_at <= ? ORDER BY due_at, id LIMIT 1");
    q.bind(1, until);
    if (!q.executeStep()) return false;
    auto const id = q.getColumn(0).getInt64();
    auto const kind = q.getColumn(1).getString();
    auto const ref = q.getColumn(2).getString();
    Instant const due = q.getColumn(3).getInt64();
    q.reset();
    Tx tx{conn(), real_now(), due, store};  // what a timer does happens at its due instant, whenever it runs
    conn().exec("UPDATE timers SET fired_at = " + std::to_string(tx.real_now) + " WHERE id = " + std::to_string(id));
    auto const episode = load_machine().state().episode;
    try {
        if (kind == "start") handle(tx, engine::StartDue{due}, "system");
        else if (kind == "end") handle(tx, engine::EndDue{due}, "system");
        else if (kind == "directive_start") start_directive(tx, std::stoll(ref.substr(10)), due);
        else if (kind == "directive_end") end_directive(tx, std::stoll(ref.substr(10)), due);
        else if (kind == "ack_due" || kind == "ack_escalation" || kind == "execution_due")
            fire_batch_timer(tx, kind, std::stoll(ref.substr(6)), due);
        else if (kind == "approval_due") {
            SQLite::Statement p(conn(), "SELECT status FROM proposals WHERE id = ?");
            p.bind(1, static_cast<std::int64_t>(std::stoll(ref.substr(9))));
            if (p.executeStep() && p.getColumn(0).getString() == "pending")
                timeline(tx, episode, ref, due, "approval_overdue", "system",
                         "审批单" + ref + "超过签发时限（" + std::to_string(plan_.time_limits.signature_hours) +
                             "小时）仍未签发",
                         {{"proposal", ref}});
        }
    } catch (Error const& p) {
        // A timer the machine no longer accepts is recorded, never retried in a loop.
        timeline(tx, episode, ref, due, "timer_refused", "system", "定时事件未执行：" + p.detail, {{"kind", kind}});
    }
    return true;
}

int Service::fire_due_timers() {
    int fired = 0;
    Instant const t = now();
    // One timer per job: each is marked fired in the same transaction as what it did.
    try {
        for (bool more = true; more; fired += more ? 1 : 0)
            transactions_->write([&](ports::Store& store) { more = fire_one(store, t); });
    } catch (Error const& e) {
        if (e.code == Errc::storage_unavailable) runner_->mark_storage_failed();  // the timer fires on a later try
        throw;
    }
    return fired;
}

std::string Service::notice_basis(json const& proposal) {
    std::string basis = "根据" + plan_.name_cn + "（" + plan_.version + "）";
    if (!proposal.at("forecast_id").is_null()) {
        SQLite::Statement q(conn(), "SELECT assessment FROM forecasts WHERE id = ?");
        q.bind(1, proposal.at("forecast_id").get<std::int64_t>());
        if (q.executeStep())
            return basis + "及预报会商结果：" + json::parse(q.getColumn(0).getString()).at("explanation_cn").get<std::string>();
    }
    if (!proposal.at("directive_id").is_null())
        return basis + "及区域预警指令（" + directive_view(proposal.at("directive_id").get<std::int64_t>())
                                              .at("reference").get<std::string>() + "）。";
    return basis + "及会商意见。";
}

std::string Service::render_notice(std::int64_t proposal_id, Instant signed_at, Principal const& signer) {
    auto const p = proposal_view(proposal_id);
    auto const state = load_machine().state();
    auto const action = p.at("action").get<std::string>();
    std::optional<int> rank = state.level;
    if (!p.at("level").is_null()) rank = plan_.rank(p.at("level").at("id").get<std::string>());
    std::string const level_cn = rank ? plan_.level_at(*rank).name_cn : "";
    auto const* authority = plan_.authority(signer.authority);
    json measures = json::array();
    if (rank && action != "lift")
        for (auto const& m : plan_.public_measures)
            if (m.level == plan_.level_at(*rank).id)
                measures.push_back({{"index", std::to_string(measures.size() + 1)}, {"sector_cn", sector_cn(m.sector)},
                                    {"text_cn", m.text_cn}});
    json data{{"office_cn", plan_.city_cn + "重污染天气应急指挥部办公室"},
              {"action_cn", action_cn(action)},
              {"level_cn", level_cn},
              {"basis_cn", notice_basis(p)},
              {"authority_cn", (authority ? authority->name_cn : signer.authority) + "（" + signer.name + "）"},
              {"decision_cn", "决定" + action_cn(action) + level_cn},
              {"start_local", p.at("start_at")},
              {"end_local", p.at("end_at")},
              {"open_ended", p.at("open_ended")},
              {"has_measures", !measures.empty()},
              {"measures", measures},
              {"consultation_note", p.at("consultation_note")},
              {"signed_local", local(signed_at)},
              {"plan_version", plan_.version},
              {"proposal_id", std::to_string(proposal_id)},
              {"drill", options_.drill}};
    return templates::render("notices/warning_notice", data);
}

}  // namespace hazeguard::service
