// The list's history: its versions and a page of what changed between two (ListsService's reads,
// and the comparison of two entries of one plant).
#include "engine/service/lists/list_history.hpp"

#include <set>

#include "engine/service/error.hpp"
#include "engine/service/lists/lists_service.hpp"

namespace hazeguard::service {
using nlohmann::json;

namespace {
json entry_of(std::optional<std::string> const& body) {
    if (!body) return json::object();
    auto parsed = json::parse(*body, nullptr, false);
    return parsed.is_object() ? parsed : json::object();
}

json single_value(json const& entry, std::string const& field) {
    auto const it = entry.find(field);
    if (it == entry.end() || it->is_structured()) return nullptr;
    return *it;
}
}  // namespace

PlantChange plant_change(ports::ListChangeRow const& row) {
    auto const before = entry_of(row.before);
    auto const after = entry_of(row.after);
    PlantChange change{row.credit_code, "", !row.before ? "added" : !row.after ? "removed" : "changed", {}};
    auto const& named = row.after ? after : before;
    if (auto const name = named.find("name"); name != named.end() && name->is_string()) change.name = name->get<std::string>();
    if (!row.before || !row.after) return change;
    std::set<std::string> fields;
    for (auto const& [key, value] : before.items()) fields.insert(key);
    for (auto const& [key, value] : after.items()) fields.insert(key);
    for (auto const& field : fields) {
        auto const b = before.find(field);
        auto const a = after.find(field);
        bool const same = b != before.end() && a != after.end() && *b == *a;
        if (!same) change.fields.push_back({field, single_value(before, field), single_value(after, field)});
    }
    return change;
}

std::vector<ports::ListVersion> ListsService::versions() {
    std::vector<ports::ListVersion> out;
    transactions_.read([&](ports::Store& store) { out = store.lists().versions(); });
    return out;
}

ListChanges ListsService::changes(ListChangesQuery const& query) {
    ListChanges out;
    transactions_.read([&](ports::Store& store) {
        out.from = stored_version(store, query.from);
        out.to = stored_version(store, query.to);
        if (query.from == query.to) {  // a version does not differ from itself
            if (query.after.empty()) out.counts = ports::ListChangeCounts{};
            return;
        }
        if (query.after.empty()) out.counts = store.lists().change_counts(query.from, query.to);
        auto const rows = store.lists().changes(query.from, query.to, query.after, query.limit);
        for (auto const& row : rows) out.changes.push_back(plant_change(row));
        if (!rows.empty() && static_cast<int>(rows.size()) == query.limit) out.next_after = rows.back().credit_code;
    });
    return out;
}

}  // namespace hazeguard::service
