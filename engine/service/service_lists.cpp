// The emission-reduction list: all-or-nothing imports, one version each, and what every
// enterprise must do per level worked out once per (list version, plan version).
#include <SQLiteCpp/SQLiteCpp.h>

#include <array>

#include "engine/enterprises/list_import.hpp"
#include "engine/orders/order_content.hpp"
#include "engine/service/error.hpp"
#include "engine/service/service.hpp"
#include "engine/service/service_tx.hpp"
#include "engine/service/timeline.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
constexpr char const* kPollutants[] = {"SO2", "NOx", "PM", "VOCs"};

double amount(engine::Pollutants const& p, char const* key) {
    auto it = p.find(key);
    return it == p.end() ? 0.0 : it->second;
}

[[noreturn]] void list_problems(std::vector<engine::ListProblem> const& problems) {
    std::vector<FieldError> errors;
    for (auto const& p : problems) errors.push_back({p.pointer, p.message});
    throw Error(Errc::invalid_list,
                  std::to_string(problems.size()) + " problem(s); nothing was imported", errors,
                  {{"problem_count", problems.size()}});
}
}  // namespace

std::optional<std::int64_t> Service::current_list_version_on(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT max(version) FROM lists");
    q.executeStep();
    return q.getColumn(0).isNull() ? std::nullopt : std::optional<std::int64_t>(q.getColumn(0).getInt64());
}

void Service::ensure_levels_on(SQLite::Database& db, std::int64_t list_version) {
    SQLite::Statement has(db, "SELECT 1 FROM enterprise_levels WHERE list_version = ? AND plan_version = ? LIMIT 1");
    has.bind(1, list_version);
    has.bind(2, plan_.version);
    if (has.executeStep()) return;
    SQLite::Statement rows(db, "SELECT id, body FROM enterprise_bodies WHERE list_version = ? ORDER BY id");
    rows.bind(1, list_version);
    SQLite::Statement ins(db, "INSERT INTO enterprise_levels(list_version, plan_version, level, enterprise_id, "
                                "source, so2, nox, pm, vocs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    while (rows.executeStep()) {
        auto const e = views_.enterprise(rows.getColumn(1).getString());
        for (auto const& level : plan_.levels) {
            auto const content = engine::select_order(plan_, e, level.id);
            if (!content.applies) continue;
            ins.bind(1, list_version);
            ins.bind(2, plan_.version);
            ins.bind(3, level.id);
            ins.bind(4, rows.getColumn(0).getInt64());
            ins.bind(5, content.source);
            for (int i = 0; i < 4; ++i) ins.bind(6 + i, amount(content.reductions_t_per_day, kPollutants[i]));
            ins.exec();
            ins.reset();
        }
    }
}

json Service::reduction_plan(std::optional<std::int64_t> list_version, std::string const& level) {
    std::array<double, 4> planned{};
    std::int64_t count = 0;
    if (list_version) {
        SQLite::Statement q(conn(), "SELECT count(*), total(so2), total(nox), total(pm), total(vocs) FROM "
                                    "enterprise_levels WHERE list_version = ? AND plan_version = ? AND level = ?");
        q.bind(1, *list_version);
        q.bind(2, plan_.version);
        q.bind(3, level);
        q.executeStep();
        count = q.getColumn(0).getInt64();
        for (int i = 0; i < 4; ++i) planned[static_cast<std::size_t>(i)] = q.getColumn(1 + i).getDouble();
    }
    return reduction_summary(list_version, level, count, planned);
}

json Service::reduction_summary(std::optional<std::int64_t> list_version, std::string const& level,
                                std::int64_t enterprises, std::array<double, 4> const& planned) const {
    json out{{"level", level}, {"list_version", list_version ? json(*list_version) : json(nullptr)},
             {"enterprises", enterprises}, {"pollutants", json::object()}, {"warnings", json::array()}};
    if (!list_version) out["warnings"].push_back("尚未导入应急减排清单，无法核算减排量");
    auto const target = plan_.reduction_targets.find(level);
    for (std::size_t i = 0; i < 4; ++i) {
        std::string const p = kPollutants[i];
        double const baseline = plan_.baseline_emissions_t_per_day.count(p) ? plan_.baseline_emissions_t_per_day.at(p) : 0;
        double const required = target != plan_.reduction_targets.end() && target->second.count(p) ? target->second.at(p) : 0;
        double const share = baseline > 0 ? 100.0 * planned[i] / baseline : 0;
        bool const meets = share + 1e-9 >= required;
        out["pollutants"][p] = {{"planned_t_per_day", planned[i]},
                                {"city_baseline_t_per_day", baseline},
                                {"planned_percent", share},
                                {"target_percent", required},
                                {"meets_target", meets}};
        if (!meets) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "%s计划减排%.1f%%，低于预案目标%.0f%%", p.c_str(), share, required);
            out["warnings"].push_back(buf);
        }
    }
    return out;
}

