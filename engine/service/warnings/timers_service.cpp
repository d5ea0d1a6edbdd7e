#include "engine/service/warnings/timers_service.hpp"

#include "engine/domain/ref.hpp"
#include "engine/service/error.hpp"
#include "engine/service/timeline.hpp"

namespace hazeguard::service {
using engine::Instant;
using engine::Ref;

bool TimersService::fire_one(ports::Store& store, Instant until) {
    auto const timer = store.timers().first_due(until);
    if (!timer) return false;
    Instant const due = timer->due_at;
    Tx tx{store, real_now(), due};  // what a timer does happens at its due instant, whenever it runs
    store.timers().fired(timer->id, tx.real_now);
    auto const episode = store.warning().state().episode;
    auto const ref = engine::parse_ref(timer->ref);
    auto const& kind = timer->kind;
    try {
        if (kind == "start") parts_.cycle.apply(tx, engine::StartDue{due}, "system");
        else if (kind == "end") parts_.cycle.apply(tx, engine::EndDue{due}, "system");
        else if (kind == "end_reminder") parts_.cycle.remind_extension(tx, due);
        else if (ref && ref->is(Ref::Kind::directive) && kind == "directive_start") parts_.directives.start(tx, ref->id, due);
        else if (ref && ref->is(Ref::Kind::directive) && kind == "directive_end") parts_.directives.end(tx, ref->id, due);
        else if (ref && ref->is(Ref::Kind::batch)) parts_.issuer.deadline(tx, kind, ref->id, due);
        else if (ref && ref->is(Ref::Kind::proposal) && kind == "approval_due") parts_.proposals.approval_overdue(tx, ref->id, due);
    } catch (Error const& e) {
        // A timer the machine no longer accepts is recorded, never retried in a loop.
        record(tx.store, plan_version_,
               {episode, timer->ref, due, "timer_refused", "system", "定时事件未执行：" + e.detail, {{"kind", kind}}});
    }
    return true;
}

int TimersService::fire_due() {
    int fired = 0;
    Instant const t = clock_.now();
    // One timer per job: each is marked fired in the same transaction as what it did.
    try {
        for (bool more = true; more; fired += more ? 1 : 0)
            transactions_.write([&](ports::Store& store) { more = fire_one(store, t); });
    } catch (Error const& e) {
        if (e.code == Errc::storage_unavailable) runner_.mark_storage_failed();
        throw;
    }
    return fired;
}

}  // namespace hazeguard::service
