#include "engine/workflow/warning_json.hpp"

#include <stdexcept>

namespace hazeguard::engine {
namespace {
using nlohmann::json;

template <class T>
json opt(std::optional<T> const& v) {
    return v ? json(*v) : json(nullptr);
}

template <class T>
std::optional<T> get_opt(json const& j, char const* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return j.at(key).get<T>();
}
}  // namespace

json to_json(WarningState const& s) {
    json j{{"phase", std::string(phase_name(s.phase))},
           {"local_level", opt(s.local_level)},
           {"level", opt(s.level)},
           {"level_since", opt(s.level_since)},
           {"planned_end", opt(s.planned_end)},
           {"episodes_opened", s.episodes_opened},
           {"episode", opt(s.episode)},
           {"last_episode", opt(s.last_episode)},
           {"last_episode_end", opt(s.last_episode_end)},
           {"directives", json::array()},
           {"scheduled", nullptr}};
    for (auto const& d : s.directives) j["directives"].push_back({{"id", d.id}, {"level", d.level}});
    if (auto const& c = s.scheduled)
        j["scheduled"] = {{"action", c->action}, {"level", opt(c->level)}, {"start_at", c->start_at},
                          {"sets_end", c->sets_end}, {"end_at", opt(c->end_at)}, {"cause", c->cause}};
    return j;
}

WarningState warning_state_from_json(json const& j) {
    try {
        WarningState s;
        auto phase = phase_from_name(j.at("phase").get<std::string>());
        if (!phase) throw std::runtime_error("unknown phase");
        s.phase = *phase;
        s.local_level = get_opt<int>(j, "local_level");
        s.level = get_opt<int>(j, "level");
        s.level_since = get_opt<Instant>(j, "level_since");
        s.planned_end = get_opt<Instant>(j, "planned_end");
        s.episodes_opened = j.at("episodes_opened").get<int>();
        s.episode = get_opt<int>(j, "episode");
        s.last_episode = get_opt<int>(j, "last_episode");
        s.last_episode_end = get_opt<Instant>(j, "last_episode_end");
        for (auto const& d : j.at("directives"))
            s.directives.push_back({d.at("id").get<std::string>(), d.at("level").get<int>()});
        if (auto const& c = j.at("scheduled"); !c.is_null())
            s.scheduled = ScheduledChange{c.at("action").get<std::string>(), get_opt<int>(c, "level"),
                                          c.at("start_at").get<Instant>(),  c.at("sets_end").get<bool>(),
                                          get_opt<Instant>(c, "end_at"),    c.at("cause").get<std::string>()};
        return s;
    } catch (json::exception const& e) {
        throw std::runtime_error(std::string("stored warning state is invalid: ") + e.what());
    }
}

}  // namespace hazeguard::engine
