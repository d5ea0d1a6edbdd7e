#include "engine/service/orders/order_issuer.hpp"

#include "engine/domain/ref.hpp"
#include "engine/orders/order_lifecycle.hpp"
#include "engine/service/timeline.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

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
    if (e.to && pollutant_path(tx.store, e.cause) == "health_advisory") {
        record(tx.store, plan.version, {episode, e.cause, e.at, "orders_skipped", "system",
                                  "首要污染物为非颗粒物（按污染物差异化应对），以健康防护为主，不向企业下达减排指令"});
        return;
    }
    auto const lv = tx.store.batches().episode_list_version(episode);
    if (!lv) {
        record(tx.store, plan.version, {episode, e.cause, e.at, "orders_skipped", "system", "尚未导入应急减排清单，未下达企业指令"});
        return;
    }
    lists_.ensure_levels(tx.store, *lv);
    ports::NewBatch spec{episode, *lv, std::nullopt, std::nullopt, e.cause, e.at};
    if (e.to) spec.level = plan.level_at(*e.to).id;
    if (e.from) spec.previous_level = plan.level_at(*e.from).id;
    auto& batches = tx.store.batches();
    auto const batch = batches.issue(spec, plan.version);
    auto const totals = batches.totals(batch, spec, plan.version);
    Instant const ack_due = e.at + plan.orders.ack_hours * engine::kHour;
    Instant const exec_due = e.at + plan.orders.execution_hours * engine::kHour;
    bool const anyone = totals.orders + totals.terminations > 0;
    batches.close(batch, totals, anyone ? std::optional(ack_due) : std::nullopt,
                  totals.orders > 0 ? std::optional(exec_due) : std::nullopt);
    std::string const ref = engine::to_string(engine::Ref::batch(batch));
    if (anyone) {
        tx.store.timers().add("ack_due", ref, ack_due, tx.real_now);
        tx.store.timers().add("ack_escalation", ref, ack_due + plan.orders.escalate_after_hours * engine::kHour,
                              tx.real_now);
    }
    if (totals.orders > 0) tx.store.timers().add("execution_due", ref, exec_due, tx.real_now);
    // Plants that registered a webhook for their orders get theirs pushed (the outbox).
    delivery_.enqueue_orders(tx, batch,
                             {{"batch_id", batch}, {"episode_id", episode}, {"level", spec.level ? json(*spec.level) : json(nullptr)},
                              {"effective_from", views_.local(e.at)}, {"ack_due_at", views_.local(ack_due)},
                              {"execution_due_at", totals.orders > 0 ? json(views_.local(exec_due)) : json(nullptr)}});
    std::string summary = e.to ? "向" + std::to_string(totals.orders) + "家企业下达" + plan.level_at(*e.to).name_cn +
                                     "减排指令（一厂一策）"
                               : std::string("预警解除");
    if (totals.terminations > 0) summary += "，向" + std::to_string(totals.terminations) + "家企业发出终止通知";
    record(tx.store, plan.version,
           {episode, ref, e.at, "orders", "system", summary,
            {{"batch_id", batch}, {"orders", totals.orders}, {"terminations", totals.terminations},
             {"list_version", *lv}, {"ack_due_at", views_.local(ack_due)}}});
}

void OrderIssuer::deadline(Tx& tx, std::string const& kind, std::int64_t batch, Instant due) {
    auto const& plan = views_.plan;
    auto const state = tx.store.batches().state(batch);
    if (!state || !engine::deadlines_bind(state->latest)) return;  // superseded: its deadlines bind no one
    int const episode = static_cast<int>(state->episode);
    std::string const ref = engine::to_string(engine::Ref::batch(batch));
    if (kind == "ack_due") {
        auto const n = tx.store.batches().remind(batch, due);
        if (n > 0)
            record(tx.store, plan.version,
                   {episode, ref, due, "ack_reminder", "system",
                    std::to_string(n) + "家企业未在" + std::to_string(plan.orders.ack_hours) +
                        "小时内确认指令（尚无向企业发送提醒的渠道，提醒未发出）",
                    {{"batch_id", batch}, {"count", n}, {"sent", false}}});
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
        auto const names = delivery_.enqueue_escalation(
            tx, ref, district,
            {{"batch_id", batch}, {"episode_id", episode}, {"kind", ack ? "ack_overdue" : "execution_overdue"},
             {"district", district}, {"count", count}, {"due_at", views_.local(due)}});
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
