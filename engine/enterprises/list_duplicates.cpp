// Duplicate credit codes, and duplicate names within one district (docs/list-format.md
// §"Validation"): every row of a group is reported, naming the other rows. Only the keys are kept,
// so a streamed list is checked without holding its enterprises.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/enterprises/detail/list_common.hpp"

namespace hazeguard::engine::detail {

void DuplicateFinder::Keys::add(std::string key, Seen seen) {
    auto const [it, fresh] = first.emplace(std::move(key), First{seen});
    if (fresh) return;
    if (it->second.group == kNoGroup) {
        it->second.group = groups.size();
        groups.push_back({it->second.seen});
    }
    groups[it->second.group].push_back(seen);
}

void DuplicateFinder::add(Enterprise const& e, std::size_t index, int row) {
    if (!blank(e.credit_code)) codes_.add(e.credit_code, {index, row});
    // The district's length first: no two different (district, name) pairs give one key.
    if (!blank(e.name)) names_.add(std::to_string(e.district.size()) + ':' + e.district + e.name, {index, row});
}

void DuplicateFinder::report(std::vector<ListProblem>& problems) const {
    auto const others = [](std::vector<Seen> const& group, std::size_t self) {
        std::string out;
        for (auto const& seen : group) {
            if (seen.index == self) continue;
            out += out.empty() ? "" : ", ";
            out += std::to_string(seen.row);
        }
        return out;
    };
    auto const each = [](Keys const& keys, auto&& f) {
        if (keys.groups.empty()) return;
        for (auto const& [key, first] : keys.first)
            if (first.group != kNoGroup)
                for (auto const& seen : keys.groups[first.group]) f(key, keys.groups[first.group], seen);
    };
    each(codes_, [&](std::string const& code, std::vector<Seen> const& group, Seen const& seen) {
        problems.push_back({seen.row, child(enterprise_pointer(seen.index), "credit_code"),
                            "duplicate credit code " + code + " (also in row " + others(group, seen.index) + ")"});
    });
    each(names_, [&](std::string const& key, std::vector<Seen> const& group, Seen const& seen) {
        auto const colon = key.find(':');
        auto const size = std::stoul(key.substr(0, colon));
        auto const district = std::string_view(key).substr(colon + 1, size);
        auto const name = std::string_view(key).substr(colon + 1 + size);
        problems.push_back({seen.row, child(enterprise_pointer(seen.index), "name"),
                            "duplicate name " + in_quotes(name) + " in district " + in_quotes(district) +
                                " (also in row " + others(group, seen.index) + ")"});
    });
}

}  // namespace hazeguard::engine::detail
