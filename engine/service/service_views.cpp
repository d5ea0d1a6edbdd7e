// Read models: status, proposals, directives, episodes with their timelines. Times are shown in
// the plan's zone with the offset (Asia/Shanghai, +08:00).
#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/service/error.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

template <class F>
auto Service::read(F&& f) {
    auto lock = read_lock();
    return f();
}

namespace {
std::optional<Instant> opt(SQLite::Column const& c) {
    return c.isNull() ? std::nullopt : std::optional<Instant>(c.getInt64());
}
std::string text(SQLite::Column const& c) { return c.isNull() ? std::string() : c.getString(); }
}  // namespace

json Service::status() {
    return read([&] {
        auto const s = load_machine().state();
        json directives = json::array();
        for (auto const& d : s.directives) directives.push_back({{"id", d.id}, {"level", level_view(d.level)}});
        json next = json::array();
        SQLite::Statement q(conn(), "SELECT kind, ref, due_at FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL "
                                  "ORDER BY due_at, id LIMIT 20");
        while (q.executeStep())
            next.push_back({{"kind", q.getColumn(0).getString()}, {"ref", q.getColumn(1).getString()},
                            {"due_at", local(q.getColumn(2).getInt64())}});
        json scheduled = nullptr;
        if (s.scheduled)
            scheduled = {{"action", s.scheduled->action}, {"level", level_view(s.scheduled->level)},
                         {"start_at", local(s.scheduled->start_at)}, {"cause", s.scheduled->cause}};
        int const pending = conn().execAndGet("SELECT count(*) FROM proposals WHERE status = 'pending'").getInt();
        return json{{"now", local(now())},
                    {"drill", options_.drill},
                    {"plan", {{"id", plan_.id}, {"version", plan_.version}, {"rule_set", plan_.default_rule_set}}},
                    {"state", std::string(engine::phase_name(s.phase))},
                    {"level", level_view(s.level)},
                    {"local_level", level_view(s.local_level)},
                    {"directives_in_force", directives},
                    {"since", local_or_null(s.level_since)},
                    {"planned_end", local_or_null(s.planned_end)},
                    {"open_ended", s.level.has_value() && !s.planned_end},
                    {"episode_id", s.episode ? json(*s.episode) : json(nullptr)},
                    {"scheduled", scheduled},
                    {"pending_proposals", pending},
                    {"next", next}};
    });
}

