#include "engine/service/orders/order_issuer.hpp"

#include "engine/delivery/sms_text.hpp"
#include "engine/domain/ref.hpp"
#include "engine/orders/order_lifecycle.hpp"
#include "engine/service/timeline.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
constexpr int kEscalatedPlantsListed = 200;
}  // namespace

std::string OrderIssuer::pollutant_path(ports::Store& store, std::string const& cause) const {
    auto const ref = engine::parse_ref(cause);
    if (!ref || !ref->is(engine::Ref::Kind::proposal)) return "full_response";
    auto const proposal = store.proposals().find(ref->id);
    if (!proposal || !proposal->forecast_id) return "full_response";
    auto const forecast = store.forecasts().find(*proposal->forecast_id);
    if (!forecast) return "full_response";
    auto const path = json::parse(forecast->assessment).value("pollutant_path", "full_response");
    return path == "health_advisory" ? path : "full_response";
}

void OrderIssuer::fan_out(Tx& tx, int episode, engine::LevelChanged const& e) {
    auto const& plan = views_.plan;
    auto& batches = tx.store.batches();
    auto const list_version = batches.episode_list_version(episode);
    if (auto const advance = batches.advance(e.cause); advance && advance->latest) {
        std::optional<std::string> const level = e.to ? std::optional(plan.level_at(*e.to).id) : std::nullopt;
        if (advance->episode == episode && advance->level == level && advance->list_version == list_version) {
            record(tx.store, plan.version,
                   {episode, engine::to_string(engine::Ref::batch(advance->id)), e.at, "orders_effective", "system",
                    level ? "预先下达的" + plan.level_at(*e.to).name_cn + "减排指令开始执行" : std::string("预先下达的终止通知生效"),
                    {{"batch_id", advance->id}}});
            return;
        }
        // Announced for another episode than the one the start opened: withdrawn there.
        if (advance->episode != episode) replace_advance(tx, *advance, std::nullopt, e.cause);
    }
    issue(tx, {episode, e.from, e.to, e.cause, e.at, e.at}, list_version, false);
}

void OrderIssuer::announce(Tx& tx, engine::ChangeScheduled const& e) {
    if (!e.episode || e.start_at <= tx.now) return;  // starting at once: its orders go out at the start
    std::optional<std::int64_t> list_version;
    if (tx.store.episodes().find(*e.episode)) list_version = tx.store.batches().episode_list_version(*e.episode);
    else list_version = lists_.current_version(tx.store);  // the version the episode will open with
    if (!list_version) return;  // the start records why no orders went out
    issue(tx, {*e.episode, e.in_force_now, e.in_force_after, e.cause, e.start_at, tx.now}, list_version, true);
}

void OrderIssuer::withdraw(Tx& tx, engine::ScheduleCancelled const& e, std::optional<int> open_episode,
                           std::optional<int> level_in_force) {
    auto const advance = tx.store.batches().advance(e.scheduled_cause);
    if (!advance || !advance->latest) return;
    replace_advance(tx, *advance, advance->episode == open_episode ? level_in_force : std::nullopt, e.cause);
}

void OrderIssuer::replace_advance(Tx& tx, ports::AdvanceBatch const& advance, std::optional<int> level_in_force,
                                  std::string const& cause) {
    auto const from = advance.level ? views_.plan.rank(*advance.level) : std::nullopt;
    issue(tx, {static_cast<int>(advance.episode), from, level_in_force, cause, tx.now, tx.now}, advance.list_version,
          false, advance.effective_from);
}