void Service::import_list(Command const& c, std::string const& text, std::string const& format, bool dry_run,
                          std::string const& source, Completion done) {
    auto parsed = format == "csv" ? engine::parse_list_csv(text, plan_) : engine::parse_list_json(text, plan_);
    if (parsed.malformed)
        throw Error(Errc::malformed_json, parsed.problems.front().message,
                      {{"", "not valid JSON"}});
    if (!parsed.ok()) list_problems(parsed.problems);
    json const canonical = engine::to_json(parsed.list);
    std::string const digest = engine::sha256_hex(canonical.dump());
    if (dry_run)
        return done(nullptr, Reply{200, {{"dry_run", true}, {"count", parsed.list.enterprises.size()}, {"sha256", digest},
                                         {"problems", json::array()}}, ""});
    run_async(c, [this, list = std::move(parsed.list), digest, source, who = c.principal](Tx& tx) {
        auto const latest = current_list_version();
        if (latest) {
            SQLite::Statement same(tx.db, "SELECT sha256 FROM lists WHERE version = ?");
            same.bind(1, *latest);
            if (same.executeStep() && same.getColumn(0).getString() == digest)
                return Reply{200, list_view(*latest, false), "/v1/enterprises"};
        }
        std::int64_t const version = latest.value_or(0) + 1;
        SQLite::Statement l(tx.db, "INSERT INTO lists(version, imported_at, imported_by, source, count, sha256) "
                                   "VALUES (?, ?, ?, ?, ?, ?)");
        l.bind(1, version);
        l.bind(2, tx.now);
        l.bind(3, who.name);
        l.bind(4, source);
        l.bind(5, static_cast<std::int64_t>(list.enterprises.size()));
        l.bind(6, digest);
        l.exec();
        SQLite::Statement ins(tx.db, "INSERT INTO enterprises(list_version, id, credit_code, name, district, industry, "
                                     "grade) VALUES (?, ?, ?, ?, ?, ?, ?)");
        SQLite::Statement body(tx.db, "INSERT INTO enterprise_bodies(list_version, id, body) VALUES (?, ?, ?)");
        std::int64_t id = 0;
        for (auto const& e : list.enterprises) {
            ins.bind(1, version);
            ins.bind(2, ++id);
            ins.bind(3, e.credit_code);
            ins.bind(4, e.name);
            ins.bind(5, e.district);
            ins.bind(6, e.industry);
            ins.bind(7, e.grade);
            ins.exec();
            ins.reset();
            body.bind(1, version);
            body.bind(2, id);
            body.bind(3, engine::to_json(e).dump());
            body.exec();
            body.reset();
        }
        ensure_levels(version);
        record(tx.store, plan_.version,
               {tx.store.warning().state().episode, "list:" + std::to_string(version), tx.now, "list_import", who.name,
                "导入应急减排清单第" + std::to_string(version) + "版，共" + std::to_string(list.enterprises.size()) +
                    "家企业",
                {{"list_version", version}, {"count", list.enterprises.size()}, {"sha256", digest}}});
        return Reply{201, list_view(version, false), "/v1/enterprises"};
    }, std::move(done));
}

json Service::list_view(std::int64_t version, bool with_levels) {
    SQLite::Statement q(conn(), "SELECT imported_at, imported_by, source, count, sha256 FROM lists WHERE version = ?");
    q.bind(1, version);
    if (!q.executeStep()) not_found("list version " + std::to_string(version));
    json v{{"version", version},          {"imported_at", local(q.getColumn(0).getInt64())},
           {"imported_by", q.getColumn(1).getString()}, {"source", q.getColumn(2).getString()},
           {"count", q.getColumn(3).getInt64()},        {"sha256", q.getColumn(4).getString()},
           {"drill", options_.drill}};
    if (with_levels) {
        v["levels"] = json::object();
        for (auto const& level : plan_.levels)
            if (plan_.reduction_targets.count(level.id)) v["levels"][level.id] = reduction_plan(version, level.id);
        for (char const* dim : {"district", "grade", "industry"}) {
            json counts = json::object();
            SQLite::Statement g(conn(), std::string("SELECT ") + dim + ", count(*) FROM enterprises WHERE list_version = ? "
                                      "GROUP BY 1 ORDER BY 1");
            g.bind(1, version);
            while (g.executeStep()) counts[g.getColumn(0).getString()] = g.getColumn(1).getInt64();
            v["by_" + std::string(dim)] = counts;
        }
    }
    return v;
}

bool Service::has_list() {
    auto lock = read_lock();
    return current_list_version().has_value();
}

json Service::current_list() {
    auto lock = read_lock();
    auto const version = current_list_version();
    if (!version) not_found("an emission-reduction list (none imported yet)");
    return list_view(*version, true);
}

json Service::enterprise(std::string const& credit_code) {
    auto lock = read_lock();
    auto const version = current_list_version();
    SQLite::Statement q(conn(), "SELECT b.body FROM enterprises e JOIN enterprise_bodies b ON b.list_version = "
                                "e.list_version AND b.id = e.id WHERE e.credit_code = ? AND e.list_version = ?");
    q.bind(1, credit_code);
    q.bind(2, version.value_or(0));
    if (!q.executeStep()) not_found("enterprise " + credit_code + " on the current list");
    json e = json::parse(q.getColumn(0).getString());
    e["list_version"] = *version;
    return e;
}

}  // namespace hazeguard::service