json Service::proposal_view(std::int64_t id) {
    SQLite::Statement q(conn(), "SELECT action, level, start_at, end_at, open_ended, note, consulted_at, forecast_id, "
                              "directive_id, proposer, created_at, form_due_at, approval_due_at, checks, status, "
                              "decided_by, decided_authority, decided_at, decision_note, approval_late, "
                              "distribution_due_at, notice, episode_id FROM proposals WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) not_found("proposal " + std::to_string(id));
    auto const level = text(q.getColumn(1));
    Instant const created = q.getColumn(10).getInt64();
    Instant const form_due = q.getColumn(11).getInt64();
    return json{{"id", id},
                {"action", q.getColumn(0).getString()},
                {"level", level.empty() ? json(nullptr) : level_view(plan_.rank(level))},
                {"start_at", local(q.getColumn(2).getInt64())},
                {"end_at", local_or_null(opt(q.getColumn(3)))},
                {"open_ended", q.getColumn(4).getInt() == 1},
                {"consultation_note", q.getColumn(5).getString()},
                {"consulted_at", local(q.getColumn(6).getInt64())},
                {"forecast_id", q.getColumn(7).isNull() ? json(nullptr) : json(q.getColumn(7).getInt64())},
                {"directive_id", q.getColumn(8).isNull() ? json(nullptr) : json(q.getColumn(8).getInt64())},
                {"proposer", q.getColumn(9).getString()},
                {"created_at", local(created)},
                {"form_due_at", local(form_due)},
                {"form_late", created > form_due},
                {"approval_due_at", local(q.getColumn(12).getInt64())},
                {"checks", json::parse(q.getColumn(13).getString())},
                {"status", q.getColumn(14).getString()},
                {"decided_by", q.getColumn(15).isNull() ? json(nullptr) : json(q.getColumn(15).getString())},
                {"decided_authority", q.getColumn(16).isNull() ? json(nullptr) : json(q.getColumn(16).getString())},
                {"decided_at", local_or_null(opt(q.getColumn(17)))},
                {"decision_note", q.getColumn(18).isNull() ? json(nullptr) : json(q.getColumn(18).getString())},
                {"approval_late", q.getColumn(19).isNull() ? json(nullptr) : json(q.getColumn(19).getInt() == 1)},
                {"distribution_due_at", local_or_null(opt(q.getColumn(20)))},
                {"notice_cn", q.getColumn(21).isNull() ? json(nullptr) : json(q.getColumn(21).getString())},
                {"episode_id", q.getColumn(22).isNull() ? json(nullptr) : json(q.getColumn(22).getInt64())},
                {"drill", options_.drill}};
}

json Service::proposal(std::int64_t id) {
    return read([&] { return proposal_view(id); });
}

json Service::proposals(std::optional<std::string> const& status) {
    return read([&] {
        json out = json::array();
        SQLite::Statement q(conn(), status ? "SELECT id FROM proposals WHERE status = ? ORDER BY id DESC LIMIT 200"
                                         : "SELECT id FROM proposals ORDER BY id DESC LIMIT 200");
        if (status) q.bind(1, *status);
        std::vector<std::int64_t> ids;
        while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
        for (auto id : ids) {
            auto v = proposal_view(id);
            v.erase("notice_cn");
            out.push_back(v);
        }
        return json{{"items", out}};
    });
}

json Service::directive_view(std::int64_t id) {
    SQLite::Statement q(conn(), "SELECT issuer, level, start_at, end_at, reference, note, recorded_by, created_at, "
                              "status, started_at, ended_at FROM directives WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) not_found("directive " + std::to_string(id));
    return json{{"id", id},
                {"issuer", q.getColumn(0).getString()},
                {"level", q.getColumn(1).getString()},
                {"level_name_cn", plan_.level_at(*plan_.rank(q.getColumn(1).getString())).name_cn},
                {"start_at", local(q.getColumn(2).getInt64())},
                {"end_at", local_or_null(opt(q.getColumn(3)))},
                {"reference", q.getColumn(4).getString()},
                {"note", q.getColumn(5).getString()},
                {"recorded_by", q.getColumn(6).getString()},
                {"recorded_at", local(q.getColumn(7).getInt64())},
                {"status", q.getColumn(8).getString()},
                {"started_at", local_or_null(opt(q.getColumn(9)))},
                {"ended_at", local_or_null(opt(q.getColumn(10)))},
                {"drill", options_.drill}};
}

json Service::directive(std::int64_t id) {
    return read([&] { return directive_view(id); });
}

json Service::directives() {
    return read([&] {
        json out = json::array();
        std::vector<std::int64_t> ids;
        SQLite::Statement q(conn(), "SELECT id FROM directives ORDER BY id DESC LIMIT 200");
        while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
        for (auto id : ids) out.push_back(directive_view(id));
        return json{{"items", out}};
    });
}


json Service::episodes() {
    return read([&] {
        json out = json::array();
        SQLite::Statement q(conn(), "SELECT id, opened_at, closed_at, plan_version, rule_set, drill, peak_level, "
                                  "list_version FROM episodes ORDER BY id DESC LIMIT 200");
        while (q.executeStep())
            out.push_back({{"id", q.getColumn(0).getInt64()},
                           {"opened_at", local(q.getColumn(1).getInt64())},
                           {"closed_at", local_or_null(opt(q.getColumn(2)))},
                           {"plan_version", q.getColumn(3).getString()},
                           {"rule_set", q.getColumn(4).getString()},
                           {"drill", q.getColumn(5).getInt() == 1},
                           {"peak_level", level_view(plan_.rank(q.getColumn(6).getString()))},
                           {"list_version", q.getColumn(7).isNull() ? json(nullptr) : json(q.getColumn(7).getInt64())}});
        return json{{"items", out}};
    });
}

json Service::episode(std::int64_t id) {
    return read([&] {
        SQLite::Statement q(conn(), "SELECT opened_at, closed_at, plan_version, rule_set, drill, peak_level, "
                                  "list_version FROM episodes WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep()) not_found("episode " + std::to_string(id));
        json ep{{"id", id},
                {"opened_at", local(q.getColumn(0).getInt64())},
                {"closed_at", local_or_null(opt(q.getColumn(1)))},
                {"plan_version", q.getColumn(2).getString()},
                {"rule_set", q.getColumn(3).getString()},
                {"drill", q.getColumn(4).getInt() == 1},
                {"peak_level", level_view(plan_.rank(q.getColumn(5).getString()))},
                {"list_version", q.getColumn(6).isNull() ? json(nullptr) : json(q.getColumn(6).getInt64())},
                {"timeline", json::array()}};
        SQLite::Statement t(conn(), "SELECT id, ref, at, kind, actor, summary_cn, detail, plan_version "
                                  "FROM episode_timeline WHERE episode = ? ORDER BY id");
        t.bind(1, id);
        while (t.executeStep())
            ep["timeline"].push_back({{"seq", t.getColumn(0).getInt64()},
                                      {"ref", t.getColumn(1).getString()},
                                      {"at", local(t.getColumn(2).getInt64())},
                                      {"kind", t.getColumn(3).getString()},
                                      {"actor", t.getColumn(4).getString()},
                                      {"summary_cn", t.getColumn(5).getString()},
                                      {"detail", json::parse(t.getColumn(6).getString())},
                                      {"plan_version", t.getColumn(7).getString()}});
        return ep;
    });
}

}  // namespace hazeguard::service
