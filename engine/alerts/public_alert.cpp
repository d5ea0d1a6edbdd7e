#include "engine/alerts/public_alert.hpp"

#include <algorithm>
#include <cstdio>

namespace hazeguard::engine {

namespace {

bool published(plans::Plan const& plan, int rank) {
    return plan.public_alert && plan.public_alert->level(plan.level_at(rank).id) != nullptr;
}

/// The periods a state announces: the level in force until the scheduled change or the planned
/// end, then the scheduled level; unpublished levels and empty periods left out.
std::vector<AlertPeriod> periods_of(plans::Plan const& plan, WarningState const& s) {
    std::vector<AlertPeriod> out;
    if (s.level && s.level_since) {
        std::optional<Instant> end = s.planned_end;
        if (s.scheduled && (!end || s.scheduled->start_at < *end)) end = s.scheduled->start_at;
        out.push_back({*s.level, *s.level_since, end});
    }
    if (s.scheduled && s.scheduled->level)
        out.push_back({*s.scheduled->level, s.scheduled->start_at, s.scheduled->sets_end ? s.scheduled->end_at : s.planned_end});
    std::erase_if(out, [&](AlertPeriod const& p) { return !published(plan, p.level) || (p.expires && *p.expires <= p.onset); });
    return out;
}

bool still_public(std::vector<PublishedAlert> const& last_warning, Instant now) {
    if (last_warning.empty()) return false;
    auto const& newest = last_warning.back();
    return !newest.closes && (!newest.expires || *newest.expires > now);
}

}  // namespace

std::string cap_msg_type_name(CapMsgType t) {
    switch (t) {
        case CapMsgType::alert: return "Alert";
        case CapMsgType::update: return "Update";
        case CapMsgType::cancel: return "Cancel";
    }
    return "Alert";
}

std::optional<PublicAlert> next_public_alert(plans::Plan const& plan, WarningState const& before,
                                             WarningState const& after, std::string const& action,
                                             std::vector<PublishedAlert> const& last_warning, Instant now) {
    if (!plan.public_alert) return std::nullopt;
    PublicAlert a;
    a.action = action;
    a.periods = periods_of(plan, after);
    bool const known = still_public(last_warning, now);
    if (known)
        for (auto const& p : last_warning)
            if (!p.expires || *p.expires > now) a.references.push_back(p);
    if (!a.periods.empty()) {
        a.type = known ? CapMsgType::update : CapMsgType::alert;
        return a;
    }
    if (!known) return std::nullopt;  // nothing public before, nothing public now
    // Nothing public any more: a warning in force ended (all clear), or one that never started
    // was withdrawn (cancel).
    a.closes = true;
    if (before.level && published(plan, *before.level)) {
        a.type = CapMsgType::update;
        a.ended_level = *before.level;
    } else {
        a.type = CapMsgType::cancel;
        if (before.scheduled && before.scheduled->level && published(plan, *before.scheduled->level))
            a.ended_level = *before.scheduled->level;
    }
    return a;
}

std::string cap_identifier(std::string const& issuer_code, Instant sent, int offset_minutes, int n) {
    std::string const t = format_rfc3339(sent, offset_minutes);  // YYYY-MM-DDThh:mm:ss±hh:mm
    std::string const stamp = t.substr(0, 4) + t.substr(5, 2) + t.substr(8, 2) + t.substr(11, 2) + t.substr(14, 2) + t.substr(17, 2);
    return issuer_code + "_" + stamp + "_" + std::to_string(n);
}

}  // namespace hazeguard::engine
