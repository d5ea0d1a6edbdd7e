#include "engine/service/roster/roster_service.hpp"

#include "engine/service/error.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::service {
using nlohmann::json;

std::optional<plans::Roster> RosterService::in_force(ports::Store& store, plans::Plan const& plan) {
    auto const latest = store.rosters().latest();
    if (!latest) return std::nullopt;
    auto parsed = plans::parse_roster(json::parse(latest->body), plan.districts);
    if (auto* roster = std::get_if<plans::Roster>(&parsed)) return std::move(*roster);
    return std::nullopt;  // checked on import against the same plan: cannot happen unless the plan's districts changed
}

void RosterService::import(Command const& c, plans::Roster roster, std::string const& source, Answer<RosterSheet> answer) {
    auto canonical = plans::to_json(roster).dump();
    runner_.run(c, [roster = std::move(roster), canonical = std::move(canonical), source,
                    who = c.principal.name](Tx& tx) {
        ports::RosterVersion v{0, tx.now, who, source, engine::sha256_hex(canonical), canonical};
        auto const latest = tx.store.rosters().latest();
        if (latest && latest->sha256 == v.sha256) return RosterSheet{*latest, roster, true};
        v.version = tx.store.rosters().add(v);
        return RosterSheet{std::move(v), roster, false};
    }, std::move(answer));
}

RosterSheet RosterService::current() {
    std::optional<RosterSheet> out;
    transactions_.read([&](ports::Store& store) {
        auto const latest = store.rosters().latest();
        if (!latest) not_found("a roster of notice recipients");
        auto roster = in_force(store, views_.plan);
        if (!roster) throw Error(Errc::validation, "the roster in force no longer fits the plan's districts: import it again");
        out = RosterSheet{*latest, std::move(*roster), false};
    });
    return std::move(*out);
}

bool RosterService::has_roster() {
    bool has = false;
    transactions_.read([&](ports::Store& store) { has = store.rosters().latest().has_value(); });
    return has;
}

}  // namespace hazeguard::service
