// Regional directives (MEE, Shanxi, the Fenwei office): a floor under the level while in force.
#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/service/input.hpp"
#include "engine/service/service.hpp"
#include "engine/service/service_tx.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
std::string ref(std::int64_t id) { return "directive:" + std::to_string(id); }
}  // namespace

void Service::create_directive(Command const& c, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({"issuer", "level", "start_at", "end_at", "reference", "note"});
    auto const issuer = in.one_of("issuer", true, {"MEE", "shanxi", "fenwei_office"});
    auto const level = in.text("level", true, 32);
    if (level && !plan_.rank(*level)) in.error("level", "is not a level of the plan");
    auto const start = in.instant("start_at", true);
    auto const end = in.instant("end_at", false);
    if (start && end && *end <= *start) in.error("end_at", "must be after start_at");
    auto const reference = in.text("reference", true, 200);
    auto const note = in.text("note", false).value_or("");
    in.finish();
    run_async(c, [this, issuer, level, start, end, reference, note, who = c.principal](Tx& tx) {
        SQLite::Statement q(tx.db, "INSERT INTO directives(issuer, level, start_at, end_at, reference, note, "
                                   "recorded_by, created_at, status) VALUES (?,?,?,?,?,?,?,?,'pending')");
        q.bind(1, *issuer);
        q.bind(2, *level);
        q.bind(3, *start);
        if (end) q.bind(4, *end);
        q.bind(5, *reference);
        q.bind(6, note);
        q.bind(7, who.name);
        q.bind(8, tx.now);
        q.exec();
        auto const id = tx.db.getLastInsertRowid();
        timeline(tx, load_machine().state().episode, ref(id), tx.now, "directive", who.name,
                 "收到区域预警指令（" + *issuer + "，" + *reference + "）：" +
                     plan_.level_at(*plan_.rank(*level)).name_cn + "，自" + local(*start) + "起",
                 {{"directive_id", id}, {"issuer", *issuer}, {"level", *level}, {"reference", *reference}});
        add_timer("directive_start", ref(id), *start);
        if (end) add_timer("directive_end", ref(id), *end);
        if (*start <= tx.now) start_directive(tx, id, tx.now);
        return Reply{201, directive_view(id), "/v1/directives/" + std::to_string(id)};
    }, std::move(done));
}

void Service::start_directive(Tx& tx, std::int64_t id, Instant at) {
    auto const d = directive_view(id);
    int const level = *plan_.rank(d.at("level").get<std::string>());
    auto const outcome = handle(tx, engine::DirectiveStart{ref(id), level, at}, "system");
    if (!outcome.accepted) refuse(outcome.refusal);
    cancel_timers("directive_start", ref(id));
    tx.db.exec("UPDATE directives SET status = 'in_force', started_at = " + std::to_string(at) +
               " WHERE id = " + std::to_string(id));
}

void Service::end_directive(Tx& tx, std::int64_t id, Instant at) {
    auto const outcome = handle(tx, engine::DirectiveEnd{ref(id), at}, "system");
    if (!outcome.accepted) refuse(outcome.refusal);
    cancel_timers("directive_end", ref(id));
    tx.db.exec("UPDATE directives SET status = 'ended', ended_at = " + std::to_string(at) +
               " WHERE id = " + std::to_string(id));
}

void Service::lift_directive(Command const& c, std::int64_t id, json const& body, Completion done) {
    Input in(body);
    in.reject_unknown({"at", "note"});
    auto const at = in.instant("at", false);
    auto const note = in.text("note", false).value_or("");
    in.finish();
    run_async(c, [this, id, at, note, who = c.principal](Tx& tx) {
        auto const d = directive_view(id);
        auto const status = d.at("status").get<std::string>();
        Instant const when = at.value_or(tx.now);
        timeline(tx, load_machine().state().episode, ref(id), tx.now, "directive_lift", who.name,
                 "区域预警指令解除（" + d.at("reference").get<std::string>() + "），自" + local(when) + "起",
                 {{"directive_id", id}, {"at", local(when)}, {"note", note}});
        if (status == "pending") {
            cancel_timers("directive_start", ref(id));
            cancel_timers("directive_end", ref(id));
            tx.db.exec("UPDATE directives SET status = 'cancelled' WHERE id = " + std::to_string(id));
        } else if (status == "in_force") {
            cancel_timers("directive_end", ref(id));
            tx.db.exec("UPDATE directives SET end_at = " + std::to_string(when) + " WHERE id = " + std::to_string(id));
            if (when <= tx.now) end_directive(tx, id, tx.now);
            else add_timer("directive_end", ref(id), when);
        } else {
            throw Error(Errc::directive_not_active,
                          "directive " + std::to_string(id) + " is " + status, {}, {{"directive_status", status}});
        }
        return Reply{200, directive_view(id), ""};
    }, std::move(done));
}

}  // namespace hazeguard::service
