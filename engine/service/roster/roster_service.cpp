#include "engine/service/roster/roster_service.hpp"

#include "engine/service/error.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::service {
using nlohmann::json;

namespace {
plans::Roster checked(json const& doc, plans::Plan const& plan) {
    auto parsed = plans::parse_roster(doc, plan.districts);
    if (auto* problems = std::get_if<std::vector<plans::RosterProblem>>(&parsed)) {
        std::vector<FieldError> errors;
        for (auto& p : *problems) errors.push_back({std::move(p.pointer), std::move(p.message)});
        std::string const detail = "the roster has " + std::to_string(errors.size()) + " fault(s)";
        throw Error(Errc::validation, detail, std::move(errors));
    }
    return std::get<plans::Roster>(std::move(parsed));
}

json version_view(ports::RosterVersion const& v, plans::Roster const& roster, ViewContext const& views) {
    int texted = 0;
    for (auto const& r : roster.recipients)
        for (auto const& c : r.contacts) texted += !c.mobile.empty();
    return {{"version", v.version},          {"imported_at", views.local(v.imported_at)},
            {"imported_by", v.imported_by},  {"source", v.source},
            {"sha256", v.sha256},            {"recipients", roster.recipients.size()},
            {"mobile_contacts", texted},     {"roster", plans::to_json(roster)}};
}
}  // namespace

std::optional<plans::Roster> RosterService::in_force(ports::Store& store, plans::Plan const& plan) {
    auto const latest = store.rosters().latest();
    if (!latest) return std::nullopt;
    auto parsed = plans::parse_roster(json::parse(latest->body), plan.districts);
    if (auto* roster = std::get_if<plans::Roster>(&parsed)) return std::move(*roster);
    return std::nullopt;  // checked on import against the same plan: cannot happen unless the plan's districts changed
}

void RosterService::import(Command const& c, json const& body, std::string const& source, Completion done) {
    auto roster = checked(body, views_.plan);
    auto canonical = plans::to_json(roster).dump();
    runner_.run(c, [this, roster = std::move(roster), canonical = std::move(canonical), source,
                    who = c.principal.name](Tx& tx) {
        ports::RosterVersion v{0, tx.now, who, source, engine::sha256_hex(canonical), canonical};
        auto const latest = tx.store.rosters().latest();
        if (latest && latest->sha256 == v.sha256) {
            auto view = version_view(*latest, roster, views_);
            view["unchanged"] = true;
            return Reply{200, view, ""};
        }
        v.version = tx.store.rosters().add(v);
        return Reply{201, version_view(v, roster, views_), "/v1/roster"};
    }, std::move(done));
}

json RosterService::current() {
    json out;
    transactions_.read([&](ports::Store& store) {
        auto const latest = store.rosters().latest();
        if (!latest) not_found("a roster of notice recipients");
        auto roster = in_force(store, views_.plan);
        if (!roster) throw Error(Errc::validation, "the roster in force no longer fits the plan's districts: import it again");
        out = version_view(*latest, *roster, views_);
    });
    return out;
}

bool RosterService::has_roster() {
    bool has = false;
    transactions_.read([&](ports::Store& store) { has = store.rosters().latest().has_value(); });
    return has;
}

}  // namespace hazeguard::service
