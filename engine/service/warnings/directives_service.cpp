#include "engine/service/warnings/directives_service.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "engine/delivery/sms_text.hpp"
#include "engine/domain/ref.hpp"
#include "engine/service/error.hpp"
#include "engine/service/timeline.hpp"
#include "engine/service/warnings/wording.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
std::string directive_ref(std::int64_t id) { return engine::to_string(engine::Ref::directive(id)); }
}  // namespace

ports::DirectiveRecord DirectivesService::find(ports::Store& store, std::int64_t id) {
    auto d = store.directives().find(id);
    if (!d) not_found("directive " + std::to_string(id));
    return std::move(*d);
}

void DirectivesService::create(Command const& c, DirectiveRequest request, Answer<ports::DirectiveRecord> answer) {
    if (!views_.plan.rank(request.level))
        throw Error(Errc::validation, "1 field(s) are invalid: /level is not a level of the plan",
                    {{"/level", "is not a level of the plan"}});
    ports::DirectiveRecord directive;
    directive.issuer = std::move(request.issuer);
    directive.level = std::move(request.level);
    directive.start_at = request.start_at;
    directive.end_at = request.end_at;
    directive.reference = std::move(request.reference);
    directive.note = std::move(request.note);
    directive.recorded_by = c.principal.name;
    runner_.run(c, [this, directive](Tx& tx) {
        auto d = directive;
        d.created_at = tx.now;
        auto const id = tx.store.directives().add(d);
        record(tx.store, views_.plan.version,
               {tx.store.warning().state().episode, directive_ref(id), tx.now, "directive", d.recorded_by,
                "收到" + directive_issuer_cn(d.issuer) + "区域预警指令（" + d.reference + "）：" +
                    views_.plan.level_at(*views_.plan.rank(d.level)).name_cn + "，自" +
                    engine::format_local_time_cn(d.start_at, views_.offset_minutes) + "起",
                {{"directive_id", id}, {"issuer", d.issuer}, {"level", d.level}, {"reference", d.reference}}});
        tx.store.timers().add("directive_start", directive_ref(id), d.start_at, tx.real_now);
        if (d.end_at) tx.store.timers().add("directive_end", directive_ref(id), *d.end_at, tx.real_now);
        notify(tx, d, id, std::max(d.start_at, tx.now));
        if (d.start_at <= tx.now) this->start(tx, id, tx.now);
        return find(tx.store, id);
    }, std::move(answer));
}

void DirectivesService::start(Tx& tx, std::int64_t id, Instant at) {
    auto const d = tx.store.directives().find(id);
    if (!d) not_found("directive " + std::to_string(id));
    auto const before = tx.store.warning().state();
    auto const outcome = cycle_.apply(tx, engine::DirectiveStart{directive_ref(id), *views_.plan.rank(d->level), at}, "system");
    if (!outcome.accepted) WarningCycle::refuse(outcome.refusal);
    alerts_.publish(tx, before, "directive_start");
    tx.store.timers().cancel("directive_start", directive_ref(id), tx.real_now);
    tx.store.directives().started(id, at);
}

void DirectivesService::notify(Tx& tx, ports::DirectiveRecord const& d, std::int64_t id, Instant at) const {
    // The regional warning is distributed like a signed one (domain §4.2 item 5): when it is
    // received, within the plan's hours, to every registered receiver, and counted as distributed
    // only when all of them have it.
    auto const& plan = views_.plan;
    auto const& level = plan.level_at(*plan.rank(d.level));
    std::string const issuer = d.issuer == "MEE" ? "生态环境部" : d.issuer == "shanxi" ? "山西省" : "汾渭平原大气污染防治协作小组办公室";
    std::string const text = "根据" + issuer + "区域预警指令（" + d.reference + "），" + plan.city_cn + "自" +
                             engine::format_local_time_cn(at, views_.offset_minutes) + "起启动" + level.name_cn +
                             (d.end_at ? "，至" + engine::format_local_time_cn(*d.end_at, views_.offset_minutes) + "止" : "") +
                             "。请各单位按照预案要求落实相应措施。";
    Instant const due = tx.now + static_cast<Instant>(plan.time_limits.distribution_hours) * engine::kHour;
    delivery_.enqueue_notice(
        tx, {directive_ref(id),
             {{"directive_id", id}, {"issuer", d.issuer}, {"reference", d.reference},
              {"level", views_.level(plan.rank(d.level))}, {"start_at", views_.local(at)},
              {"end_at", views_.local_or_null(d.end_at)}, {"distribution_due_at", views_.local(due)},
              {"notice_cn", text}},
             due, engine::notice_decision_cn({"directive", "", level.name_cn, at, d.end_at, views_.offset_minutes})});
}

void DirectivesService::end(Tx& tx, std::int64_t id, Instant at) {
    auto const before = tx.store.warning().state();
    auto const outcome = cycle_.apply(tx, engine::DirectiveEnd{directive_ref(id), at}, "system");
    if (!outcome.accepted) WarningCycle::refuse(outcome.refusal);
    alerts_.publish(tx, before, "directive_end");
    tx.store.timers().cancel("directive_end", directive_ref(id), tx.real_now);
    tx.store.directives().ended(id, at);
}

void DirectivesService::lift(Command const& c, std::int64_t id, DirectiveLift request, Answer<ports::DirectiveRecord> answer) {
    runner_.run(c, [this, id, at = request.at, note = std::move(request.note), who = c.principal](Tx& tx) {
        auto const d = tx.store.directives().find(id);
        if (!d) not_found("directive " + std::to_string(id));
        Instant const when = at.value_or(tx.now);
        record(tx.store, views_.plan.version,
               {tx.store.warning().state().episode, directive_ref(id), tx.now, "directive_lift", who.name,
                "区域预警指令解除（" + d->reference + "），自" + views_.local(when) + "起",
                {{"directive_id", id}, {"at", views_.local(when)}, {"note", note}}});
        auto& timers = tx.store.timers();
        if (d->status == "pending") {
            timers.cancel("directive_start", directive_ref(id), tx.real_now);
            timers.cancel("directive_end", directive_ref(id), tx.real_now);
            tx.store.directives().cancelled(id);
        } else if (d->status == "in_force") {
            timers.cancel("directive_end", directive_ref(id), tx.real_now);
            tx.store.directives().set_end(id, when);
            if (when <= tx.now) end(tx, id, tx.now);
            else timers.add("directive_end", directive_ref(id), when, tx.real_now);
        } else {
            throw Error(Errc::directive_not_active, "directive " + std::to_string(id) + " is " + d->status, {},
                        {{"directive_status", d->status}});
        }
        return find(tx.store, id);
    }, std::move(answer));
}

ports::DirectiveRecord DirectivesService::directive(std::int64_t id) {
    ports::DirectiveRecord out;
    transactions_.read([&](ports::Store& store) { out = find(store, id); });
    return out;
}

std::vector<ports::DirectiveRecord> DirectivesService::directives() {
    std::vector<ports::DirectiveRecord> items;
    transactions_.read([&](ports::Store& store) {
        for (auto id : store.directives().ids(200)) items.push_back(find(store, id));
    });
    return items;
}

}  // namespace hazeguard::service