void OrderIssuer::issue(Tx& tx, BatchPlan const& what, std::optional<std::int64_t> list_version, bool skip_quietly,
                        std::optional<Instant> withdrawn_from) {
    auto const& plan = views_.plan;
    int const episode = what.episode;
    if (what.to && pollutant_path(tx.store, what.cause) == "health_advisory") {
        if (!skip_quietly)
            record(tx.store, plan.version, {episode, what.cause, what.effective, "orders_skipped", "system",
                                            "首要污染物为非颗粒物（按污染物差异化应对），以健康防护为主，不向企业下达减排指令"});
        return;
    }
    if (!list_version) {
        record(tx.store, plan.version, {episode, what.cause, what.effective, "orders_skipped", "system", "尚未导入应急减排清单，未下达企业指令"});
        return;
    }
    lists_.ensure_levels(tx.store, *list_version);
    ports::NewBatch spec{episode, *list_version, std::nullopt, std::nullopt, what.cause, what.effective, what.issued};
    if (what.to) spec.level = plan.level_at(*what.to).id;
    if (what.from) spec.previous_level = plan.level_at(*what.from).id;
    auto& batches = tx.store.batches();
    auto const issued = batches.issue(spec, plan.version);
    std::int64_t const batch = issued.id;
    auto const& totals = issued.totals;
    // The acknowledgement counts from the issue, the execution report from the effective time.
    Instant const ack_due = what.issued + plan.orders.ack_hours * engine::kHour;
    Instant const exec_due = what.effective + plan.orders.execution_hours * engine::kHour;
    bool const anyone = totals.orders + totals.terminations > 0;
    batches.close(batch, totals, anyone ? std::optional(ack_due) : std::nullopt,
                  totals.orders > 0 ? std::optional(exec_due) : std::nullopt);
    std::string const ref = engine::to_string(engine::Ref::batch(batch));
    if (anyone) {
        if (plan.orders.remind_before_minutes > 0)
            tx.store.timers().add("ack_pre_reminder", ref, ack_due - plan.orders.remind_before_minutes * 60, tx.real_now);
        tx.store.timers().add("ack_due", ref, ack_due, tx.real_now);
        tx.store.timers().add("ack_escalation", ref, ack_due + plan.orders.escalate_after_hours * engine::kHour,
                              tx.real_now);
    }
    if (totals.orders > 0) tx.store.timers().add("execution_due", ref, exec_due, tx.real_now);
    // Each plant's mobile contacts get a text message; plants that registered a webhook for their
    // orders get theirs pushed (the outbox).
    auto const texts = sms_.enqueue_batch(tx, batch);
    delivery_.enqueue_orders(tx, batch,
                             {{"batch_id", batch}, {"episode_id", episode}, {"level", spec.level ? json(*spec.level) : json(nullptr)},
                              {"issued_at", views_.local(what.issued)}, {"effective_from", views_.local(what.effective)},
                              {"ack_due_at", views_.local(ack_due)},
                              {"execution_due_at", totals.orders > 0 ? json(views_.local(exec_due)) : json(nullptr)}});
    bool const advance = what.issued < what.effective;
    std::string const from_cn = advance ? "，自" + engine::format_local_time_cn(what.effective, views_.offset_minutes) + "起执行" : "";
    std::string summary = what.to ? "向" + std::to_string(totals.orders) + "家企业下达" + plan.level_at(*what.to).name_cn +
                                        "减排指令（一厂一策）" + from_cn
                          : withdrawn_from ? "撤销原定于" + engine::format_local_time_cn(*withdrawn_from, views_.offset_minutes) + "起执行的指令"
                                           : "预警解除" + from_cn;
    if (totals.terminations > 0)
        summary += "，向" + std::to_string(totals.terminations) + "家企业发出" + (withdrawn_from ? "撤销" : "终止") + "通知";
    json details{{"batch_id", batch},       {"orders", totals.orders}, {"terminations", totals.terminations},
                 {"list_version", *list_version}, {"ack_due_at", views_.local(ack_due)},
                 {"effective_from", views_.local(what.effective)}, {"sms_queued", texts}};
    if (withdrawn_from) details["withdrawn_from"] = views_.local(*withdrawn_from);
    record(tx.store, plan.version, {episode, ref, what.issued, "orders", "system", summary, details});
}

