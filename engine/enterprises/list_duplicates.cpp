// Duplicate credit codes, and duplicate names within one district (docs/list-format.md
// §"Validation"): every row of a group is reported, naming the other rows. Only the keys are kept,
// so a streamed list is checked without holding its enterprises.
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/enterprises/detail/list_common.hpp"

namespace hazeguard::engine::detail {

void DuplicateFinder::Keys::add(std::string_view first, std::string_view second, Seen seen) {
    if (entries_.size() * 2 >= table_.size()) grow();
    auto const offset = text_.size();
    text_.append(first).append(second);
    std::string_view const key(text_.data() + offset, first.size() + second.size());
    // The split is part of the key: ("ab", "c") and ("a", "bc") are two keys.
    std::size_t const hash = std::hash<std::string_view>{}(key) ^ (first.size() * 0x9e3779b97f4a7c15ULL);
    std::size_t const mask = table_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
        auto& slot = table_[at];
        if (slot.entry == 0) {
            slot = {hash, entries_.size() + 1};
            entries_.push_back({offset, key.size(), first.size()});
            first_.push_back(seen);
            return;
        }
        if (slot.hash != hash) continue;
        auto& entry = entries_[slot.entry - 1];
        if (entry.split != first.size() || std::string_view(text_.data() + entry.offset, entry.length) != key) continue;
        text_.resize(offset);  // known already
        if (entry.group == kNoGroup) {
            entry.group = groups_.size();
            groups_.push_back({first_[slot.entry - 1]});
        }
        groups_[entry.group].push_back(seen);
        return;
    }
}

void DuplicateFinder::Keys::grow() {
    std::vector<Slot> bigger(std::max<std::size_t>(1024, table_.size() * 2));
    std::size_t const mask = bigger.size() - 1;
    for (auto const& slot : table_) {
        if (slot.entry == 0) continue;
        std::size_t at = slot.hash & mask;
        while (bigger[at].entry != 0) at = (at + 1) & mask;
        bigger[at] = slot;
    }
    table_ = std::move(bigger);
}

void DuplicateFinder::add(Enterprise const& e, std::size_t index, int row) {
    if (!blank(e.credit_code)) codes_.add(e.credit_code, {}, {index, row});
    if (!blank(e.name)) names_.add(e.district, e.name, {index, row});
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
    codes_.each_repeated([&](std::string_view code, std::string_view, std::vector<Seen> const& group, Seen const& seen) {
        problems.push_back({seen.row, child(enterprise_pointer(seen.index), "credit_code"),
                            "duplicate credit code " + std::string(code) + " (also in row " + others(group, seen.index) + ")"});
    });
    names_.each_repeated([&](std::string_view district, std::string_view name, std::vector<Seen> const& group,
                             Seen const& seen) {
        problems.push_back({seen.row, child(enterprise_pointer(seen.index), "name"),
                            "duplicate name " + in_quotes(name) + " in district " + in_quotes(district) +
                                " (also in row " + others(group, seen.index) + ")"});
    });
}

}  // namespace hazeguard::engine::detail
