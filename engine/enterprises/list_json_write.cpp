// to_json: the canonical JSON form of a list. Optional members are written only when they carry
// something, so parse_list_json(to_json(list)) gives the same list back.
#include <string>

#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine {

namespace {

using nlohmann::json;

json pollutants(Pollutants const& values) {
    json out = json::object();
    for (auto const& [name, value] : values) out[name] = value;
    return out;
}

void put_if(json& object, char const* key, std::string const& value) {
    if (!value.empty()) object[key] = value;
}

json line_json(ProductionLine const& line) {
    json out = {{"id", line.id}, {"name", line.name}};
    put_if(out, "process", line.process);
    if (!line.emission_share.empty()) out["emission_share"] = pollutants(line.emission_share);
    return out;
}

json measure_json(LevelMeasure const& m) {
    json out = {{"level", m.level}, {"text", m.text}};
    if (!m.lines.empty()) out["lines"] = m.lines;
    put_if(out, "action", m.action);
    if (m.parameter) out["parameter"] = *m.parameter;
    if (!m.reductions_t_per_day.empty()) out["reductions_t_per_day"] = pollutants(m.reductions_t_per_day);
    put_if(out, "transport", m.transport);
    return out;
}

json contact_json(Contact const& c) {
    json out = {{"name", c.name}};
    put_if(out, "role", c.role);
    put_if(out, "phone", c.phone);
    return out;
}

}  // namespace

json to_json(Enterprise const& e) {
    json out = {{"credit_code", e.credit_code},
                {"name", e.name},
                {"district", e.district},
                {"industry", e.industry},
                {"grade", e.grade},
                {"operating_days", e.operating_days},
                {"baseline_t_per_year", pollutants(e.baseline_t_per_year)}};
    put_if(out, "park", e.park);
    if (e.baseline_kwh_per_day) out["baseline_kwh_per_day"] = *e.baseline_kwh_per_day;
    put_if(out, "guarantee", e.guarantee);
    json& lines = out["lines"] = json::array();
    for (auto const& line : e.lines) lines.push_back(line_json(line));
    json& measures = out["measures"] = json::array();
    for (auto const& m : e.measures) measures.push_back(measure_json(m));
    json& contacts = out["contacts"] = json::array();
    for (auto const& c : e.contacts) contacts.push_back(contact_json(c));
    return out;
}

json to_json(EnterpriseList const& list) {
    json items = json::array();
    for (auto const& e : list.enterprises) items.push_back(to_json(e));
    return {{"enterprises", std::move(items)}};
}

}  // namespace hazeguard::engine