void OrderIssuer::deadline(Tx& tx, std::string const& kind, std::int64_t batch, Instant due) {
    auto const& plan = views_.plan;
    auto const state = tx.store.batches().state(batch);
    if (!state || !engine::deadlines_bind(state->latest)) return;  // superseded: its deadlines bind no one
    int const episode = static_cast<int>(state->episode);
    std::string const ref = engine::to_string(engine::Ref::batch(batch));
    if (kind == "ack_pre_reminder") {
        // Before the deadline: texts to the silent plants' mobiles; recorded only when some went out.
        if (auto const texts = sms_.enqueue_reminders(tx, batch); texts > 0)
            record(tx.store, plan.version,
                   {episode, ref, due, "ack_pre_reminder", "system",
                    "确认时限前" + std::to_string(plan.orders.remind_before_minutes) + "分钟，已向尚未确认指令的企业排队发送" +
                        std::to_string(texts) + "条提醒短信",
                    {{"batch_id", batch}, {"sms_queued", texts}}});
        return;
    }
    if (kind == "ack_due") {
        // A reminder text to each silent plant's mobile contacts; the record says how many were
        // queued — whether they arrived is each message's own state.
        auto const texts = sms_.enqueue_reminders(tx, batch);
        auto const n = tx.store.batches().remind(batch, due);
        if (n > 0)
            record(tx.store, plan.version,
                   {episode, ref, due, "ack_reminder", "system",
                    std::to_string(n) + "家企业未在" + std::to_string(plan.orders.ack_hours) + "小时内确认指令" +
                        (texts > 0 ? "，已排队发送" + std::to_string(texts) + "条提醒短信"
                                   : "（无可发送短信的手机号码或未配置短信网关，提醒未发出）"),
                    {{"batch_id", batch}, {"count", n}, {"sms_queued", texts}}});
        return;
    }
    bool const ack = kind == "ack_escalation";
    auto const by_district = tx.store.batches().escalate(batch, ack, due);
    if (by_district.empty()) return;
    // Each district's count goes to whoever it registered for escalations (the outbox); the
    // record names the districts reached and those nobody could be told of.
    json districts = json::object();
    json sent_to = json::object();
    json unreached = json::array();
    std::int64_t total = 0;
    for (auto const& [district, count] : by_district) {
        districts[district] = count;
        total += count;
        // The district is told which plants, the first 200 of them (a webhook stays small).
        json plants = json::array();
        for (auto const& p : tx.store.batches().overdue_plants(batch, district, ack, kEscalatedPlantsListed))
            plants.push_back({{"order_id", p.order_id}, {"credit_code", p.credit_code}, {"name", p.name}});
        auto const names = delivery_.enqueue_escalation(
            tx, ref, district,
            {{"batch_id", batch}, {"episode_id", episode}, {"kind", ack ? "ack_overdue" : "execution_overdue"},
             {"district", district}, {"count", count}, {"due_at", views_.local(due)}, {"plants", plants},
             {"plants_listed", plants.size()}},
            {{"district", district}, {"count", std::to_string(count)},
             {"what", ack ? "逾期未确认减排指令" : "未在时限内报告减排指令执行情况"},
             {"due", engine::short_time_cn(due, views_.offset_minutes)}});
        if (names.empty()) unreached.push_back(district);
        else sent_to[district] = names;
    }
    std::string const what = ack ? "家企业逾期未确认指令" : "家企业未在时限内报告执行情况";
    std::string const outcome = unreached.empty() ? "，已向所在县（市、区）发送上报"
                                : sent_to.empty() ? "，所在县（市、区）未登记接收单位，未上报"
                                                  : "，已向" + std::to_string(sent_to.size()) + "个县（市、区）发送上报，" +
                                                        std::to_string(unreached.size()) + "个县（市、区）未登记接收单位";
    record(tx.store, plan.version,
           {episode, ref, due, ack ? "ack_escalation" : "execution_overdue", "system", std::to_string(total) + what + outcome,
            {{"batch_id", batch}, {"count", total}, {"by_district", districts}, {"sent_to", sent_to},
             {"unreached_districts", unreached}}});
}

}  // namespace hazeguard::service
