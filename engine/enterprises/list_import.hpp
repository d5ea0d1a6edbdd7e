#pragma once
/// @file list_import.hpp
/// @brief Reading an emission-reduction list from JSON or CSV and validating it against the plan.
/// Every bad row and field is reported at once; a list with problems is never used.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/enterprises/enterprise.hpp"
#include "plans/plan.hpp"

namespace hazeguard::engine {

/// @brief One problem in a list document.
struct ListProblem {
    int row = 0;            ///< JSON: index + 1 in "enterprises"; CSV: 1-based data row; 0 = the document
    std::string pointer;    ///< JSON pointer ("/enterprises/3/credit_code"); for CSV "/rows/3/credit_code"
    std::string message;
};

struct ListParseResult {
    EnterpriseList list;
    std::vector<ListProblem> problems;
    bool malformed = false;   ///< the text is not JSON at all (problems holds the parser's message)
    bool ok() const { return problems.empty(); }
};

/// @brief The JSON form: {"enterprises": [ {...}, ... ]} (docs/list-format.md).
ListParseResult parse_list_json(std::string_view text, plans::Plan const& plan);
/// @brief The CSV form exported from the cities' spreadsheets (docs/list-format.md).
ListParseResult parse_list_csv(std::string_view text, plans::Plan const& plan);
/// @brief Validates an already-built list (also run by both parsers).
std::vector<ListProblem> validate_list(EnterpriseList const& list, plans::Plan const& plan);

/// @brief What a valid list may still get wrong, reported without refusing it: a guarantee plant in
/// a key industry graded below the plan's `guarantee_grades` (domain §7.3). Pointers as in JSON.
std::vector<ListProblem> list_warnings(EnterpriseList const& list, plans::Plan const& plan);

/// @brief The JSON form of a list / one enterprise (round-trips through parse_list_json).
nlohmann::json to_json(Enterprise const& e);
nlohmann::json to_json(EnterpriseList const& list);

/// @brief GB 32100-2015: the 18th character of a unified social credit code from the first 17.
/// Returns '\0' when a character is outside the code's alphabet.
char credit_code_check_char(std::string_view first17);
/// @brief Format and check digit of a unified social credit code.
bool valid_credit_code(std::string_view code);

/// @brief The ten sample enterprises of domain §13 (valid credit codes), compiled in.
std::string_view embedded_sample_list();
/// @brief A realistic list of `count` enterprises: the ten samples first, then generated plants
/// with Taiyuan's districts, industries and grade mix. Deterministic for a seed.
EnterpriseList generate_list(plans::Plan const& plan, std::size_t count, std::uint64_t seed);

}  // namespace hazeguard::engine
