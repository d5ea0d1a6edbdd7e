#pragma once
/// @file list_checks.hpp
/// @brief What the two list targets assert about a parse result (list_json_fuzz, list_csv_fuzz).

#include <string>
#include <string_view>

#include "engine/enterprises/list_import.hpp"
#include "tests/fuzz/support/fuzz_checks.hpp"

namespace hazeguard::fuzz {

inline void check_list_result(std::string const& what, std::string_view input, engine::ListParseResult const& r,
                              plans::Plan const& plan) {
    // Every problem becomes an entry of a 422's errors[] (service_lists.cpp).
    for (auto const& p : r.problems) {
        check_client_text(what + " problem pointer", p.pointer, input);
        check_client_text(what + " problem message", p.message, input);
    }
    if (!r.ok()) return;
    auto const canonical = engine::to_json(r.list);
    check_dumps(what + " canonical form", canonical);
    check_finite(what + " canonical form", canonical);
    std::string const text = canonical.dump();
    auto const again = engine::parse_list_json(text, plan);
    if (!again.ok())
        finding(what + ": the canonical form of an accepted list is refused: " + again.problems.front().pointer + " " +
                    again.problems.front().message,
                text);
    if (engine::to_json(again.list) != canonical) finding(what + ": the canonical form does not read back to itself", text);
}

}  // namespace hazeguard::fuzz
