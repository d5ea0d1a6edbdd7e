#pragma once
/// @file csv_columns.hpp
/// @brief The columns of the CSV list form (docs/list-format.md §"CSV"): one canonical English key
/// each, a Chinese display name, and the header texts accepted for it. Internal to parse_list_csv.

#include <string>
#include <string_view>
#include <vector>

#include "engine/enterprises/enterprise.hpp"
#include "plans/plan.hpp"

namespace hazeguard::engine::detail {

enum class CsvField {
    credit_code,
    name,
    district,
    park,
    industry,
    grade,
    guarantee,
    operating_days,
    baseline_kwh,
    lines,
    so2,
    nox,
    pm,
    vocs,
    transport,
    contact_role,
    contact_name,
    contact_phone,
    level_measure,
    level_lines,
    level_action,
    level_parameter,
    level_reductions,
    level_transport
};

struct CsvColumn {
    std::string key;      ///< "credit_code", "yellow_measure"; used in pointers
    std::string name_cn;  ///< "统一社会信用代码", "黄色预警措施"
    CsvField field = CsvField::name;
    std::string level;  ///< the plan level id of a level_* column
    bool required = false;
    std::vector<std::string> headers;  ///< accepted header texts, normalised
};

/// @brief Every column the plan allows: the fixed ones, then six per plan level.
std::vector<CsvColumn> csv_columns(plans::Plan const& plan);

/// @brief A header cell as matched: trimmed, spaces removed, ASCII lower case, full-width
/// parentheses, slash and comma made ASCII ("SO2 （t/a）" → "so2(t/a)").
std::string normalize_header(std::string_view text);

/// @brief The CSV column holding the value at a validation pointer's tokens
/// ({"enterprises", "3", "measures", "0", "lines", "1"} → "yellow_lines" when measure 0 is yellow);
/// "" when the problem concerns the row as a whole.
std::string csv_column_key(std::vector<std::string> const& tokens, Enterprise const& e);

/// @brief "停产" → "stop" ..., or the text in ASCII lower case ("Stop" → "stop").
std::string canonical_action(std::string_view text);
/// @brief "so2", "二氧化硫" → "SO2" ...; an unknown name is returned unchanged.
std::string canonical_pollutant(std::string_view text);

}  // namespace hazeguard::engine::detail
