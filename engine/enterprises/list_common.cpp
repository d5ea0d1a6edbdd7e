#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/enterprises/detail/list_common.hpp"

namespace hazeguard::engine::detail {

bool is_pollutant(std::string_view name) {
    return std::find(std::begin(kPollutants), std::end(kPollutants), name) != std::end(kPollutants);
}

bool is_action(std::string_view name) {
    return std::find(std::begin(kActions), std::end(kActions), name) != std::end(kActions);
}

bool valid_phone(std::string_view phone) {
    if (phone.size() < 7 || phone.size() > 20) return false;
    bool digit = false;
    for (char const c : phone) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c != '+' && c != '-')
            return false;
    }
    return digit;
}

namespace {
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

bool blank(std::string_view text) { return std::all_of(text.begin(), text.end(), space); }

std::string_view trim(std::string_view text) {
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

std::string enterprise_pointer(std::size_t index) { return "/enterprises/" + std::to_string(index); }

std::string child(std::string pointer, std::string_view key) {
    std::string out = std::move(pointer);
    out += '/';
    for (char const c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string child(std::string pointer, std::size_t index) {
    pointer += '/';
    pointer += std::to_string(index);
    return pointer;
}

std::vector<std::string> pointer_tokens(std::string_view pointer) {
    std::vector<std::string> tokens;
    while (!pointer.empty() && pointer.front() == '/') {
        pointer.remove_prefix(1);
        auto const end = std::min(pointer.find('/'), pointer.size());
        std::string token;
        for (std::size_t i = 0; i < end; ++i) {
            if (pointer[i] == '~' && i + 1 < end) {
                token += pointer[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                token += pointer[i];
            }
        }
        tokens.push_back(std::move(token));
        pointer.remove_prefix(end);
    }
    return tokens;
}

std::string_view json_kind_name(nlohmann::json::value_t kind) {
    using nlohmann::json;
    switch (kind) {
        case json::value_t::null:
            return "null";
        case json::value_t::boolean:
            return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
            return "an integer";
        case json::value_t::number_float:
            return "a number";
        case json::value_t::string:
            return "a string";
        case json::value_t::array:
            return "an array";
        case json::value_t::object:
            return "an object";
        default:
            return "an unsupported value";
    }
}

std::string expected_type(std::string_view wanted, nlohmann::json::value_t got) {
    return "expected " + std::string(wanted) + ", got " + std::string(json_kind_name(got));
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string joined(std::span<std::string const> items) {
    std::string out;
    for (auto const& item : items) {
        if (!out.empty()) out += ", ";
        out += item;
    }
    return out;
}

std::string number_text(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

void merge_problems(std::vector<ListProblem>& problems, std::vector<ListProblem> validation) {
    std::set<std::string, std::less<>> taken;
    for (auto const& p : problems) taken.insert(p.pointer);
    // A value whose part is already reported is not judged again as a whole (a contact whose phone
    // has the wrong type is not also "no contact has a phone"), nor is anything inside it.
    auto const covered = [&](std::string const& pointer) {
        auto const below = taken.lower_bound(pointer + "/");
        if (below != taken.end() && below->compare(0, pointer.size() + 1, pointer + "/") == 0) return true;
        for (std::string_view at = pointer;;) {
            if (taken.count(at) != 0) return true;
            auto const slash = at.rfind('/');
            if (slash == std::string_view::npos) return false;
            at = at.substr(0, slash);
        }
    };
    for (auto& p : validation)
        if (!covered(p.pointer)) problems.push_back(std::move(p));
    std::stable_sort(problems.begin(), problems.end(),
                     [](ListProblem const& a, ListProblem const& b) { return a.row < b.row; });
}

}  // namespace hazeguard::engine::detail
