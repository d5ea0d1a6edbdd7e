// Duplicate credit codes, and duplicate names within one district (docs/list-format.md
// §"Validation"): every row of a group is reported, naming the other rows.
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/enterprises/detail/list_common.hpp"

namespace hazeguard::engine::detail {

namespace {

struct NameKey {
    std::string_view district, name;
    bool operator==(NameKey const&) const = default;
};

struct KeyHash {
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    std::size_t operator()(NameKey const& k) const { return (*this)(k.district) * 31 + (*this)(k.name); }
};

bool blank_key(std::string_view key) { return blank(key); }
bool blank_key(NameKey const& key) { return blank(key.name); }

int row_of(std::span<int const> rows, std::size_t index) {
    return index < rows.size() ? rows[index] : static_cast<int>(index) + 1;
}

// Calls report(i, group) for each enterprise i whose non-blank key others share.
template <class Key, class KeyOf, class Report>
void for_each_group(std::vector<Enterprise> const& all, KeyOf key_of, Report report) {
    std::unordered_map<Key, std::size_t, KeyHash> first;               // key → first index
    std::unordered_map<std::size_t, std::vector<std::size_t>> groups;  // first index → all indices
    first.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        Key const key = key_of(all[i]);
        if (blank_key(key)) continue;
        auto const [it, fresh] = first.emplace(key, i);
        if (fresh) continue;
        auto& group = groups[it->second];
        if (group.empty()) group.push_back(it->second);
        group.push_back(i);
    }
    for (auto const& [head, group] : groups)
        for (auto const i : group) report(i, group);
}

}  // namespace

void report_duplicates(EnterpriseList const& list, std::span<int const> rows,
                       std::vector<ListProblem>& problems) {
    auto const& all = list.enterprises;
    auto const others = [&](std::vector<std::size_t> const& group, std::size_t self) {
        std::string out;
        for (auto const i : group) {
            if (i == self) continue;
            out += out.empty() ? "" : ", ";
            out += std::to_string(row_of(rows, i));
        }
        return out;
    };
    for_each_group<std::string_view>(
        all, [](Enterprise const& e) { return std::string_view(e.credit_code); },
        [&](std::size_t i, std::vector<std::size_t> const& group) {
            problems.push_back(
                {row_of(rows, i), child(enterprise_pointer(i), "credit_code"),
                 "duplicate credit code " + all[i].credit_code + " (also in row " + others(group, i) + ")"});
        });
    for_each_group<NameKey>(
        all,
        [](Enterprise const& e) {
            return NameKey{e.district, e.name};
        },
        [&](std::size_t i, std::vector<std::size_t> const& group) {
            problems.push_back({row_of(rows, i), child(enterprise_pointer(i), "name"),
                                "duplicate name " + in_quotes(all[i].name) + " in district " +
                                    in_quotes(all[i].district) + " (also in row " + others(group, i) + ")"});
        });
}

}  // namespace hazeguard::engine::detail
